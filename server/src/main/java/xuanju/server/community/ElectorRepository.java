package xuanju.server.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.community.ElectorateMode.RollEntry;

/**
 * The electors of a residents' committee election (V48): the listed voters with their 户号 and 居民小组,
 * the named 户代表 / 居民小组代表 ({@code community_elector}) and each vote's check-ins ({@code
 * community_check_in}, one row per check-in key, so one ballot per voter or per household).
 */
@Repository
class ElectorRepository {
  private static final String ROLL =
      "SELECT r.id, p.name, p.resident_id, p.household, p.residents_group FROM voter_registration r"
          + " JOIN person p ON p.id = r.person_id WHERE r.election_id = ? AND r.status = 'LISTED'";

  private final JdbcTemplate jdbc;

  ElectorRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A listed voter (在册选民).
   *
   * @param registrationId the voter_registration row
   */
  record Listed(
      long registrationId, String name, String residentId, String household, String group) {
    RollEntry entry() {
      return new RollEntry(String.valueOf(registrationId), name, household, group);
    }
  }

  private static Listed listed(ResultSet rs, int i) throws SQLException {
    return new Listed(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }

  /** Every listed voter of the election. */
  List<Listed> roll(long electionId) {
    return jdbc.query(ROLL + " ORDER BY r.id", ElectorRepository::listed, electionId);
  }

  /** The listed voter with this (normalised) ID number. */
  Optional<Listed> listed(long electionId, String residentId) {
    return jdbc
        .query(ROLL + " AND p.resident_id = ?", ElectorRepository::listed, electionId, residentId)
        .stream()
        .findFirst();
  }

  /** The listed voter of a voter card (选民证): district and voter number. */
  Optional<Listed> listedByCard(long electionId, long districtId, int voterNo) {
    return jdbc
        .query(
            ROLL + " AND r.district_id = ? AND r.voter_no = ?",
            ElectorRepository::listed,
            electionId,
            districtId,
            voterNo)
        .stream()
        .findFirst();
  }

  /** The listed voters of one household (户号). */
  List<Listed> household(long electionId, String household) {
    return jdbc.query(
        ROLL + " AND p.household = ? ORDER BY r.id",
        ElectorRepository::listed,
        electionId,
        household);
  }

  /** The named representatives: registration id → how they were chosen. */
  Map<Long, String> representatives(long electionId) {
    Map<Long, String> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT registration_id, basis FROM community_elector WHERE election_id = ?"
            + " ORDER BY registration_id",
        rs -> {
          out.put(rs.getLong(1), rs.getString(2));
        },
        electionId);
    return out;
  }

  boolean isRepresentative(long electionId, long registrationId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_elector WHERE election_id = ? AND registration_id = ?",
            Long.class,
            electionId,
            registrationId);
    return n != null && n > 0;
  }

  void addRepresentative(
      long electionId, long registrationId, String basis, String user, Instant at) {
    jdbc.update(
        "INSERT INTO community_elector (election_id, registration_id, basis, recorded_by,"
            + " recorded_at) VALUES (?, ?, ?, ?, ?)",
        electionId,
        registrationId,
        basis,
        user,
        Timestamp.from(at));
  }

  int removeRepresentative(long electionId, long registrationId) {
    return jdbc.update(
        "DELETE FROM community_elector WHERE election_id = ? AND registration_id = ?",
        electionId,
        registrationId);
  }

  boolean checkedIn(long voteId, String key) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_check_in WHERE vote_id = ? AND check_key = ?",
            Long.class,
            voteId,
            key);
    return n != null && n > 0;
  }

  /** Records a check-in; false if the key was taken meanwhile (another desk). */
  boolean checkIn(
      long voteId, String key, long registrationId, Long stationId, String user, Instant at) {
    try {
      jdbc.update(
          "INSERT INTO community_check_in (vote_id, check_key, registration_id, station_id,"
              + " checked_in_by, checked_in_at) VALUES (?, ?, ?, ?, ?, ?)",
          voteId,
          key,
          registrationId,
          stationId,
          user,
          Timestamp.from(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Removes a voter's check-in of a vote; how many rows. */
  int undoCheckIn(long voteId, long registrationId) {
    return jdbc.update(
        "DELETE FROM community_check_in WHERE vote_id = ? AND registration_id = ?",
        voteId,
        registrationId);
  }

  long checkIns(long voteId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_check_in WHERE vote_id = ?", Long.class, voteId);
    return n == null ? 0 : n;
  }

  /** A vote's check-ins per box (station id; 0 when the desk did not say). */
  Map<Long, Long> checkInsByStation(long voteId) {
    Map<Long, Long> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT COALESCE(station_id, 0), COUNT(*) FROM community_check_in WHERE vote_id = ?"
            + " GROUP BY COALESCE(station_id, 0)",
        rs -> {
          out.put(rs.getLong(1), rs.getLong(2));
        },
        voteId);
    return out;
  }
}
