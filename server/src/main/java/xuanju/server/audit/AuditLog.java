package xuanju.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log (审计日志). Every state change is recorded with who, when,
 * what and a before/after summary. Each entry's hash is SHA-256 over the previous entry's hash and
 * the entry's own fields, so editing or deleting a row breaks the chain at that row.
 *
 * <p>Appending joins the caller's transaction: the event is durable exactly when the change is.
 */
@Service
public class AuditLog {
  /** The previous hash of the first event (and the head of an empty log). */
  static final String GENESIS = "0".repeat(64);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One audit entry (审计事件). */
  public record Event(
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String summary,
      String prevHash,
      String hash) {}

  /** Appends an event inside the current transaction (or a new one if none). */
  @Transactional(propagation = Propagation.REQUIRED)
  public Event append(String actor, String action, String subject, String summary) {
    var head =
        jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
    long seq = ((Number) head.get("last_seq")).longValue() + 1;
    String prev = ((String) head.get("last_hash")).trim();
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String safeSummary = summary.length() > 4000 ? summary.substring(0, 3997) + "…" : summary;
    String hash = hash(prev, seq, at, actor, action, subject, safeSummary);
    jdbc.update(
        "INSERT INTO audit_event (seq, occurred_at, actor, action, subject, summary, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        seq,
        Timestamp.from(at),
        actor,
        action,
        subject,
        safeSummary,
        prev,
        hash);
    jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
    return new Event(seq, at, actor, action, subject, safeSummary, prev, hash);
  }

  /** How many events the log holds. */
  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    return n == null ? 0 : n;
  }

  /** The newest events first. */
  public List<Event> latest(int limit) {
    return jdbc.query(
        "SELECT * FROM audit_event ORDER BY seq DESC LIMIT ?",
        (rs, i) ->
            new Event(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("summary"),
                rs.getString("prev_hash").trim(),
                rs.getString("hash").trim()),
        limit);
  }

  /** The head moved from one event number to another by {@link #alignHead()}. */
  public record HeadMove(long from, long to) {}

  /**
   * Moves a head that is BEHIND the events to the newest event (审计链头校正). Such a head (an event
   * whose head update a crash lost or left uncommitted) makes every next event collide with an
   * existing number. It is moved only if it names a real event of the chain; a head AHEAD of the
   * events, or naming no event, is what deleting events looks like and is left for {@link
   * #firstBrokenLink()} to report.
   */
  @Transactional
  public Optional<HeadMove> alignHead() {
    var head =
        jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
    long headSeq = ((Number) head.get("last_seq")).longValue();
    String headHash = ((String) head.get("last_hash")).trim();
    Long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class);
    if (last == null || last <= headSeq) {
      return Optional.empty();
    }
    List<String> named =
        headSeq == 0
            ? List.of(GENESIS)
            : jdbc.queryForList(
                "SELECT hash FROM audit_event WHERE seq = ?", String.class, headSeq);
    if (named.size() != 1 || !named.get(0).trim().equals(headHash)) {
      return Optional.empty();
    }
    String lastHash =
        jdbc.queryForObject("SELECT hash FROM audit_event WHERE seq = ?", String.class, last)
            .trim();
    jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last, lastHash);
    return Optional.of(new HeadMove(headSeq, last));
  }

  /**
   * Checks the whole chain (审计链校验).
   *
   * @return the sequence number of the first broken entry, or empty if the chain is intact
   */
  @Transactional(readOnly = true)
  public Optional<Long> firstBrokenLink() {
    String[] prev = {GENESIS};
    long[] expectedSeq = {1};
    Long[] broken = {null};
    jdbc.query(
        "SELECT * FROM audit_event ORDER BY seq",
        rs -> {
          if (broken[0] != null) {
            return;
          }
          long seq = rs.getLong("seq");
          String stored = rs.getString("hash").trim();
          String prevStored = rs.getString("prev_hash").trim();
          String recomputed =
              hash(
                  prevStored,
                  seq,
                  rs.getTimestamp("occurred_at").toInstant(),
                  rs.getString("actor"),
                  rs.getString("action"),
                  rs.getString("subject"),
                  rs.getString("summary"));
          if (seq != expectedSeq[0] || !prevStored.equals(prev[0]) || !recomputed.equals(stored)) {
            broken[0] = seq != expectedSeq[0] ? expectedSeq[0] : seq;
            return;
          }
          prev[0] = stored;
          expectedSeq[0]++;
        });
    if (broken[0] == null) {
      var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
      long lastSeq = ((Number) head.get("last_seq")).longValue();
      if (lastSeq != expectedSeq[0] - 1
          || !((String) head.get("last_hash")).trim().equals(prev[0])) {
        broken[0] = Math.min(lastSeq, expectedSeq[0]);
      }
    }
    return Optional.ofNullable(broken[0]);
  }

  static String hash(
      String prev,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String summary) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String canonical =
          String.join(
              "\u001f",
              prev,
              Long.toString(seq),
              Long.toString(at.toEpochMilli()),
              actor,
              action,
              subject,
              summary);
      return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
