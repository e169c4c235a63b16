package xuanju.server.card;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads of districts, polling stations and registered voters for station assignment, voter cards,
 * the mobile box 登记册 (the check-in look-up has its own {@link VoterLookupRepository}); the one
 * write is {@code voter_registration.station_id}. The tables belong to the register and district
 * packages (V12).
 */
@Repository
public class CardRepository {
  private final JdbcTemplate jdbc;

  public CardRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A district (选区) of the election with its listed and unassigned voter counts. */
  public record District(long id, int number, String name, long listed, long unassigned) {
    public String labelZh() {
      return "第" + number + "选区（" + name + "）";
    }
  }

  /** A polling station (投票站) with the listed voters assigned to it. */
  public record Station(
      long id, long districtId, String name, String address, boolean mobile, long assigned) {
    public String kindZh() {
      return mobile ? "流动票箱" : "投票站";
    }
  }

  /** A 村/社区/单位 and 居民小组 of a district's listed voters, with how many and how many unassigned. */
  public record Group(String unit, String residentsGroup, long listed, long unassigned) {
    public String labelZh() {
      return residentsGroup.isEmpty() ? unit : unit + " " + residentsGroup;
    }
  }

  /** A listed voter as printed on a card or a 登记册. */
  public record VoterRow(
      long registrationId,
      long personId,
      String name,
      String residentId,
      String gender,
      String unit,
      String residentsGroup,
      String address,
      long districtId,
      int districtNumber,
      String districtName,
      Long stationId,
      String stationName,
      int voterNo) {
    public String districtZh() {
      return "第" + districtNumber + "选区（" + districtName + "）";
    }
  }

  private static final String VOTER_COLUMNS =
      "SELECT r.id, p.id, p.name, p.resident_id, p.gender, p.unit, p.residents_group, p.address,"
          + " d.id, d.number, d.name, r.station_id, s.name, r.voter_no"
          + " FROM voter_registration r JOIN person p ON p.id = r.person_id"
          + " JOIN district d ON d.id = r.district_id"
          + " LEFT JOIN polling_station s ON s.id = r.station_id";

  private static VoterRow voter(ResultSet rs, int i) throws SQLException {
    long station = rs.getLong(12);
    return new VoterRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        rs.getInt(10),
        rs.getString(11),
        rs.wasNull() ? null : station,
        rs.getString(13),
        rs.getInt(14));
  }

  List<District> districts(long electionId) {
    return jdbc.query(
        "SELECT d.id, d.number, d.name,"
            + " (SELECT COUNT(*) FROM voter_registration r WHERE r.district_id = d.id"
            + "  AND r.status = 'LISTED'),"
            + " (SELECT COUNT(*) FROM voter_registration r WHERE r.district_id = d.id"
            + "  AND r.status = 'LISTED' AND r.station_id IS NULL)"
            + " FROM district d WHERE d.election_id = ? ORDER BY d.number",
        (rs, i) ->
            new District(
                rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5)),
        electionId);
  }

  Optional<District> district(long electionId, long districtId) {
    return districts(electionId).stream().filter(d -> d.id() == districtId).findFirst();
  }

  List<Station> stations(long electionId) {
    return jdbc.query(
        "SELECT s.id, s.district_id, s.name, s.address, s.mobile,"
            + " (SELECT COUNT(*) FROM voter_registration r WHERE r.station_id = s.id"
            + "  AND r.status = 'LISTED')"
            + " FROM polling_station s JOIN district d ON d.id = s.district_id"
            + " WHERE d.election_id = ? ORDER BY d.number, s.mobile, s.name, s.id",
        (rs, i) ->
            new Station(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getLong(6)),
        electionId);
  }

  Optional<Station> station(long electionId, long stationId) {
    return stations(electionId).stream().filter(s -> s.id() == stationId).findFirst();
  }

  List<Group> groups(long districtId) {
    return jdbc.query(
        "SELECT p.unit, p.residents_group, COUNT(*),"
            + " SUM(CASE WHEN r.station_id IS NULL THEN 1 ELSE 0 END)"
            + " FROM voter_registration r JOIN person p ON p.id = r.person_id"
            + " WHERE r.district_id = ? AND r.status = 'LISTED'"
            + " GROUP BY p.unit, p.residents_group ORDER BY p.unit, p.residents_group",
        (rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
        districtId);
  }

  /**
   * Assigns the listed voters of a district in a unit (and 居民小组, unless blank) to a station; with
   * {@code onlyUnassigned} only those without a station. Returns the number assigned.
   */
  int assignGroup(
      long districtId,
      String unit,
      String residentsGroup,
      boolean onlyUnassigned,
      long stationId,
      Instant now) {
    return jdbc.update(
        "UPDATE voter_registration SET station_id = ?, updated_at = ?, version = version + 1"
            + " WHERE district_id = ? AND status = 'LISTED'"
            + (onlyUnassigned ? " AND station_id IS NULL" : "")
            + " AND person_id IN (SELECT id FROM person WHERE unit = ?"
            + (residentsGroup.isEmpty() ? "" : " AND residents_group = ?")
            + ")",
        residentsGroup.isEmpty()
            ? new Object[] {stationId, Timestamp.from(now), districtId, unit}
            : new Object[] {stationId, Timestamp.from(now), districtId, unit, residentsGroup});
  }

  /** Sets or clears (null) one registration's station. */
  int assignOne(long registrationId, Long stationId, Instant now) {
    return jdbc.update(
        "UPDATE voter_registration SET station_id = ?, updated_at = ?, version = version + 1"
            + " WHERE id = ? AND status = 'LISTED'",
        stationId,
        Timestamp.from(now),
        registrationId);
  }

  Optional<VoterRow> byVoterNo(long electionId, long districtId, int voterNo) {
    return jdbc
        .query(
            VOTER_COLUMNS
                + " WHERE r.district_id = ? AND r.voter_no = ? AND r.election_id = ?"
                + " AND r.status = 'LISTED'",
            CardRepository::voter,
            districtId,
            voterNo,
            electionId)
        .stream()
        .findFirst();
  }

  Optional<VoterRow> byRegistration(long electionId, long registrationId) {
    return jdbc
        .query(
            VOTER_COLUMNS + " WHERE r.id = ? AND r.election_id = ? AND r.status = 'LISTED'",
            CardRepository::voter,
            registrationId,
            electionId)
        .stream()
        .findFirst();
  }

  /** Listed voters of a district, or of one station when {@code stationId} is not null. */
  List<VoterRow> voters(long electionId, Long districtId, Long stationId) {
    StringBuilder sql =
        new StringBuilder(VOTER_COLUMNS).append(" WHERE r.election_id = ? AND r.status = 'LISTED'");
    List<Object> args = new java.util.ArrayList<>();
    args.add(electionId);
    if (districtId != null) {
      sql.append(" AND r.district_id = ?");
      args.add(districtId);
    }
    if (stationId != null) {
      sql.append(" AND r.station_id = ?");
      args.add(stationId);
    }
    sql.append(" ORDER BY d.number, r.voter_no");
    return jdbc.query(sql.toString(), CardRepository::voter, args.toArray());
  }
}
