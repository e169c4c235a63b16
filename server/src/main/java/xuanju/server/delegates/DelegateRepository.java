package xuanju.server.delegates;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.quota.Gender;

/** Persistence of the delegates' recommendation stage (tables {@code delegate_*}, V38). */
@Repository
class DelegateRepository {
  private final JdbcTemplate jdbc;

  DelegateRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Allocation> allocation(long electionId) {
    return jdbc
        .query(
            "SELECT congress_name, congress_total, seats, document, margin_percent, version"
                + " FROM delegate_allocation WHERE election_id = ?",
            (rs, i) ->
                new Allocation(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getInt(6)),
            electionId)
        .stream()
        .findFirst();
  }

  /** Inserts or replaces the allocation; false when the version is stale. */
  boolean saveAllocation(
      long electionId, Allocation a, int expectedVersion, String actor, Instant at) {
    int n =
        jdbc.update(
            "UPDATE delegate_allocation SET congress_name = ?, congress_total = ?, seats = ?,"
                + " document = ?, margin_percent = ?, recorded_by = ?, recorded_at = ?,"
                + " version = version + 1 WHERE election_id = ? AND version = ?",
            a.congressName(),
            a.congressTotal(),
            a.seats(),
            a.document(),
            a.marginPercent(),
            actor,
            Timestamp.from(at),
            electionId,
            expectedVersion);
    if (n == 1) {
      return true;
    }
    if (allocation(electionId).isPresent()) {
      return false;
    }
    jdbc.update(
        "INSERT INTO delegate_allocation (election_id, congress_name, congress_total, seats,"
            + " document, margin_percent, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        a.congressName(),
        a.congressTotal(),
        a.seats(),
        a.document(),
        a.marginPercent(),
        actor,
        Timestamp.from(at));
    return true;
  }

  List<UpperNominee> upperNominees(long electionId) {
    return jdbc.query(
        "SELECT id, name, gender, birth_date, ethnicity, occupation, document"
            + " FROM delegate_upper_nominee WHERE election_id = ? ORDER BY id",
        (rs, i) ->
            new UpperNominee(
                rs.getLong(1),
                rs.getString(2),
                Gender.valueOf(rs.getString(3)).labelZh(),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7)),
        electionId);
  }

  void insertUpperNominee(
      long electionId,
      String name,
      Gender gender,
      LocalDate birth,
      String ethnicity,
      String occupation,
      String document,
      String actor,
      Instant at) {
    jdbc.update(
        "INSERT INTO delegate_upper_nominee (election_id, name, gender, birth_date, ethnicity,"
            + " occupation, document, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        name,
        gender.name(),
        Date.valueOf(birth),
        ethnicity,
        occupation,
        document,
        actor,
        Timestamp.from(at));
  }

  /** Corrects an upper nominee (更正); the caller has checked the values. */
  void correctUpperNominee(
      long electionId,
      long id,
      String name,
      Gender gender,
      LocalDate birth,
      String ethnicity,
      String occupation,
      String document) {
    jdbc.update(
        "UPDATE delegate_upper_nominee SET name = ?, gender = ?, birth_date = ?, ethnicity = ?,"
            + " occupation = ?, document = ? WHERE election_id = ? AND id = ?",
        name,
        gender.name(),
        Date.valueOf(birth),
        ethnicity,
        occupation,
        document,
        electionId,
        id);
  }

  /** Corrects a unit (更正); false when the version is stale. */
  boolean correctUnit(
      long unitId,
      int expectedVersion,
      String name,
      int quota,
      int listSize,
      int bureau,
      int division,
      int grassroots) {
    return jdbc.update(
            "UPDATE delegate_unit SET name = ?, quota = ?, list_size = ?, bureau = ?, division = ?,"
                + " grassroots = ?, version = version + 1 WHERE id = ? AND version = ?",
            name,
            quota,
            listSize,
            bureau,
            division,
            grassroots,
            unitId,
            expectedVersion)
        == 1;
  }

  private static final String UNIT_COLUMNS =
      "id, name, quota, list_size, bureau, division, grassroots, organisations_total,"
          + " organisations_joined, members_total, members_joined, submitted_at, version";

  private static RecommendationUnit unit(ResultSet rs, int i) throws SQLException {
    Timestamp s = rs.getTimestamp(12);
    return new RecommendationUnit(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getObject(8, Integer.class),
        rs.getObject(9, Integer.class),
        rs.getObject(10, Integer.class),
        rs.getObject(11, Integer.class),
        s == null ? null : s.toInstant(),
        rs.getInt(13));
  }

  List<RecommendationUnit> units(long electionId) {
    return jdbc.query(
        "SELECT " + UNIT_COLUMNS + " FROM delegate_unit WHERE election_id = ? ORDER BY id",
        DelegateRepository::unit,
        electionId);
  }

  Optional<RecommendationUnit> unit(long electionId, long unitId) {
    return jdbc
        .query(
            "SELECT " + UNIT_COLUMNS + " FROM delegate_unit WHERE election_id = ? AND id = ?",
            DelegateRepository::unit,
            electionId,
            unitId)
        .stream()
        .findFirst();
  }

  boolean unitNameTaken(long electionId, String name) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM delegate_unit WHERE election_id = ? AND name = ?",
            Integer.class,
            electionId,
            name);
    return n != null && n > 0;
  }

  long insertUnit(
      long electionId,
      String name,
      int quota,
      int listSize,
      int bureau,
      int division,
      int grassroots,
      String actor,
      Instant at) {
    jdbc.update(
        "INSERT INTO delegate_unit (election_id, name, quota, list_size, bureau, division,"
            + " grassroots, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        name,
        quota,
        listSize,
        bureau,
        division,
        grassroots,
        actor,
        Timestamp.from(at));
    return jdbc.queryForObject(
        "SELECT id FROM delegate_unit WHERE election_id = ? AND name = ?",
        Long.class,
        electionId,
        name);
  }

  /** Replaces the unit's list (the caller has checked it); false when the version is stale. */
  boolean replaceList(
      long unitId, int expectedVersion, List<Recommendee> people, String actor, Instant at) {
    int n =
        jdbc.update(
            "UPDATE delegate_unit SET submitted_by = ?, submitted_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            actor,
            Timestamp.from(at),
            unitId,
            expectedVersion);
    if (n != 1) {
      return false;
    }
    jdbc.update("DELETE FROM delegate_recommendee WHERE unit_id = ?", unitId);
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Recommendee r = people.get(i);
      rows.add(
          new Object[] {
            unitId,
            i + 1,
            r.name(),
            r.gender().name(),
            Date.valueOf(r.birthDate()),
            r.ethnicity(),
            r.category().name(),
            r.occupation(),
            String.join("、", r.tags()),
            r.supportVotes(),
            r.partyJoined() == null ? null : Date.valueOf(r.partyJoined()),
            r.education().isEmpty() ? null : r.education()
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO delegate_recommendee (unit_id, list_order, name, gender, birth_date,"
            + " ethnicity, category, occupation, tags, support_votes, party_joined, education)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return true;
  }

  boolean recordParticipation(
      long unitId,
      int expectedVersion,
      int organisationsTotal,
      int organisationsJoined,
      int membersTotal,
      int membersJoined) {
    return jdbc.update(
            "UPDATE delegate_unit SET organisations_total = ?, organisations_joined = ?,"
                + " members_total = ?, members_joined = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            organisationsTotal,
            organisationsJoined,
            membersTotal,
            membersJoined,
            unitId,
            expectedVersion)
        == 1;
  }

  /** Every unit's current list, by unit id, each in the order submitted. */
  Map<Long, List<Recommendee>> lists(long electionId) {
    Map<Long, List<Recommendee>> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT r.unit_id, r.name, r.gender, r.birth_date, r.ethnicity, r.category, r.occupation,"
            + " r.tags, r.support_votes, r.party_joined, r.education FROM delegate_recommendee r"
            + " JOIN delegate_unit u ON u.id = r.unit_id WHERE u.election_id = ?"
            + " ORDER BY r.unit_id, r.list_order",
        rs -> {
          String tags = rs.getString(8);
          Set<String> t =
              tags == null || tags.isBlank()
                  ? Set.of()
                  : Arrays.stream(tags.split("、")).collect(Collectors.toSet());
          out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
              .add(
                  new Recommendee(
                      rs.getString(2),
                      Gender.valueOf(rs.getString(3)),
                      rs.getObject(4, LocalDate.class),
                      rs.getString(5),
                      DelegateCategory.valueOf(rs.getString(6)),
                      rs.getString(7),
                      t,
                      rs.getInt(9),
                      rs.getObject(10, LocalDate.class),
                      rs.getString(11)));
        },
        electionId);
    return out;
  }
}
