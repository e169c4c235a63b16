package xuanju.server.person;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import xuanju.core.names.NameOrder;
import xuanju.core.quota.Gender;
import xuanju.core.register.Incapacity;
import xuanju.core.register.LegalStatus;
import xuanju.core.register.Occupation;
import xuanju.core.register.PoliticalStatus;
import xuanju.core.register.Resident;
import xuanju.core.roster.ResidentIds;

/**
 * The person register's tables (居民名册表) {@code person} and {@code person_legal_status}, JDBC. Shared
 * read API for the other register packages; it checks no access (callers do, with {@code
 * AccessService}). Writes go through {@link PersonService} and {@link PersonImportService}, which
 * audit them.
 *
 * <p>Order of lists: organisation, then 村/社区/单位 and 居民小组 in {@linkplain NaturalOrder natural
 * order}, then 姓氏笔画 ({@link NameOrder#surnameStrokes()}), then id. Sorting by strokes happens in
 * memory one group at a time, so a page or a streamed list holds at most one group's ids and names.
 */
@Repository
public class PersonRepository {
  static final String COLUMNS =
      "id, organisation_id, unit, name, resident_id, gender, birth_date, ethnicity, address,"
          + " hukou_place, residence_place, residents_group, household, workplace, party_member_id,"
          + " political_status, occupation, tags, died_on, version";
  private static final int CHUNK = 500;
  private static final NameOrder STROKES = NameOrder.surnameStrokes();

  private final JdbcTemplate jdbc;

  public PersonRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Who holds a resident ID number: person, organisation (and its name), unit and group. */
  public record Holder(
      long personId,
      long organisationId,
      String organisationName,
      String unit,
      String group,
      String name) {
    /** Where, in Chinese: {@code 「图克镇」巴音村第一村民小组}. */
    public String whereZh() {
      return "「" + organisationName + "」" + unit + group;
    }
  }

  /** How many people one 村/社区/单位 and 居民小组 of an organisation has (居民小组人数). */
  public record GroupCount(long organisationId, String unit, String group, long count) {}

  // ---------------------------------------------------------------- single look-ups

  /** The person with this id. */
  public Optional<Person> find(long id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM person WHERE id = ?", PersonRepository::map, id)
        .stream()
        .findFirst();
  }

  /** The person with this resident ID number (normalised first: spaces, lower-case x). */
  public Optional<Person> findByResidentId(String residentId) {
    if (residentId == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM person WHERE resident_id = ?",
            PersonRepository::map,
            ResidentIds.normalise(residentId))
        .stream()
        .findFirst();
  }

  /** The people with these ids, in the order given (missing ids left out). */
  public List<Person> findAll(List<Long> ids) {
    Map<Long, Person> byId = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      jdbc.query(
          "SELECT " + COLUMNS + " FROM person WHERE id IN (" + marks(chunk.size()) + ")",
          rs -> {
            Person p = map(rs, 0);
            byId.put(p.id(), p);
          },
          chunk.toArray());
    }
    List<Person> out = new ArrayList<>(ids.size());
    for (Long id : ids) {
      Person p = byId.get(id);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Every resident ID number in the register (all organisations) if there are at most {@code limit}
   * people, else null. One count and, if small enough, one scan of the unique index's column.
   */
  public java.util.Set<String> residentIdsIfAtMost(int limit) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM person", Long.class);
    if (n == null || n > limit) {
      return null;
    }
    java.util.Set<String> out = new java.util.HashSet<>((int) (n * 4 / 3) + 16);
    jdbc.query(
        "SELECT resident_id FROM person",
        rs -> {
          out.add(rs.getString(1));
        });
    return out;
  }

  /** The current holders of the given (normalised) resident ID numbers, in any organisation. */
  public Map<String, Holder> holders(Collection<String> residentIds) {
    Map<String, Holder> out = new HashMap<>();
    List<String> all = new ArrayList<>(residentIds);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      jdbc.query(
          "SELECT p.resident_id, p.id, p.organisation_id, o.name, p.unit, p.residents_group,"
              + " p.name FROM person p JOIN organisation o ON o.id = p.organisation_id"
              + " WHERE p.resident_id IN ("
              + marks(chunk.size())
              + ")",
          rs -> {
            out.put(
                rs.getString(1),
                new Holder(
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
          },
          chunk.toArray());
    }
    return out;
  }

  /**
   * The same as {@link #holders} in one query with an array parameter ({@code = ANY(?)}), through
   * {@code db} (during a streaming import: a connection of its own, as the import's is busy with
   * its COPY; it sees committed rows).
   */
  static Map<String, Holder> holdersByArray(JdbcTemplate db, Collection<String> residentIds) {
    Map<String, Holder> out = new HashMap<>();
    if (residentIds.isEmpty()) {
      return out;
    }
    String[] ids = residentIds.toArray(String[]::new);
    db.query(
        "SELECT p.resident_id, p.id, p.organisation_id, o.name, p.unit, p.residents_group,"
            + " p.name FROM person p JOIN organisation o ON o.id = p.organisation_id"
            + " WHERE p.resident_id = ANY(?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", ids)),
        rs -> {
          out.put(
              rs.getString(1),
              new Holder(
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
        });
    return out;
  }

  // ---------------------------------------------------------------- lists

  /** The number of people matching the query. */
  public long count(PersonQuery q) {
    Where w = where(q);
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM person" + w.sql, Long.class, w.args());
    return n == null ? 0 : n;
  }

  /** The people per 村/社区/单位 and 居民小组 matching the query, in list order. */
  public List<GroupCount> groups(PersonQuery q) {
    Where w = where(q);
    List<GroupCount> out =
        new ArrayList<>(
            jdbc.query(
                "SELECT organisation_id, unit, residents_group, COUNT(*) FROM person"
                    + w.sql
                    + " GROUP BY organisation_id, unit, residents_group",
                (rs, i) ->
                    new GroupCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                w.args()));
    out.sort(
        Comparator.comparingLong(GroupCount::organisationId)
            .thenComparing(GroupCount::unit, NaturalOrder.INSTANCE)
            .thenComparing(GroupCount::group, NaturalOrder.INSTANCE));
    return out;
  }

  /** The distinct 村/社区/单位 of an organisation, in natural order. */
  public List<String> units(long organisationId) {
    List<String> out =
        new ArrayList<>(
            jdbc.queryForList(
                "SELECT DISTINCT unit FROM person WHERE organisation_id = ?",
                String.class,
                organisationId));
    out.sort(NaturalOrder.INSTANCE);
    return out;
  }

  /** A page of the people matching the query, in list order. */
  public List<Person> page(PersonQuery q, long offset, int limit) {
    List<Long> ids = new ArrayList<>();
    long skip = Math.max(0, offset);
    for (GroupCount g : groups(q)) {
      if (ids.size() >= limit) {
        break;
      }
      if (skip >= g.count()) {
        skip -= g.count();
        continue;
      }
      List<Long> ordered = orderedIds(q, g);
      int from = (int) skip;
      int to = (int) Math.min(ordered.size(), from + (long) (limit - ids.size()));
      if (from < to) {
        ids.addAll(ordered.subList(from, to));
      }
      skip = 0;
    }
    return findAll(ids);
  }

  /** The people of one unit (and group; null = the whole unit) of an organisation, in order. */
  public List<Person> list(long organisationId, String unit, String group) {
    List<Person> out = new ArrayList<>();
    forEachInOrder(PersonQuery.of(organisationId, unit, group), out::add);
    return out;
  }

  /**
   * Streams the people matching the query in list order (unit, group, 姓氏笔画), one group at a time:
   * the group's ids and names are sorted in memory, the rows fetched in chunks.
   */
  public void forEachInOrder(PersonQuery q, Consumer<Person> sink) {
    for (GroupCount g : groups(q)) {
      List<Long> ids = orderedIds(q, g);
      for (int from = 0; from < ids.size(); from += CHUNK) {
        findAll(ids.subList(from, Math.min(ids.size(), from + CHUNK))).forEach(sink);
      }
    }
  }

  /**
   * Streams the people matching the query in id order without sorting (for bulk work such as
   * eligibility over a whole register): rows are fetched 1,000 at a time, never all at once.
   */
  public void forEach(PersonQuery q, Consumer<Person> sink) {
    Where w = where(q);
    jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement("SELECT " + COLUMNS + " FROM person" + w.sql + " ORDER BY id");
          ps.setFetchSize(1000);
          Object[] args = w.args();
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          return ps;
        },
        rs -> {
          sink.accept(map(rs, 0));
        });
  }

  private List<Long> orderedIds(PersonQuery q, GroupCount g) {
    PersonQuery one =
        new PersonQuery(java.util.Set.of(g.organisationId()), q.text(), g.unit(), g.group());
    Where w = where(one);
    List<long[]> idAndName = new ArrayList<>();
    List<String> names = new ArrayList<>();
    jdbc.query(
        "SELECT id, name FROM person" + w.sql,
        rs -> {
          idAndName.add(new long[] {rs.getLong(1), names.size()});
          names.add(rs.getString(2));
        },
        w.args());
    Map<String, Integer> rank = new HashMap<>();
    List<String> distinct = new ArrayList<>(new java.util.HashSet<>(names));
    List<String> sorted;
    try {
      sorted = STROKES.sort(distinct);
    } catch (RuntimeException e) {
      distinct.sort(null); // a name the stroke order cannot read: fall back to text order
      sorted = distinct;
    }
    for (int i = 0; i < sorted.size(); i++) {
      rank.put(sorted.get(i), i);
    }
    idAndName.sort(
        Comparator.<long[]>comparingInt(a -> rank.get(names.get((int) a[1])))
            .thenComparingLong(a -> a[0]));
    List<Long> out = new ArrayList<>(idAndName.size());
    for (long[] a : idAndName) {
      out.add(a[0]);
    }
    return out;
  }

  // ---------------------------------------------------------------- legal status

  /** The legal-status records of a person, oldest first. */
  public List<LegalStatusRecord> legalStatusRecords(long personId) {
    return jdbc.query(
        "SELECT * FROM person_legal_status WHERE person_id = ? ORDER BY id",
        PersonRepository::mapStatus,
        personId);
  }

  /** The core legal status of a person ({@link LegalStatus#none()} when nothing is recorded). */
  public LegalStatus legalStatus(long personId) {
    return LegalStatusRecord.toLegalStatus(legalStatusRecords(personId));
  }

  /**
   * The legal status of every person of an organisation that has a record (usually few); everyone
   * else has {@link LegalStatus#none()}. For bulk eligibility over a register.
   */
  public Map<Long, LegalStatus> legalStatuses(long organisationId) {
    Map<Long, List<LegalStatusRecord>> byPerson = new LinkedHashMap<>();
    jdbc.query(
        "SELECT s.* FROM person_legal_status s JOIN person p ON p.id = s.person_id"
            + " WHERE p.organisation_id = ? ORDER BY s.id",
        rs -> {
          LegalStatusRecord r = mapStatus(rs, 0);
          byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
        },
        organisationId);
    Map<Long, LegalStatus> out = new HashMap<>();
    byPerson.forEach((k, v) -> out.put(k, LegalStatusRecord.toLegalStatus(v)));
    return out;
  }

  Optional<LegalStatusRecord> findStatus(long statusId) {
    return jdbc
        .query(
            "SELECT * FROM person_legal_status WHERE id = ?", PersonRepository::mapStatus, statusId)
        .stream()
        .findFirst();
  }

  long insertStatus(LegalStatusRecord r) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "INSERT INTO person_legal_status (person_id, kind, basis, authority, reason,"
                      + " evidence, first_day, last_day, intermittent, confirmed_on, decision_ref,"
                      + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, r.personId());
          int i = bindStatus(ps, 2, r);
          ps.setString(i, r.recordedBy());
          ps.setTimestamp(i + 1, Timestamp.from(r.recordedAt()));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  void updateStatus(LegalStatusRecord r) {
    jdbc.update(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "UPDATE person_legal_status SET kind = ?, basis = ?, authority = ?, reason = ?,"
                      + " evidence = ?, first_day = ?, last_day = ?, intermittent = ?,"
                      + " confirmed_on = ?, decision_ref = ?, recorded_by = ?, recorded_at = ?"
                      + " WHERE id = ?");
          int i = bindStatus(ps, 1, r);
          ps.setString(i, r.recordedBy());
          ps.setTimestamp(i + 1, Timestamp.from(r.recordedAt()));
          ps.setLong(i + 2, r.id());
          return ps;
        });
  }

  void deleteStatus(long statusId) {
    jdbc.update("DELETE FROM person_legal_status WHERE id = ?", statusId);
  }

  private static int bindStatus(PreparedStatement ps, int first, LegalStatusRecord r)
      throws SQLException {
    int i = first;
    ps.setString(i++, r.kind().name());
    ps.setString(i++, r.basis());
    ps.setString(i++, r.authority());
    ps.setString(i++, r.reason());
    ps.setString(i++, r.evidence() == null ? null : r.evidence().name());
    ps.setObject(i++, r.firstDay());
    ps.setObject(i++, r.lastDay());
    ps.setBoolean(i++, r.intermittent());
    ps.setObject(i++, r.confirmedOn());
    ps.setString(i++, r.decisionRef());
    return i;
  }

  // ---------------------------------------------------------------- writes

  long insert(long organisationId, String unit, Resident r, Long partyMemberId, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "INSERT INTO person (organisation_id, unit, name, resident_id, gender,"
                      + " birth_date, ethnicity, address, hukou_place, residence_place,"
                      + " residents_group, workplace, political_status, occupation, tags,"
                      + " household, party_member_id, created_at, updated_at, version)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                  new String[] {"id"});
          ps.setLong(1, organisationId);
          ps.setString(2, unit);
          int i = bind(ps, 3, r);
          ps.setObject(i, partyMemberId);
          ps.setTimestamp(i + 1, Timestamp.from(now));
          ps.setTimestamp(i + 2, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  /** Updates a person if the version is still {@code expectedVersion}. */
  boolean update(
      long id, int expectedVersion, String unit, Resident r, Long partyMemberId, Instant now) {
    return jdbc.update(
            con -> {
              PreparedStatement ps =
                  con.prepareStatement(
                      "UPDATE person SET unit = ?, name = ?, resident_id = ?, gender = ?,"
                          + " birth_date = ?, ethnicity = ?, address = ?, hukou_place = ?,"
                          + " residence_place = ?, residents_group = ?, workplace = ?,"
                          + " political_status = ?, occupation = ?, tags = ?, household = ?,"
                          + " party_member_id = ?, updated_at = ?, version = version + 1"
                          + " WHERE id = ? AND version = ?");
              ps.setString(1, unit);
              int i = bind(ps, 2, r);
              ps.setObject(i, partyMemberId);
              ps.setTimestamp(i + 1, Timestamp.from(now));
              ps.setLong(i + 2, id);
              ps.setInt(i + 3, expectedVersion);
              return ps;
            })
        == 1;
  }

  /** Records (or clears, with null) the day of death if the version is unchanged. */
  boolean markDeath(long id, int expectedVersion, LocalDate diedOn, Instant now) {
    return jdbc.update(
            "UPDATE person SET died_on = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            diedOn,
            Timestamp.from(now),
            id,
            expectedVersion)
        == 1;
  }

  /** The party-roster entry with this resident ID number, if any. */
  Optional<Long> partyMemberOf(String residentId) {
    return jdbc
        .queryForList("SELECT id FROM party_member WHERE resident_id = ?", Long.class, residentId)
        .stream()
        .findFirst();
  }

  /**
   * Links the organisation's people to the party roster by ID number where not yet linked and the
   * political status is unknown or CPC; returns how many were linked.
   */
  int linkPartyMembers(long organisationId) {
    return jdbc.update(
        "UPDATE person SET party_member_id ="
            + " (SELECT m.id FROM party_member m WHERE m.resident_id = person.resident_id)"
            + " WHERE organisation_id = ? AND party_member_id IS NULL"
            + " AND (political_status IS NULL OR political_status IN ('CPC_MEMBER',"
            + " 'CPC_PROBATIONARY'))"
            + " AND resident_id IN (SELECT resident_id FROM party_member)",
        organisationId);
  }

  /**
   * Binds the fourteen columns name … tags, household (in the order of the column lists that use
   * it) from {@code first}; returns the next index.
   */
  static int bind(PreparedStatement ps, int first, Resident r) throws SQLException {
    int i = first;
    ps.setString(i++, r.name());
    ps.setString(i++, r.idNumber());
    ps.setString(i++, r.gender().name());
    ps.setObject(i++, r.birthDate());
    ps.setString(i++, r.ethnicity());
    ps.setString(i++, r.address());
    ps.setString(i++, r.hukouPlace());
    ps.setString(i++, r.residencePlace());
    ps.setString(i++, r.group());
    ps.setString(i++, r.workplace());
    ps.setString(i++, r.politicalStatus() == null ? null : r.politicalStatus().name());
    ps.setString(i++, r.occupation() == null ? null : r.occupation().name());
    ps.setString(i++, tagsText(r));
    ps.setString(i++, r.household());
    return i;
  }

  /** The tags as stored: sorted, joined by {@code 、}. */
  static String tagsText(Resident r) {
    return String.join("、", r.tags().stream().sorted().toList());
  }

  // ---------------------------------------------------------------- mapping

  static Person map(ResultSet rs, int row) throws SQLException {
    String tags = rs.getString("tags");
    String ps = rs.getString("political_status");
    String occ = rs.getString("occupation");
    long pm = rs.getLong("party_member_id");
    Long partyMemberId = rs.wasNull() ? null : pm;
    return new Person(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("unit"),
        rs.getString("residents_group"),
        rs.getString("household"),
        rs.getString("name"),
        rs.getString("resident_id"),
        Gender.valueOf(rs.getString("gender")),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("ethnicity"),
        rs.getString("address"),
        rs.getString("hukou_place"),
        rs.getString("residence_place"),
        rs.getString("workplace"),
        partyMemberId,
        ps == null ? null : PoliticalStatus.valueOf(ps),
        occ == null ? null : Occupation.valueOf(occ),
        tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("、")),
        rs.getObject("died_on", LocalDate.class),
        rs.getInt("version"));
  }

  static LegalStatusRecord mapStatus(ResultSet rs, int row) throws SQLException {
    String ev = rs.getString("evidence");
    return new LegalStatusRecord(
        rs.getLong("id"),
        rs.getLong("person_id"),
        LegalStatusKind.valueOf(rs.getString("kind")),
        rs.getString("basis"),
        rs.getString("authority"),
        rs.getString("reason"),
        ev == null ? null : Incapacity.Evidence.valueOf(ev),
        rs.getObject("first_day", LocalDate.class),
        rs.getObject("last_day", LocalDate.class),
        rs.getBoolean("intermittent"),
        rs.getObject("confirmed_on", LocalDate.class),
        rs.getString("decision_ref"),
        rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant());
  }

  // ---------------------------------------------------------------- filters

  private record Where(String sql, List<Object> params) {
    Object[] args() {
      return params.toArray();
    }
  }

  private static Where where(PersonQuery q) {
    List<String> parts = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (q.organisations() != null) {
      if (q.organisations().isEmpty()) {
        parts.add("1 = 0");
      } else {
        parts.add("organisation_id IN (" + marks(q.organisations().size()) + ")");
        args.addAll(q.organisations().stream().sorted().toList());
      }
    }
    if (q.unit() != null) {
      parts.add("unit = ?");
      args.add(q.unit());
    }
    if (q.group() != null) {
      parts.add("residents_group = ?");
      args.add(q.group());
    }
    if (!q.text().isEmpty()) {
      String like = "%" + escapeLike(q.text()) + "%";
      String id = ResidentIds.normalise(q.text());
      if (id.length() >= 4 && id.matches("[0-9X]+")) {
        parts.add("(name LIKE ? OR unit LIKE ? OR resident_id LIKE ? OR household = ?)");
        args.add(like);
        args.add(like);
        args.add(escapeLike(id) + "%");
        args.add(q.text().strip());
      } else {
        parts.add("(name LIKE ? OR unit LIKE ? OR residents_group LIKE ? OR household = ?)");
        args.add(like);
        args.add(like);
        args.add(like);
        args.add(q.text().strip());
      }
    }
    return new Where(
        parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts),
        Collections.unmodifiableList(args));
  }

  static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
