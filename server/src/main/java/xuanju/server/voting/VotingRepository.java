package xuanju.server.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import xuanju.core.outcome.RoundKind;
import xuanju.server.voting.VotingModel.Box;
import xuanju.server.voting.VotingModel.BoxCount;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Entry;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.RoundStatus;
import xuanju.server.voting.VotingModel.Ruling;
import xuanju.server.voting.VotingModel.Stack;

/** Election-day tables (选举大会数据表), plain JDBC. */
@Repository
class VotingRepository {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;
  private final BallotClientKeys clientKeys;

  VotingRepository(JdbcTemplate jdbc, BallotClientKeys clientKeys) {
    this.jdbc = jdbc;
    this.clientKeys = clientKeys;
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant inst(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private long insert(String sql, Object... args) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps = con.prepareStatement(sql, new String[] {"id"});
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  // --- state ------------------------------------------------------------------------------------

  record State(
      Instant firstBegunAt,
      Instant secondOpenedAt,
      Instant secondBegunAt,
      boolean readyForResults,
      int version) {}

  Optional<State> state(long electionId) {
    return jdbc
        .query(
            "SELECT * FROM voting_state WHERE election_id = ?",
            (rs, i) ->
                new State(
                    inst(rs, "first_begun_at"),
                    inst(rs, "second_opened_at"),
                    inst(rs, "second_begun_at"),
                    rs.getBoolean("ready_for_results"),
                    rs.getInt("version")),
            electionId)
        .stream()
        .findFirst();
  }

  void insertState(long electionId) {
    jdbc.update("INSERT INTO voting_state (election_id, version) VALUES (?, 0)", electionId);
  }

  void setState(long electionId, String column, Instant value) {
    jdbc.update(
        "UPDATE voting_state SET " + column + " = ?, version = version + 1 WHERE election_id = ?",
        ts(value),
        electionId);
  }

  void setReady(long electionId) {
    jdbc.update(
        "UPDATE voting_state SET ready_for_results = TRUE, version = version + 1 WHERE election_id = ?",
        electionId);
  }

  // --- stations and boxes
  // -------------------------------------------------------------------------

  record StationRow(long id, String name, boolean hall) {}

  List<StationRow> stations(long electionId) {
    return jdbc.query(
        "SELECT id, name, hall FROM voting_station WHERE election_id = ? ORDER BY id",
        (rs, i) -> new StationRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3)),
        electionId);
  }

  long insertStation(long electionId, String name, boolean hall, Instant now) {
    return insert(
        "INSERT INTO voting_station (election_id, name, hall, created_at) VALUES (?, ?, ?, ?)",
        electionId,
        name,
        hall,
        ts(now));
  }

  List<Box> boxes(long electionId) {
    return jdbc.query(
        "SELECT b.*, (SELECT COUNT(*) FROM voting_box_voter v WHERE v.box_id = b.id) AS voters"
            + " FROM voting_box b WHERE b.election_id = ? ORDER BY b.id",
        VotingRepository::box,
        electionId);
  }

  Optional<Box> box(long electionId, long boxId) {
    return boxes(electionId).stream().filter(b -> b.id() == boxId).findFirst();
  }

  private static Box box(ResultSet rs, int i) throws SQLException {
    String staff = rs.getString("staff");
    return new Box(
        rs.getLong("id"),
        rs.getLong("station_id"),
        rs.getString("name"),
        rs.getBoolean("mobile"),
        staffOf(staff),
        rs.getString("seal_number"),
        inst(rs, "sealed_at"),
        inst(rs, "opened_at"),
        rs.getInt("voters"),
        rs.getInt("version"));
  }

  long insertBox(long electionId, long stationId, String name, boolean mobile, List<String> staff) {
    return insert(
        "INSERT INTO voting_box (election_id, station_id, name, mobile, staff) VALUES (?, ?, ?, ?, ?)",
        electionId,
        stationId,
        name,
        mobile,
        staffText(staff));
  }

  /**
   * The staff column: each name followed by a line break, so a name keeps its spaces, commas and
   * 顿号. Rows written before this format have no line break and were joined with 、.
   */
  static String staffText(List<String> staff) {
    StringBuilder sb = new StringBuilder();
    staff.forEach(n -> sb.append(n).append('\n'));
    return sb.toString();
  }

  static List<String> staffOf(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    if (text.endsWith("\n")) {
      return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }
    return Arrays.asList(text.split("、"));
  }

  boolean sealBox(long boxId, int version, String sealNumber, Instant at) {
    return jdbc.update(
            "UPDATE voting_box SET seal_number = ?, sealed_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            sealNumber,
            ts(at),
            boxId,
            version)
        == 1;
  }

  boolean openBox(long boxId, int version, Instant at) {
    return jdbc.update(
            "UPDATE voting_box SET opened_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            ts(at),
            boxId,
            version)
        == 1;
  }

  void registerVoter(long boxId, long memberId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM voting_box_voter WHERE box_id = ? AND member_id = ?",
            Long.class,
            boxId,
            memberId);
    if (n == 0) {
      jdbc.update(
          "INSERT INTO voting_box_voter (box_id, member_id) VALUES (?, ?)", boxId, memberId);
    }
  }

  List<Long> boxVoters(long boxId) {
    return jdbc.queryForList(
        "SELECT member_id FROM voting_box_voter WHERE box_id = ? ORDER BY member_id",
        Long.class,
        boxId);
  }

  // --- check-in --------------------------------------------------------------------------------

  record Checkin(String key, String name, String by, Instant at) {}

  List<Checkin> checkins(long electionId, int stage) {
    return jdbc.query(
        "SELECT person_key, name, checked_in_by, checked_in_at FROM voting_checkin"
            + " WHERE election_id = ? AND stage = ? ORDER BY name",
        (rs, i) ->
            new Checkin(
                rs.getString(1), rs.getString(2), rs.getString(3), inst(rs, "checked_in_at")),
        electionId,
        stage);
  }

  int countCheckins(long electionId, int stage) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM voting_checkin WHERE election_id = ? AND stage = ?",
            Integer.class,
            electionId,
            stage);
    return n == null ? 0 : n;
  }

  boolean checkedIn(long electionId, int stage, String key) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM voting_checkin WHERE election_id = ? AND stage = ? AND person_key = ?",
            Integer.class,
            electionId,
            stage,
            key);
    return n != null && n > 0;
  }

  void insertCheckin(long electionId, int stage, String key, String name, String by, Instant at) {
    jdbc.update(
        "INSERT INTO voting_checkin (election_id, stage, person_key, name, checked_in_by, checked_in_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        electionId,
        stage,
        key,
        name,
        by,
        ts(at));
  }

  int deleteCheckin(long electionId, int stage, String key) {
    return jdbc.update(
        "DELETE FROM voting_checkin WHERE election_id = ? AND stage = ? AND person_key = ?",
        electionId,
        stage,
        key);
  }

  // --- rounds ------------------------------------------------------------------------------------

  private static final TypeReference<List<CandidateRef>> CANDIDATES = new TypeReference<>() {};

  private static Round round(ResultSet rs, int i) throws SQLException {
    return new Round(
        rs.getLong("id"),
        rs.getLong("election_id"),
        rs.getInt("number"),
        rs.getInt("stage"),
        Post.valueOf(rs.getString("post")),
        RoundKind.valueOf(rs.getString("kind")),
        rs.getInt("further_round"),
        rs.getInt("seats"),
        JSON.readValue(rs.getString("candidates_json"), CANDIDATES),
        rs.getString("definition_hash"),
        rs.getInt("expected"),
        rs.getInt("present"),
        RoundStatus.valueOf(rs.getString("status")),
        rs.getString("decision_json"),
        (Long) rs.getObject("parent_round_id", Long.class),
        (Integer) rs.getObject("parent_outcome", Integer.class),
        rs.getInt("version"));
  }

  List<Round> rounds(long electionId) {
    return jdbc.query(
        "SELECT * FROM voting_round WHERE election_id = ? ORDER BY number",
        VotingRepository::round,
        electionId);
  }

  Optional<Round> round(long electionId, int number) {
    return jdbc
        .query(
            "SELECT * FROM voting_round WHERE election_id = ? AND number = ?",
            VotingRepository::round,
            electionId,
            number)
        .stream()
        .findFirst();
  }

  Optional<Round> roundById(long id) {
    return jdbc
        .query("SELECT * FROM voting_round WHERE id = ?", VotingRepository::round, id)
        .stream()
        .findFirst();
  }

  int nextRoundNumber(long electionId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM voting_round WHERE election_id = ?",
            Integer.class,
            electionId);
    return n == null ? 1 : n;
  }

  long insertRound(
      long electionId,
      int number,
      int stage,
      Post post,
      RoundKind kind,
      int furtherRound,
      int seats,
      List<CandidateRef> candidates,
      String hash,
      int expected,
      int present,
      Long parentRoundId,
      Integer parentOutcome,
      String by,
      Instant now) {
    return insert(
        "INSERT INTO voting_round (election_id, number, stage, post, kind, further_round, seats,"
            + " candidates_json, definition_hash, expected, present, status, parent_round_id,"
            + " parent_outcome, created_by, created_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        electionId,
        number,
        stage,
        post.name(),
        kind.name(),
        furtherRound,
        seats,
        JSON.writeValueAsString(candidates),
        hash,
        expected,
        present,
        RoundStatus.OPEN.name(),
        parentRoundId,
        parentOutcome,
        by,
        ts(now));
  }

  void setHeadcount(long roundId, int expected, int present) {
    jdbc.update(
        "UPDATE voting_round SET expected = ?, present = ?, version = version + 1 WHERE id = ?"
            + " AND status = 'OPEN'",
        expected,
        present,
        roundId);
  }

  boolean storeDecision(long roundId, int version, String json) {
    return jdbc.update(
            "UPDATE voting_round SET status = 'DECIDED', decision_json = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            json,
            roundId,
            version)
        == 1;
  }

  // --- box counts --------------------------------------------------------------------------------

  List<BoxCount> boxCounts(long roundId) {
    return jdbc.query(
        "SELECT c.box_id, b.name, c.issued, c.returned, c.spoiled FROM voting_round_box c"
            + " JOIN voting_box b ON b.id = c.box_id WHERE c.round_id = ? ORDER BY c.box_id",
        (rs, i) ->
            new BoxCount(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
        roundId);
  }

  void upsertBoxCount(long roundId, long boxId, int issued, int returned, int spoiled, String by) {
    int n =
        jdbc.update(
            "UPDATE voting_round_box SET issued = ?, returned = ?, spoiled = ?, recorded_by = ?,"
                + " version = version + 1 WHERE round_id = ? AND box_id = ?",
            issued,
            returned,
            spoiled,
            by,
            roundId,
            boxId);
    if (n == 0) {
      jdbc.update(
          "INSERT INTO voting_round_box (round_id, box_id, issued, returned, spoiled, recorded_by)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          roundId,
          boxId,
          issued,
          returned,
          spoiled,
          by);
    }
  }

  // --- stacks, entries, ballots
  // --------------------------------------------------------------------

  private static Entry entry(ResultSet rs, int i) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getLong("stack_id"),
        rs.getString("side"),
        rs.getString("clerk"),
        rs.getInt("ballots"),
        inst(rs, "started_at"),
        inst(rs, "finished_at"),
        rs.getString("digest"),
        rs.getInt("version"));
  }

  List<Stack> stacks(long roundId) {
    List<Entry> entries =
        jdbc.query(
            "SELECT e.* FROM ballot_entry e JOIN ballot_stack s ON s.id = e.stack_id"
                + " WHERE s.round_id = ?",
            VotingRepository::entry,
            roundId);
    return jdbc.query(
        "SELECT s.*, b.name AS box_name FROM ballot_stack s JOIN voting_box b ON b.id = s.box_id"
            + " WHERE s.round_id = ? ORDER BY s.id",
        (rs, i) -> {
          long id = rs.getLong("id");
          Entry a = null;
          Entry b = null;
          for (Entry e : entries) {
            if (e.stackId() == id) {
              if (e.side().equals("A")) {
                a = e;
              } else {
                b = e;
              }
            }
          }
          return new Stack(
              id,
              rs.getLong("round_id"),
              rs.getLong("box_id"),
              rs.getString("box_name"),
              rs.getString("label"),
              "SETTLED".equals(rs.getString("status")),
              rs.getString("settled_by"),
              rs.getInt("version"),
              a,
              b);
        },
        roundId);
  }

  Optional<Long> stackId(long roundId, long boxId, String label) {
    return jdbc
        .queryForList(
            "SELECT id FROM ballot_stack WHERE round_id = ? AND box_id = ? AND label = ?",
            Long.class,
            roundId,
            boxId,
            label)
        .stream()
        .findFirst();
  }

  /** The entries (0 to 2) of the stack with this label, in one query; each carries the stack id. */
  List<Entry> stackEntries(long roundId, long boxId, String label) {
    return jdbc.query(
        "SELECT e.* FROM ballot_entry e JOIN ballot_stack s ON s.id = e.stack_id"
            + " WHERE s.round_id = ? AND s.box_id = ? AND s.label = ?",
        VotingRepository::entry,
        roundId,
        boxId,
        label);
  }

  long insertStack(long roundId, long boxId, String label, Instant now) {
    return insert(
        "INSERT INTO ballot_stack (round_id, box_id, label, status, created_at) VALUES (?, ?, ?, 'OPEN', ?)",
        roundId,
        boxId,
        label,
        ts(now));
  }

  Optional<Entry> entry(long stackId, String side) {
    return jdbc
        .query(
            "SELECT * FROM ballot_entry WHERE stack_id = ? AND side = ?",
            VotingRepository::entry,
            stackId,
            side)
        .stream()
        .findFirst();
  }

  long insertEntry(long stackId, String side, String clerk, Instant now) {
    return insert(
        "INSERT INTO ballot_entry (stack_id, side, clerk, ballots, started_at) VALUES (?, ?, ?, 0, ?)",
        stackId,
        side,
        clerk,
        ts(now));
  }

  /** Takes the next position of an unfinished entry (row lock until commit); -1 if finished. */
  /**
   * The next position of an entry (下一张的序号), taken under the entry row's lock: one more than the
   * highest position recorded, and the entry's counter set to it. The position comes from the
   * records themselves, not from the counter, so a counter that disagrees with the records (e.g. an
   * uncommitted increment that an embedded database made visible after a crash) can never leave a
   * gap or a collision. Returns -1 when the entry is finished.
   */
  int takePosition(long entryId) {
    int n =
        jdbc.update(
            "UPDATE ballot_entry SET version = version + 1 WHERE id = ? AND finished_at IS NULL",
            entryId);
    if (n == 0) {
      return -1;
    }
    // a new statement after the lock: sees every record committed before the lock was granted
    Integer p =
        jdbc.queryForObject(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM ballot_record WHERE entry_id = ?",
            Integer.class,
            entryId);
    int pos = p == null ? 1 : p;
    setCounter(entryId, pos);
    return pos;
  }

  /** An entry's counter against its records (for {@link EntryConsistency}). */
  record EntryCount(
      long entryId,
      long electionId,
      int round,
      String stack,
      boolean finished,
      int counter,
      int records,
      int highest) {}

  List<EntryCount> entryCounts() {
    return jdbc.query(
        "SELECT e.id, v.election_id, v.number, k.label,"
            + " CASE WHEN e.finished_at IS NULL THEN 0 ELSE 1 END AS finished, e.ballots,"
            + " COUNT(r.position) AS n, COALESCE(MAX(r.position), 0) AS top"
            + " FROM ballot_entry e JOIN ballot_stack k ON k.id = e.stack_id"
            + " JOIN voting_round v ON v.id = k.round_id"
            + " LEFT JOIN ballot_record r ON r.entry_id = e.id"
            + " GROUP BY e.id, v.election_id, v.number, k.label, e.finished_at, e.ballots"
            + " ORDER BY e.id",
        (rs, i) ->
            new EntryCount(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getInt(5) == 1,
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8)));
  }

  void setCounter(long entryId, int ballots) {
    jdbc.update("UPDATE ballot_entry SET ballots = ? WHERE id = ?", ballots, entryId);
  }

  /**
   * A saved ballot; {@code clientId} is the stored form (the keyed hash, {@link BallotClientKeys}).
   */
  record Record(int position, String clientId, Reading reading) {}

  /** The ballot of an open entry saved with this client id (looked up by its keyed hash). */
  Optional<Record> recordByClient(long entryId, String clientId) {
    return jdbc
        .query(
            "SELECT position, client_id, marks, write_ins, identifying FROM ballot_record"
                + " WHERE entry_id = ? AND client_id = ?",
            (rs, i) ->
                new Record(
                    rs.getInt(1),
                    rs.getString(2),
                    new Reading(rs.getString(3), rs.getString(4), rs.getBoolean(5))),
            entryId,
            clientKeys.hash(clientId))
        .stream()
        .findFirst();
  }

  /** Saves a ballot; the client id is stored as its keyed hash, never as sent. */
  void insertRecord(long entryId, int position, String clientId, Reading r) {
    jdbc.update(
        "INSERT INTO ballot_record (entry_id, position, client_id, marks, write_ins, identifying)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        entryId,
        position,
        clientKeys.hash(clientId),
        r.marks(),
        r.writeIns(),
        r.identifying());
  }

  List<Reading> readings(long entryId) {
    return jdbc.query(
        "SELECT marks, write_ins, identifying FROM ballot_record WHERE entry_id = ? ORDER BY position",
        (rs, i) -> new Reading(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
        entryId);
  }

  /** Sets the stored client ids of an entry's ballots to NULL (the entry is finished). */
  int forgetClientIds(long entryId) {
    return jdbc.update(
        "UPDATE ballot_record SET client_id = NULL WHERE entry_id = ? AND client_id IS NOT NULL",
        entryId);
  }

  /** Releases an unfinished entry (释放录入): nobody holds it until another clerk takes it. */
  boolean releaseEntry(long entryId, int version) {
    return jdbc.update(
            "UPDATE ballot_entry SET clerk = '', version = version + 1"
                + " WHERE id = ? AND version = ? AND finished_at IS NULL",
            entryId,
            version)
        == 1;
  }

  /** Takes a released entry (接手录入); false if someone else took it first. */
  boolean takeEntry(long entryId, String clerk) {
    return jdbc.update(
            "UPDATE ballot_entry SET clerk = ?, version = version + 1"
                + " WHERE id = ? AND clerk = '' AND finished_at IS NULL",
            clerk,
            entryId)
        == 1;
  }

  boolean finishEntry(long entryId, int version, String digest, Instant now) {
    return jdbc.update(
            "UPDATE ballot_entry SET finished_at = ?, digest = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND finished_at IS NULL",
            ts(now),
            digest,
            entryId,
            version)
        == 1;
  }

  List<Ruling> rulings(long stackId) {
    return jdbc.query(
        "SELECT * FROM ballot_ruling WHERE stack_id = ? ORDER BY position",
        (rs, i) ->
            new Ruling(
                rs.getInt("position"),
                rs.getBoolean("absent"),
                rs.getString("marks"),
                rs.getString("write_ins"),
                rs.getBoolean("identifying"),
                rs.getString("reason"),
                rs.getString("ruled_by")),
        stackId);
  }

  void putRuling(long stackId, Ruling r) {
    jdbc.update(
        "DELETE FROM ballot_ruling WHERE stack_id = ? AND position = ?", stackId, r.position());
    jdbc.update(
        "INSERT INTO ballot_ruling (stack_id, position, absent, marks, write_ins, identifying, reason,"
            + " ruled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        stackId,
        r.position(),
        r.absent(),
        r.marks(),
        r.writeIns(),
        r.identifying(),
        r.reason(),
        r.ruledBy());
  }

  boolean settleStack(long stackId, int version, String by, Instant now) {
    return jdbc.update(
            "UPDATE ballot_stack SET status = 'SETTLED', settled_by = ?, settled_at = ?,"
                + " version = version + 1 WHERE id = ? AND version = ? AND status = 'OPEN'",
            by,
            ts(now),
            stackId,
            version)
        == 1;
  }

  // --- aggregate counts
  // ----------------------------------------------------------------------------

  record Aggregate(long boxId, long valid, long invalid, String countsJson, String writeInsJson) {
    /** Whether two entries of a sheet hold the same numbers. */
    boolean sameNumbers(Aggregate o) {
      return boxId == o.boxId
          && valid == o.valid
          && invalid == o.invalid
          && JSON.readTree(countsJson).equals(JSON.readTree(o.countsJson))
          && JSON.readTree(writeInsJson).equals(JSON.readTree(o.writeInsJson));
    }
  }

  /** An aggregate sheet with who entered it and who confirmed it (null until confirmed). */
  record AggregateEntry(Aggregate sheet, String enteredBy, String confirmedBy) {
    boolean confirmed() {
      return confirmedBy != null;
    }
  }

  /** The confirmed aggregate sheets of a round (the ones that count). */
  List<Aggregate> aggregates(long roundId) {
    return aggregateEntries(roundId).stream()
        .filter(AggregateEntry::confirmed)
        .map(AggregateEntry::sheet)
        .toList();
  }

  /** Every aggregate sheet of a round, confirmed or not. */
  List<AggregateEntry> aggregateEntries(long roundId) {
    return jdbc.query(
        "SELECT box_id, valid, invalid, counts_json, write_ins_json, entered_by, confirmed_by"
            + " FROM aggregate_count WHERE round_id = ? ORDER BY box_id",
        (rs, i) ->
            new AggregateEntry(
                new Aggregate(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
                rs.getString(6),
                rs.getString(7)),
        roundId);
  }

  /** Stores a first (or replaced) entry of a box's sheet, not yet confirmed. */
  void putAggregate(long roundId, Aggregate a, String by) {
    jdbc.update(
        "DELETE FROM aggregate_count WHERE round_id = ? AND box_id = ?", roundId, a.boxId());
    jdbc.update(
        "INSERT INTO aggregate_count (round_id, box_id, valid, invalid, counts_json, write_ins_json,"
            + " entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        roundId,
        a.boxId(),
        a.valid(),
        a.invalid(),
        a.countsJson(),
        a.writeInsJson(),
        by);
  }

  /** Confirms a box's sheet (the second, equal entry by {@code by}); false if already confirmed. */
  boolean confirmAggregate(long roundId, long boxId, String by) {
    return jdbc.update(
            "UPDATE aggregate_count SET confirmed_by = ? WHERE round_id = ? AND box_id = ?"
                + " AND confirmed_by IS NULL AND entered_by <> ?",
            by,
            roundId,
            boxId,
            by)
        == 1;
  }

  // --- portfolios
  // ---------------------------------------------------------------------------------

  record Portfolio(String name, String portfolio) {}

  List<Portfolio> portfolios(long electionId) {
    return jdbc.query(
        "SELECT person_name, portfolio FROM voting_portfolio WHERE election_id = ? ORDER BY portfolio",
        (rs, i) -> new Portfolio(rs.getString(1), rs.getString(2)),
        electionId);
  }

  void putPortfolio(long electionId, String name, String portfolio, String by) {
    jdbc.update(
        "DELETE FROM voting_portfolio WHERE election_id = ? AND person_name = ?", electionId, name);
    jdbc.update(
        "INSERT INTO voting_portfolio (election_id, person_name, portfolio, recorded_by) VALUES (?, ?, ?, ?)",
        electionId,
        name,
        portfolio,
        by);
  }
}
