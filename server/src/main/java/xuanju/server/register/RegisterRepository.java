package xuanju.server.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.register.Registration;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.register.RegistrationPlace;
import xuanju.core.register.VoterCertificate;
import xuanju.server.election.Election;

/** SQL of the voter register: districts, persons, legal status and registrations (V12, V14). */
@Repository
public class RegisterRepository {
  private static final String PERSON_COLUMNS =
      "p.id, p.organisation_id, p.name, p.resident_id, p.gender, p.birth_date, p.unit,"
          + " p.residents_group, p.address, p.hukou_place, p.residence_place, p.workplace,"
          + " p.died_on";

  /** {@link #PERSON_COLUMNS} with the three places left empty ({@link #persons}). */
  private static final String RUN_COLUMNS =
      "p.id, p.organisation_id, p.name, p.resident_id, p.gender, p.birth_date, p.unit,"
          + " p.residents_group, '', '', '', p.workplace, p.died_on";

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;

  public RegisterRepository(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(5000);
  }

  // ------------------------------------------------------------------ districts

  /** The districts of an election with their units, by number. */
  public List<DistrictInfo> districts(Election e) {
    Map<Long, List<DistrictInfo.Unit>> units = new HashMap<>();
    jdbc.query(
        "SELECT district_id, unit, residents_group FROM district_unit WHERE election_id = ?"
            + " ORDER BY id",
        rs -> {
          units
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new DistrictInfo.Unit(rs.getString(2), rs.getString(3)));
        },
        e.id());
    return jdbc.query(
        "SELECT id, number, name, basis FROM district WHERE election_id = ? ORDER BY number",
        (rs, i) ->
            new DistrictInfo(
                rs.getLong(1),
                e.id(),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                e.organisationId(),
                e.organisationName(),
                units.getOrDefault(rs.getLong(1), List.of())),
        e.id());
  }

  // ------------------------------------------------------------------ persons

  /** The organisation and every organisation below it. */
  public Set<Long> subtree(long organisationId) {
    Map<Long, List<Long>> children = new HashMap<>();
    jdbc.query(
        "SELECT id, parent_id FROM organisation WHERE parent_id IS NOT NULL",
        rs -> {
          children.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
        });
    Set<Long> out = new HashSet<>();
    List<Long> todo = new ArrayList<>(List.of(organisationId));
    while (!todo.isEmpty()) {
      long id = todo.remove(todo.size() - 1);
      if (out.add(id)) {
        todo.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return out;
  }

  /**
   * Streams the persons kept by the given organisations, for a registration run or a carry-over:
   * without their address, 户籍地 and 现居住地 (empty in the rows), which neither eligibility nor
   * registration reads, so that a million rows are read and decoded in less time.
   */
  public void persons(Set<Long> organisations, Consumer<PersonRow> sink) {
    streaming.query(
        "SELECT "
            + RUN_COLUMNS
            + " FROM person p WHERE p.organisation_id IN ("
            + in(organisations)
            + ")",
        rs -> {
          sink.accept(person(rs));
        });
  }

  /** The person with this resident ID number. */
  public Optional<PersonRow> personByResidentId(String residentId) {
    return jdbc
        .query(
            "SELECT " + PERSON_COLUMNS + " FROM person p WHERE p.resident_id = ?",
            (rs, i) -> person(rs),
            residentId)
        .stream()
        .findFirst();
  }

  /** The persons with these ids. */
  public Map<Long, PersonRow> personsById(Set<Long> ids) {
    Map<Long, PersonRow> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 1000) {
      List<Long> part = all.subList(from, Math.min(all.size(), from + 1000));
      jdbc.query(
          "SELECT " + PERSON_COLUMNS + " FROM person p WHERE p.id IN (" + in(part) + ")",
          rs -> {
            PersonRow p = person(rs);
            out.put(p.id(), p);
          });
    }
    return out;
  }

  private static PersonRow person(ResultSet rs) throws SQLException {
    return new PersonRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, LocalDate.class),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        date(rs, 13));
  }

  // ------------------------------------------------------------------ legal status

  private static final String LEGAL_COLUMNS =
      "s.person_id, s.kind, s.basis, s.authority, s.reason, s.evidence, s.first_day, s.last_day,"
          + " s.intermittent, s.confirmed_on, s.decision_ref";

  /**
   * The legal-status rows of the persons of these organisations (and of extra persons), by person.
   */
  public Map<Long, List<LegalStatuses.Row>> legalRows(Set<Long> organisations, Set<Long> persons) {
    Map<Long, List<LegalStatuses.Row>> out = new HashMap<>();
    String where =
        "p.organisation_id IN ("
            + in(organisations)
            + ")"
            + (persons.isEmpty() ? "" : " OR p.id IN (" + in(persons) + ")");
    jdbc.query(
        "SELECT "
            + LEGAL_COLUMNS
            + " FROM person_legal_status s JOIN person p ON p.id = s.person_id WHERE "
            + where
            + " ORDER BY s.id",
        rs -> {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(legalRow(rs));
        });
    return out;
  }

  /** The legal-status rows of one person. */
  public List<LegalStatuses.Row> legalRows(long personId) {
    return jdbc.query(
        "SELECT "
            + LEGAL_COLUMNS
            + " FROM person_legal_status s WHERE s.person_id = ? ORDER BY s.id",
        (rs, i) -> legalRow(rs),
        personId);
  }

  private static LegalStatuses.Row legalRow(ResultSet rs) throws SQLException {
    return new LegalStatuses.Row(
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        date(rs, 7),
        date(rs, 8),
        rs.getBoolean(9),
        date(rs, 10),
        rs.getString(11));
  }

  // ------------------------------------------------------------------ registrations

  private static final String REGISTRATION_SELECT =
      "SELECT p.resident_id, p.name, e.organisation_id, o.name, d.number, d.name, vr.basis,"
          + " vr.certificate_issuer, vr.certificate_no, vr.certificate_date, vr.workplace,"
          + " vr.decision_ref, vr.registered_on FROM voter_registration vr"
          + " JOIN person p ON p.id = vr.person_id JOIN district d ON d.id = vr.district_id"
          + " JOIN election e ON e.id = vr.election_id JOIN organisation o ON o.id ="
          + " e.organisation_id";

  /** Every listed registration of a register (scope), by resident ID number. */
  public Map<String, Registration> scopeRegistrations(String scope) {
    Map<String, Registration> out = new HashMap<>();
    streaming.query(
        REGISTRATION_SELECT + " WHERE vr.scope = ? AND vr.status = 'LISTED'",
        rs -> {
          Registration r = registration(rs);
          out.put(r.residentId(), r);
        },
        scope);
    return out;
  }

  /** The listed registration of one person in a register, if any. */
  public Optional<Registration> scopeRegistration(String scope, long personId) {
    return jdbc
        .query(
            REGISTRATION_SELECT
                + " WHERE vr.scope = ? AND vr.person_id = ? AND vr.status = 'LISTED'",
            (rs, i) -> registration(rs),
            scope,
            personId)
        .stream()
        .findFirst();
  }

  /** The registrations of a previous election's list (status LISTED), in voter-number order. */
  public List<Registration> electionRegistrations(long electionId) {
    return jdbc.query(
        REGISTRATION_SELECT
            + " WHERE vr.election_id = ? AND vr.status = 'LISTED' ORDER BY d.number, vr.voter_no",
        (rs, i) -> registration(rs),
        electionId);
  }

  private static Registration registration(ResultSet rs) throws SQLException {
    RegistrationBasis basis = RegistrationBasis.valueOf(rs.getString(7));
    VoterCertificate cert =
        rs.getString(8).isEmpty() && rs.getString(9).isEmpty()
            ? null
            : new VoterCertificate(rs.getString(8), rs.getString(9), date(rs, 10));
    return new Registration(
        rs.getString(1),
        rs.getString(2),
        new RegistrationPlace(
            Long.toString(rs.getLong(3)),
            rs.getString(4),
            Integer.toString(rs.getInt(5)),
            rs.getString(6)),
        basis,
        cert,
        rs.getString(11),
        rs.getString(12),
        rs.getDate(13).toLocalDate());
  }

  /** The removed (除名) registrations of a register by person, which a new registration reuses. */
  Map<Long, Long> removed(String scope) {
    Map<Long, Long> out = new HashMap<>();
    jdbc.query(
        "SELECT person_id, id FROM voter_registration WHERE scope = ? AND status = 'REMOVED'",
        rs -> {
          out.put(rs.getLong(1), rs.getLong(2));
        },
        scope);
    return out;
  }

  /** The highest voter number of a district (0 if none). */
  public int maxVoterNo(long districtId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT MAX(voter_no) FROM voter_registration WHERE district_id = ?",
            Integer.class,
            districtId);
    return n == null ? 0 : n;
  }

  /** The highest voter number of each of these districts (absent: none yet). */
  Map<Long, Integer> maxVoterNos(java.util.Collection<Long> districtIds) {
    Map<Long, Integer> out = new HashMap<>();
    if (districtIds.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT district_id, MAX(voter_no) FROM voter_registration WHERE district_id IN ("
            + in(districtIds)
            + ") GROUP BY district_id",
        rs -> {
          out.put(rs.getLong(1), rs.getInt(2));
        });
    return out;
  }

  /** A registration to insert. */
  public record NewRegistration(
      long electionId,
      long districtId,
      long personId,
      String scope,
      int voterNo,
      Registration registration) {}

  /** Inserts registrations in batches; a person with a removed row in the scope reuses it. */
  public void insert(List<NewRegistration> rows, Instant now) {
    Timestamp ts = Timestamp.from(now);
    List<Object[]> batch = new ArrayList<>();
    Map<String, Map<Long, Long>> removedByScope = new HashMap<>();
    for (NewRegistration n : rows) {
      Registration r = n.registration();
      VoterCertificate c = r.certificate();
      Optional<Long> removed =
          Optional.ofNullable(
              removedByScope.computeIfAbsent(n.scope(), this::removed).get(n.personId()));
      Object[] values = {
        n.electionId(),
        n.districtId(),
        n.voterNo(),
        r.basis().name(),
        c == null ? "" : c.issuer(),
        c == null ? "" : c.number(),
        c == null || c.issuedOn() == null ? null : Date.valueOf(c.issuedOn()),
        r.workplace(),
        r.decisionRef(),
        Date.valueOf(r.registeredOn()),
        ts
      };
      if (removed.isPresent()) {
        jdbc.update(REUSE, append(values, removed.get()));
        continue;
      }
      batch.add(
          new Object[] {
            n.electionId(),
            n.districtId(),
            n.personId(),
            n.scope(),
            n.voterNo(),
            values[3],
            values[4],
            values[5],
            values[6],
            values[7],
            values[8],
            values[9],
            ts,
            ts
          });
      if (batch.size() == 1000) {
        flush(batch);
      }
    }
    flush(batch);
  }

  private static final String REUSE =
      "UPDATE voter_registration SET election_id = ?, district_id = ?, voter_no = ?, basis = ?,"
          + " certificate_issuer = ?, certificate_no = ?, certificate_date = ?, workplace = ?,"
          + " decision_ref = ?, registered_on = ?, updated_at = ?, status = 'LISTED',"
          + " removed_reason = '', station_id = NULL, version = version + 1 WHERE id = ?";

  /** Lists again the removed rows ({@code removed}: row by person) of these registrations. */
  void reuse(List<NewRegistration> rows, Map<Long, Long> removed, Instant now) {
    Timestamp ts = Timestamp.from(now);
    for (NewRegistration n : rows) {
      Registration r = n.registration();
      VoterCertificate c = r.certificate();
      jdbc.update(
          REUSE,
          n.electionId(),
          n.districtId(),
          n.voterNo(),
          r.basis().name(),
          c == null ? "" : c.issuer(),
          c == null ? "" : c.number(),
          c == null || c.issuedOn() == null ? null : Date.valueOf(c.issuedOn()),
          r.workplace(),
          r.decisionRef(),
          Date.valueOf(r.registeredOn()),
          ts,
          removed.get(n.personId()));
    }
  }

  private static Object[] append(Object[] a, Object x) {
    Object[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = x;
    return out;
  }

  private void flush(List<Object[]> batch) {
    if (batch.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "INSERT INTO voter_registration (election_id, district_id, person_id, scope, voter_no,"
            + " basis, certificate_issuer, certificate_no, certificate_date, workplace,"
            + " decision_ref, registered_on, status, created_at, updated_at) VALUES (?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, 'LISTED', ?, ?)",
        batch);
    batch.clear();
  }

  /** Listed voters per district of an election. */
  public Map<Long, Integer> listedCounts(long electionId) {
    Map<Long, Integer> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT district_id, COUNT(*) FROM voter_registration WHERE election_id = ? AND status ="
            + " 'LISTED' GROUP BY district_id",
        rs -> {
          out.put(rs.getLong(1), rs.getInt(2));
        },
        electionId);
    return out;
  }

  /** The ids of persons with a listed registration in this election. */
  public Set<Long> listedPersons(long electionId) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT person_id FROM voter_registration WHERE election_id = ? AND status = 'LISTED'",
            Long.class,
            electionId));
  }

  // ------------------------------------------------------------------ helpers

  static String in(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return "NULL";
    }
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static LocalDate date(ResultSet rs, int col) throws SQLException {
    return rs.getObject(col, LocalDate.class);
  }
}
