package xuanju.server.card;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reads of the check-in look-up (签到查询). Each look-up is one query through an index: the exact
 * name ({@code ix_person_name}, then {@code uq_voter_registration_person_scope}), the ID number
 * ({@code uq_person_resident_id}), the voter card ({@code uq_voter_registration_no}) or a name
 * prefix ({@code ix_person_name}, or on a PostgreSQL database whose collation is not C {@code
 * ix_person_name_prefix}, V18). The same query answers whether the voter has checked in, whom the
 * voter's valid proxy (委托投票) names and how many valid proxies the voter holds; only a voter who
 * holds proxies needs a second query for their names ({@link #holds}).
 */
@Repository
class VoterLookupRepository {
  private final JdbcTemplate jdbc;

  VoterLookupRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A listed voter found, with the check-in state (first stage, the voter's own key {@link
   * VoterKeys}), the holder of the voter's valid proxy (null if none) and the number of valid
   * proxies the voter holds.
   */
  record Found(
      long registrationId,
      String name,
      String residentId,
      int districtNumber,
      String districtName,
      String stationName,
      int voterNo,
      boolean checkedIn,
      String delegatedTo,
      int holdCount) {
    String districtZh() {
      return "第" + districtNumber + "选区（" + districtName + "）";
    }
  }

  // One live proxy per principal (uq_voter_proxy_active), so MIN picks the one valid holder.
  private static final String SELECT =
      "SELECT r.id, p.name, p.resident_id, d.number, d.name, s.name, r.voter_no,"
          + " CASE WHEN EXISTS (SELECT 1 FROM voting_checkin c WHERE c.election_id = r.election_id"
          + "  AND c.stage = 1 AND c.person_key = 'v' || CAST(r.id AS VARCHAR(20)))"
          + "  THEN 1 ELSE 0 END,"
          + " (SELECT MIN(hp.name) FROM voter_proxy x"
          + "  JOIN voter_registration hr ON hr.id = x.holder_registration_id"
          + "  JOIN person hp ON hp.id = hr.person_id"
          + "  WHERE x.principal_registration_id = r.id AND x.status = 'VALID'),"
          + " (SELECT COUNT(*) FROM voter_proxy y"
          + "  WHERE y.holder_registration_id = r.id AND y.status = 'VALID')"
          + " FROM voter_registration r JOIN person p ON p.id = r.person_id"
          + " JOIN district d ON d.id = r.district_id"
          + " LEFT JOIN polling_station s ON s.id = r.station_id";

  private static Found found(ResultSet rs, int i) throws SQLException {
    return new Found(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getInt(8) == 1,
        rs.getString(9),
        rs.getInt(10));
  }

  /** The listed voter of the election with this district and voter number (the voter card). */
  Optional<Found> byVoterNo(long electionId, long districtId, int voterNo) {
    return jdbc
        .query(
            SELECT
                + " WHERE r.district_id = ? AND r.voter_no = ? AND r.election_id = ?"
                + " AND r.status = 'LISTED'",
            VoterLookupRepository::found,
            districtId,
            voterNo,
            electionId)
        .stream()
        .findFirst();
  }

  /** The listed voter of the election with this resident ID number. */
  Optional<Found> byResidentId(long electionId, String residentId) {
    return jdbc
        .query(
            SELECT + " WHERE p.resident_id = ? AND r.election_id = ? AND r.status = 'LISTED'",
            VoterLookupRepository::found,
            residentId,
            electionId)
        .stream()
        .findFirst();
  }

  /** Listed voters of the election with exactly this name, by district and voter number. */
  List<Found> byName(long electionId, String name, int limit) {
    return jdbc.query(
        SELECT
            + " WHERE p.name = ? AND r.election_id = ? AND r.status = 'LISTED'"
            + " ORDER BY d.number, r.voter_no LIMIT ?",
        VoterLookupRepository::found,
        name,
        electionId,
        limit);
  }

  /**
   * Listed voters of the election whose name starts with {@code prefix}, at most {@code limit}, by
   * district and voter number. The persons come from the name index in a subquery: written as a
   * plain join, H2 reads all registrations of the election and filters the names (20,000 rows per
   * look-up in the benchmark); PostgreSQL plans both forms alike (docs/benchmarks.md).
   */
  List<Found> byNamePrefix(long electionId, String prefix, int limit) {
    String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.query(
        SELECT
            + " WHERE r.person_id IN (SELECT q.id FROM person q WHERE q.name LIKE ? ESCAPE '\\')"
            + " AND r.election_id = ? AND r.status = 'LISTED'"
            + " ORDER BY d.number, r.voter_no LIMIT ?",
        VoterLookupRepository::found,
        escaped + "%",
        electionId,
        limit);
  }

  /**
   * The voters each of {@code holders} (registration ids) votes for by valid proxy, as "name（选民证号
   * N）" by voter number; holders without proxies are absent from the map.
   */
  Map<Long, List<String>> holds(Collection<Long> holders) {
    Map<Long, List<String>> out = new HashMap<>();
    if (holders.isEmpty()) {
      return out;
    }
    String in = String.join(",", holders.stream().map(h -> "?").toList());
    jdbc.query(
        "SELECT x.holder_registration_id,"
            + " p.name || '（选民证号 ' || CAST(r.voter_no AS VARCHAR(12)) || '）'"
            + " FROM voter_proxy x JOIN voter_registration r ON r.id = x.principal_registration_id"
            + " JOIN person p ON p.id = r.person_id"
            + " WHERE x.holder_registration_id IN ("
            + in
            + ") AND x.status = 'VALID'"
            + " ORDER BY x.holder_registration_id, r.voter_no",
        rs -> {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        },
        holders.toArray());
    return out;
  }
}
