package xuanju.server.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.audit.AuditKeys;
import xuanju.server.audit.ChainParticipant;
import xuanju.server.voting.VotingModel.Reading;

/**
 * The ballots in the audit chain (选票纳入审计链). Two protections, neither of which holds a voter, a time
 * or a client id:
 *
 * <ul>
 *   <li><b>Every record, as it is saved</b>: each entry (one clerk's pass over a stack) keeps in
 *       {@code ballot_entry.records_mac} a running HMAC under the audit key over its records in
 *       position order ({@code mac0 = HMAC(k, "entry|id")}, {@code mac(n) = HMAC(k, mac(n-1) | n |
 *       marks | write-ins | identifying)}). Only the newest value is stored, so a record edited,
 *       deleted (with the counter lowered) or inserted (with the counter raised) without the key no
 *       longer matches, in an unfinished entry too.
 *   <li><b>Every stack, when settled</b>: the {@code BALLOT_STACK_SETTLED} event names the stack
 *       and a SHA-256 over its records, counters and rulings ({@link #stackDigest}); the {@code
 *       BALLOT_ENTRY_FINISHED} event names the entry and the digest of its readings. Stacks already
 *       settled when the key was introduced get a {@code BALLOT_STACK_BASELINE} event.
 * </ul>
 *
 * {@link #check()} recomputes all of it from the ballot rows (start-up, periodic and {@code
 * audit-verify} checks).
 */
@Component
public class BallotCoverage implements ChainParticipant {
  static final String BASELINE = "BALLOT_STACK_BASELINE";
  private static final Pattern STACK = Pattern.compile("选票叠编号 (\\d+)，记录摘要 ([0-9a-f]{64})");
  private static final Pattern ENTRY =
      Pattern.compile("录入编号 (\\d+)），共(\\d+)张，摘要 SHA-256 ([0-9a-f]{64})");

  private final JdbcTemplate jdbc;
  private final VotingRepository repo;
  private final AuditKeys keys;

  BallotCoverage(JdbcTemplate jdbc, VotingRepository repo, AuditKeys keys) {
    this.jdbc = jdbc;
    this.repo = repo;
    this.keys = keys;
  }

  // ------------------------------------------------------------------ the running MAC

  static String start(AuditKeys.Key key, long entryId) {
    return AuditKeys.hmac(key.bytes(), "entry|" + entryId);
  }

  static String next(AuditKeys.Key key, String mac, int position, Reading r) {
    return AuditKeys.hmac(
        key.bytes(),
        mac + "|" + position + "|" + r.marks() + "|" + r.writeIns() + "|" + r.identifying());
  }

  /** The running MAC of an entry's records from scratch. */
  private String recompute(AuditKeys.Key key, long entryId) {
    String mac = start(key, entryId);
    for (Positioned p : records(entryId)) {
      mac = next(key, mac, p.position(), p.reading());
    }
    return mac;
  }

  private record Positioned(int position, Reading reading) {}

  private List<Positioned> records(long entryId) {
    return jdbc.query(
        "SELECT position, marks, write_ins, identifying FROM ballot_record WHERE entry_id = ?"
            + " ORDER BY position",
        (rs, i) ->
            new Positioned(
                rs.getInt(1), new Reading(rs.getString(2), rs.getString(3), rs.getBoolean(4))),
        entryId);
  }

  /** A new entry starts its running MAC (in the transaction that creates it). */
  void started(AuditKeys.Key key, long entryId) {
    jdbc.update(
        "UPDATE ballot_entry SET records_mac = ? WHERE id = ?", start(key, entryId), entryId);
  }

  /**
   * A record was saved at {@code position} (the entry row is locked by the caller's transaction):
   * the entry's running MAC moves on.
   */
  void saved(AuditKeys.Key key, long entryId, int position, Reading r) {
    String mac =
        jdbc.queryForObject(
            "SELECT records_mac FROM ballot_entry WHERE id = ?", String.class, entryId);
    String updated = mac == null ? recompute(key, entryId) : next(key, mac.trim(), position, r);
    jdbc.update("UPDATE ballot_entry SET records_mac = ? WHERE id = ?", updated, entryId);
  }

  @Override
  public void keyChanged(AuditKeys.Key oldKey, AuditKeys.Key newKey, Appender appender) {
    for (Long id : jdbc.queryForList("SELECT id FROM ballot_entry ORDER BY id", Long.class)) {
      jdbc.update(
          "UPDATE ballot_entry SET records_mac = ? WHERE id = ?", recompute(newKey, id), id);
    }
    if (oldKey != null) {
      return; // rotation: the settle events stay as they are
    }
    List<Long> covered = new ArrayList<>();
    events().forEach(e -> stackEvent(e).ifPresent(m -> covered.add(Long.parseLong(m.group(1)))));
    for (StackRow s : stackRows()) {
      if (s.settled() && !covered.contains(s.id())) {
        appender.append(
            BASELINE,
            "election:" + s.electionId(),
            s.where() + "在启用审计链密钥时已核对认定：选票叠编号 " + s.id() + "，记录摘要 " + stackDigest(s.id()));
      }
    }
  }

  // ------------------------------------------------------------------ the settled digest

  /**
   * The digest of a stack (选票叠摘要): SHA-256 over both entries' counters and records (position,
   * marks, write-ins, identifying) and the scrutineer's rulings. No client id, no time, no voter.
   */
  String stackDigest(long stackId) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("stack|" + stackId + "\n").getBytes(StandardCharsets.UTF_8));
      for (var e :
          jdbc.queryForList(
              "SELECT id, side, ballots FROM ballot_entry WHERE stack_id = ? ORDER BY side",
              stackId)) {
        long entryId = ((Number) e.get("id")).longValue();
        md.update(
            ("entry|" + e.get("side") + "|" + e.get("ballots") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (Positioned p : records(entryId)) {
          Reading r = p.reading();
          md.update(
              ("r|"
                      + p.position()
                      + "|"
                      + r.marks()
                      + "|"
                      + r.writeIns()
                      + "|"
                      + r.identifying()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      for (var r : repo.rulings(stackId)) {
        md.update(
            ("ruling|"
                    + r.position()
                    + "|"
                    + r.absent()
                    + "|"
                    + r.marks()
                    + "|"
                    + r.writeIns()
                    + "|"
                    + r.identifying()
                    + "|"
                    + r.reason()
                    + "|"
                    + r.ruledBy()
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The words of a settle event that bind it to the stack's digest (parsed by the check). */
  String settleWords(long stackId) {
    return "选票叠编号 " + stackId + "，记录摘要 " + stackDigest(stackId);
  }

  // ------------------------------------------------------------------ the check

  private record StackRow(
      long id, long electionId, int round, String label, String box, boolean settled) {
    String where() {
      return "选举" + electionId + "第" + round + "轮票箱「" + box + "」第" + label + "叠";
    }
  }

  private List<StackRow> stackRows() {
    return jdbc.query(
        "SELECT s.id, v.election_id, v.number, s.label, b.name, s.status FROM ballot_stack s"
            + " JOIN voting_round v ON v.id = s.round_id JOIN voting_box b ON b.id = s.box_id"
            + " ORDER BY s.id",
        (rs, i) ->
            new StackRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                "SETTLED".equals(rs.getString(6))));
  }

  private record Ev(long seq, String action, String summary) {}

  private List<Ev> events() {
    return jdbc.query(
        "SELECT seq, action, summary FROM audit_event WHERE action IN"
            + " ('BALLOT_STACK_SETTLED', 'BALLOT_STACK_BASELINE', 'BALLOT_ENTRY_FINISHED')"
            + " ORDER BY seq",
        (rs, i) -> new Ev(rs.getLong(1), rs.getString(2), rs.getString(3)));
  }

  private static Optional<Matcher> stackEvent(Ev e) {
    if (e.action().equals("BALLOT_ENTRY_FINISHED")) {
      return Optional.empty();
    }
    Matcher m = STACK.matcher(e.summary());
    return m.find() ? Optional.of(m) : Optional.empty();
  }

  /**
   * Recomputes every entry's running MAC and every settled stack's and finished entry's digest from
   * the ballot rows and compares them with the audit chain (选票记录核对).
   *
   * @return one Chinese line per problem, naming the election, round, stack and event number
   */
  @Transactional(readOnly = true)
  public List<String> check() {
    List<String> problems = new ArrayList<>();
    Map<Long, StackRow> stacks = new HashMap<>();
    stackRows().forEach(s -> stacks.put(s.id(), s));
    Map<Long, Long> settledBy = new HashMap<>();
    for (Ev e : events()) {
      if (e.action().equals("BALLOT_ENTRY_FINISHED")) {
        Matcher m = ENTRY.matcher(e.summary());
        if (m.find()) {
          checkFinished(
              e.seq(),
              Long.parseLong(m.group(1)),
              Integer.parseInt(m.group(2)),
              m.group(3),
              stacks,
              problems);
        }
        continue;
      }
      Optional<Matcher> sm = stackEvent(e);
      if (sm.isEmpty()) {
        continue; // settled before the digest was recorded (covered by a baseline event)
      }
      long stackId = Long.parseLong(sm.get().group(1));
      settledBy.put(stackId, e.seq());
      StackRow s = stacks.get(stackId);
      if (s == null) {
        problems.add("第" + e.seq() + "条审计事件所记的已核对认定选票叠（编号" + stackId + "）已不存在：选票记录被删除");
      } else if (!s.settled()) {
        problems.add(s.where() + "：第" + e.seq() + "条审计事件记载已核对认定，但现在标为未认定");
      } else if (!stackDigest(stackId).equals(sm.get().group(2))) {
        problems.add(s.where() + "：选票记录、计数或认定与第" + e.seq() + "条审计事件所记的摘要不符（核对认定后被修改、删除或插入）");
      }
    }
    boolean keyed =
        jdbc.queryForObject("SELECT last_key_id FROM audit_head WHERE id = 1", String.class)
            != null;
    for (StackRow s : stacks.values()) {
      // before the key is introduced, stacks settled earlier have no digest event yet
      if (keyed && s.settled() && !settledBy.containsKey(s.id())) {
        problems.add(s.where() + "：标为已核对认定，但审计链中没有它的核对认定记录");
      }
    }
    checkRunningMacs(stacks, problems);
    problems.sort(null);
    return problems;
  }

  private void checkFinished(
      long seq,
      long entryId,
      int count,
      String digest,
      Map<Long, StackRow> stacks,
      List<String> problems) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT stack_id, side FROM ballot_entry WHERE id = ?", entryId);
    if (rows.isEmpty()) {
      problems.add("第" + seq + "条审计事件所记的已完毕录入（编号" + entryId + "）已不存在");
      return;
    }
    StackRow s = stacks.get(((Number) rows.get(0).get("stack_id")).longValue());
    String where = (s == null ? "" : s.where()) + "录入" + rows.get(0).get("side");
    List<Reading> readings = repo.readings(entryId);
    if (readings.size() != count || !EntryService.digest(readings).equals(digest)) {
      problems.add(
          where + "：现有" + readings.size() + "张选票，与第" + seq + "条审计事件所记（录入完毕时" + count + "张及其摘要）不符");
    }
  }

  private void checkRunningMacs(Map<Long, StackRow> stacks, List<String> problems) {
    List<Map<String, Object>> entries =
        jdbc.queryForList("SELECT id, stack_id, side, records_mac FROM ballot_entry ORDER BY id");
    if (entries.isEmpty()) {
      return;
    }
    String headKey =
        jdbc.queryForObject("SELECT last_key_id FROM audit_head WHERE id = 1", String.class);
    if (headKey == null) {
      return; // the key is not introduced yet: nothing is kept under it
    }
    Optional<AuditKeys.Key> key = keys.byId(headKey.trim());
    if (key.isEmpty()) {
      problems.add("审计链密钥（编号 " + headKey.trim() + "）缺失：各录入的选票记录校验值无法核对");
      return;
    }
    for (var e : entries) {
      long id = ((Number) e.get("id")).longValue();
      StackRow s = stacks.get(((Number) e.get("stack_id")).longValue());
      String where = (s == null ? "" : s.where()) + "录入" + e.get("side") + "（录入编号" + id + "）";
      String stored = (String) e.get("records_mac");
      if (stored == null) {
        problems.add(where + "：没有选票记录校验值");
      } else if (!recompute(key.get(), id).equals(stored.trim())) {
        problems.add(where + "：选票记录与其校验值不符（选票被修改、删除或插入）");
      }
    }
  }
}
