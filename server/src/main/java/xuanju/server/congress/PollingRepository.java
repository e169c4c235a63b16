package xuanju.server.congress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import xuanju.core.outcome.RoundKind;

/** Storage of election day (V31): rounds, box custody and staff, box counts, tally sheets. */
@Repository
class PollingRepository {
  private final JdbcTemplate jdbc;

  PollingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String ROUND_COLUMNS =
      "id, home_district_id, level, number, kind, further_round, seats, candidates, registered,"
          + " status, outcome, elected, trail, final_result, version";

  private static final RowMapper<CongressRound> ROUND =
      (rs, i) ->
          new CongressRound(
              rs.getLong(1),
              rs.getLong(2),
              ContestLevel.valueOf(rs.getString(3)),
              rs.getInt(4),
              RoundKind.valueOf(rs.getString(5)),
              rs.getInt(6),
              rs.getInt(7),
              ids(rs.getString(8)),
              rs.getLong(9),
              "DECIDED".equals(rs.getString(10)),
              rs.getString(11) == null ? "" : rs.getString(11),
              rs.getString(12) == null || rs.getString(12).isEmpty()
                  ? List.of()
                  : Arrays.asList(rs.getString(12).split(",")),
              rs.getString(13) == null ? "" : rs.getString(13),
              rs.getBoolean(14),
              rs.getInt(15));

  private static List<Long> ids(String s) {
    return s == null || s.isEmpty()
        ? List.of()
        : Arrays.stream(s.split(",")).map(Long::valueOf).toList();
  }

  /** The contest's rounds in order. */
  List<CongressRound> rounds(long homeDistrictId, ContestLevel level) {
    return jdbc.query(
        "SELECT "
            + ROUND_COLUMNS
            + " FROM congress_round WHERE home_district_id = ? AND level = ? ORDER BY number",
        ROUND,
        homeDistrictId,
        level.name());
  }

  /** Every round of the election (for the town-wide page), by contest then number. */
  List<CongressRound> allRounds(long electionId) {
    return jdbc.query(
        "SELECT "
            + ROUND_COLUMNS
            + " FROM congress_round WHERE election_id = ?"
            + " ORDER BY home_district_id, level, number",
        ROUND,
        electionId);
  }

  /**
   * Locks the vote's row until the transaction ends, so that changes to one vote (box counts, tally
   * sheet entries, the decision) are made one after another: two clerks entering the same sheet at
   * the same moment get entries 1 and 2, not the same number twice.
   */
  void lock(long roundId) {
    jdbc.queryForList("SELECT id FROM congress_round WHERE id = ? FOR UPDATE", Long.class, roundId);
  }

  boolean decided(long roundId) {
    return "DECIDED"
        .equals(
            jdbc.queryForObject(
                "SELECT status FROM congress_round WHERE id = ?", String.class, roundId));
  }

  Optional<CongressRound> round(long electionId, long roundId) {
    return jdbc
        .query(
            "SELECT " + ROUND_COLUMNS + " FROM congress_round WHERE id = ? AND election_id = ?",
            ROUND,
            roundId,
            electionId)
        .stream()
        .findFirst();
  }

  long openRound(
      long electionId,
      long homeDistrictId,
      ContestLevel level,
      int number,
      RoundKind kind,
      int furtherRound,
      int seats,
      List<Long> candidateIds,
      long registered,
      String user,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO congress_round (election_id, home_district_id, level, number, kind,"
                      + " further_round, seats, candidates, registered, status, opened_by,"
                      + " opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setLong(2, homeDistrictId);
          ps.setString(3, level.name());
          ps.setInt(4, number);
          ps.setString(5, kind.name());
          ps.setInt(6, furtherRound);
          ps.setInt(7, seats);
          ps.setString(8, String.join(",", candidateIds.stream().map(String::valueOf).toList()));
          ps.setLong(9, registered);
          ps.setString(10, user);
          ps.setTimestamp(11, Timestamp.from(now));
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  /** Stores the decision; false when the round was decided meanwhile. */
  boolean decide(
      long roundId,
      int version,
      String outcome,
      List<String> elected,
      String trail,
      boolean finalResult,
      String user,
      Instant now) {
    return jdbc.update(
            "UPDATE congress_round SET status = 'DECIDED', outcome = ?, elected = ?, trail = ?,"
                + " final_result = ?, decided_by = ?, decided_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'OPEN'",
            outcome,
            String.join(",", elected),
            trail,
            finalResult,
            user,
            Timestamp.from(now),
            roundId,
            version)
        == 1;
  }

  /** Registered voters on the published list of these districts. */
  long registered(List<Long> districtIds) {
    long n = 0;
    for (long d : districtIds) {
      Long c =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM voter_registration WHERE district_id = ? AND status = 'LISTED'",
              Long.class,
              d);
      n += c == null ? 0 : c;
    }
    return n;
  }

  /** A polling station or mobile box of a district. */
  public record Station(long id, long districtId, String name, boolean mobile) {}

  List<Station> stations(List<Long> districtIds) {
    List<Station> out = new ArrayList<>();
    for (long d : districtIds) {
      out.addAll(
          jdbc.query(
              "SELECT id, district_id, name, mobile FROM polling_station WHERE district_id = ?"
                  + " ORDER BY mobile, id",
              (rs, i) ->
                  new Station(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)),
              d));
    }
    return out;
  }

  /** Every station of the election with its district. */
  List<Station> allStations(long electionId) {
    return jdbc.query(
        "SELECT s.id, s.district_id, s.name, s.mobile FROM polling_station s"
            + " JOIN district d ON d.id = s.district_id WHERE d.election_id = ?"
            + " ORDER BY s.district_id, s.mobile, s.id",
        (rs, i) -> new Station(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)),
        electionId);
  }

  /** The custody record of a box (票箱保管记录). */
  public record Custody(
      long stationId,
      String staff,
      int staffCount,
      String sealNumbers,
      Instant sealedAt,
      Instant openedAt,
      boolean registerSigned,
      String boardPresent) {
    /** The sealing time as read in China, e.g. {@code 2026-12-06 07:30}. */
    public String sealedZh() {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
          .format(sealedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
  }

  Map<Long, Custody> custody(List<Long> stationIds) {
    Map<Long, Custody> out = new HashMap<>();
    for (long s : stationIds) {
      jdbc.query(
          "SELECT station_id, staff, staff_count, seal_numbers, sealed_at, opened_at,"
              + " register_signed, board_present FROM box_custody WHERE station_id = ?",
          rs -> {
            Timestamp opened = rs.getTimestamp(6);
            out.put(
                rs.getLong(1),
                new Custody(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    opened == null ? null : opened.toInstant(),
                    rs.getBoolean(7),
                    rs.getString(8)));
          },
          s);
    }
    return out;
  }

  void saveCustody(Custody c, String user, Instant now) {
    jdbc.update("DELETE FROM box_custody WHERE station_id = ?", c.stationId());
    jdbc.update(
        "INSERT INTO box_custody (station_id, staff, staff_count, seal_numbers, sealed_at,"
            + " opened_at, register_signed, board_present, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.stationId(),
        c.staff(),
        c.staffCount(),
        c.sealNumbers(),
        Timestamp.from(c.sealedAt()),
        c.openedAt() == null ? null : Timestamp.from(c.openedAt()),
        c.registerSigned(),
        c.boardPresent(),
        user,
        Timestamp.from(now));
  }

  /** A member of a station's staff (监票人, 计票人, 唱票人, 工作人员). */
  public record Staff(long id, long stationId, String name, String residentId, String role) {}

  List<Staff> staff(List<Long> stationIds) {
    List<Staff> out = new ArrayList<>();
    for (long s : stationIds) {
      out.addAll(
          jdbc.query(
              "SELECT id, station_id, name, resident_id, role FROM station_staff"
                  + " WHERE station_id = ? ORDER BY id",
              (rs, i) ->
                  new Staff(
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5)),
              s));
    }
    return out;
  }

  void addStaff(
      long stationId, String name, String residentId, String role, String user, Instant now) {
    jdbc.update(
        "INSERT INTO station_staff (station_id, name, resident_id, role, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        stationId,
        name,
        residentId,
        role,
        user,
        Timestamp.from(now));
  }

  /** The resident ID numbers of every nominee on a published formal list touching this district. */
  List<String> formalNomineeIds(long electionId) {
    return jdbc.queryForList(
        "SELECT DISTINCT nominee_id FROM deputy_nomination WHERE election_id = ? AND formal",
        String.class,
        electionId);
  }

  /** Ballots of one box in one round (选票核对). */
  public record BoxCount(
      long stationId, int issued, int returned, int spoiled, String explanation) {}

  Map<Long, BoxCount> boxCounts(long roundId) {
    Map<Long, BoxCount> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT station_id, issued, returned, spoiled, explanation FROM box_count"
            + " WHERE round_id = ? ORDER BY station_id",
        rs -> {
          out.put(
              rs.getLong(1),
              new BoxCount(
                  rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5)));
        },
        roundId);
    return out;
  }

  void saveBoxCount(long roundId, BoxCount b, String user, Instant now) {
    jdbc.update(
        "DELETE FROM box_count WHERE round_id = ? AND station_id = ?", roundId, b.stationId());
    jdbc.update(
        "INSERT INTO box_count (round_id, station_id, issued, returned, spoiled, explanation,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        roundId,
        b.stationId(),
        b.issued(),
        b.returned(),
        b.spoiled(),
        b.explanation(),
        user,
        Timestamp.from(now));
  }

  /** One clerk's entry of a station's tally sheet. */
  public record SheetEntry(
      long stationId,
      int entryNo,
      String clerk,
      int valid,
      int invalid,
      String counts,
      String writeIns) {
    /** Whether two entries say the same (the clerk aside). */
    boolean sameAs(SheetEntry o) {
      return valid == o.valid
          && invalid == o.invalid
          && counts.equals(o.counts)
          && writeIns.equals(o.writeIns);
    }
  }

  /** The entries of a round, by station then entry number. */
  Map<Long, List<SheetEntry>> sheetEntries(long roundId) {
    Map<Long, List<SheetEntry>> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT station_id, entry_no, clerk, valid, invalid, counts, write_ins"
            + " FROM tally_sheet_entry WHERE round_id = ? ORDER BY station_id, entry_no",
        rs -> {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new SheetEntry(
                      rs.getLong(1),
                      rs.getInt(2),
                      rs.getString(3),
                      rs.getInt(4),
                      rs.getInt(5),
                      rs.getString(6),
                      rs.getString(7)));
        },
        roundId);
    return out;
  }

  void saveEntry(long roundId, SheetEntry e) {
    jdbc.update(
        "DELETE FROM tally_sheet_entry WHERE round_id = ? AND station_id = ? AND entry_no = ?",
        roundId,
        e.stationId(),
        e.entryNo());
    jdbc.update(
        "INSERT INTO tally_sheet_entry (round_id, station_id, entry_no, clerk, valid, invalid,"
            + " counts, write_ins) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        roundId,
        e.stationId(),
        e.entryNo(),
        e.clerk(),
        e.valid(),
        e.invalid(),
        e.counts(),
        e.writeIns());
  }

  /**
   * Per round: boxes counted, ballots returned, sheets entered twice and equal (for the live page).
   */
  record RoundProgress(long roundId, int boxes, long returned, int confirmed) {}

  Map<Long, RoundProgress> progress(long electionId) {
    Map<Long, int[]> boxes = new HashMap<>();
    Map<Long, Long> returned = new HashMap<>();
    jdbc.query(
        "SELECT b.round_id, COUNT(*), SUM(b.returned) FROM box_count b"
            + " JOIN congress_round r ON r.id = b.round_id WHERE r.election_id = ?"
            + " GROUP BY b.round_id",
        rs -> {
          boxes.put(rs.getLong(1), new int[] {rs.getInt(2)});
          returned.put(rs.getLong(1), rs.getLong(3));
        },
        electionId);
    Map<Long, Integer> confirmed = new HashMap<>();
    jdbc.query(
        "SELECT a.round_id, COUNT(*) FROM tally_sheet_entry a JOIN tally_sheet_entry b"
            + " ON b.round_id = a.round_id AND b.station_id = a.station_id AND b.entry_no = 2"
            + " JOIN congress_round r ON r.id = a.round_id"
            + " WHERE r.election_id = ? AND a.entry_no = 1 AND a.valid = b.valid"
            + " AND a.invalid = b.invalid AND a.counts = b.counts AND a.write_ins = b.write_ins"
            + " GROUP BY a.round_id",
        rs -> {
          confirmed.put(rs.getLong(1), rs.getInt(2));
        },
        electionId);
    Map<Long, RoundProgress> out = new HashMap<>();
    for (Long id : boxes.keySet()) {
      out.put(
          id,
          new RoundProgress(id, boxes.get(id)[0], returned.get(id), confirmed.getOrDefault(id, 0)));
    }
    confirmed.forEach((id, c) -> out.putIfAbsent(id, new RoundProgress(id, 0, 0, c)));
    return out;
  }

  /** Nominee names by nomination id. */
  Map<Long, String> nomineeNames(List<Long> nominationIds) {
    Map<Long, String> out = new HashMap<>();
    for (long id : nominationIds) {
      jdbc.query(
          "SELECT id, nominee_name FROM deputy_nomination WHERE id = ?",
          rs -> {
            out.put(rs.getLong(1), rs.getString(2));
          },
          id);
    }
    return out;
  }

  /** Every nominee name of the election by nomination id (one query, for the town-wide page). */
  Map<Long, String> allNomineeNames(long electionId) {
    Map<Long, String> out = new HashMap<>();
    jdbc.query(
        "SELECT id, nominee_name FROM deputy_nomination WHERE election_id = ?",
        rs -> {
          out.put(rs.getLong(1), rs.getString(2));
        },
        electionId);
    return out;
  }
}
