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
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only, keyed hash chain of audit events (审计日志). Every state change is recorded with
 * who, when, what and a before/after summary. Each entry's hash is an HMAC-SHA256, under the
 * installation's audit key ({@link AuditKeys}, a file outside the database), over the previous
 * entry's hash and the entry's own fields; so editing, deleting or re-hashing rows without the key
 * breaks the chain. Events written before the key was introduced keep their plain SHA-256 hashes
 * ({@code key_id} NULL) and verify as before; the {@code AUDIT_KEY_INTRODUCED} event marks the
 * moment from which every event needs the key. Verification lives in {@link ChainVerifier}.
 *
 * <p>Appending joins the caller's transaction: the event is durable exactly when the change is.
 * While keyed events exist and their key is missing, appending is refused (no key is created
 * silently): put the key file back, or replace it explicitly ({@link #replaceLostKey}).
 */
@Service
public class AuditLog {
  /** The previous hash of the first event (and the head of an empty log). */
  static final String GENESIS = "0".repeat(64);

  static final String KEY_INTRODUCED = "AUDIT_KEY_INTRODUCED";
  static final String KEY_ROTATED = "AUDIT_KEY_ROTATED";
  static final String KEY_REPLACED = "AUDIT_KEY_REPLACED";

  /** Written into an introduction event when the key file already existed (see the verifier). */
  static final String PREEXISTING = "启用时本机已有此密钥文件";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AuditKeys keys;
  private final AuditWitness witness;
  private final ObjectProvider<ChainParticipant> participants;

  public AuditLog(
      JdbcTemplate jdbc,
      Clock clock,
      AuditKeys keys,
      AuditWitness witness,
      ObjectProvider<ChainParticipant> participants) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keys = keys;
    this.witness = witness;
    this.participants = participants;
  }

  /** One audit entry (审计事件); {@code keyId} null for an event before the key was introduced. */
  public record Event(
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String summary,
      String prevHash,
      String hash,
      String keyId) {}

  /** The chain's head (审计链头): the newest event's number and hash. */
  public record Head(long seq, String hash, String keyId) {
    /**
     * The short form printed on documents and by {@code audit-verify} (审计链校验码): the event number
     * and the first 16 hex characters of its hash in groups of four, e.g. {@code 第1234条 3f2a 9b1c
     * 0d4e 7a88}.
     */
    public String code() {
      String h = hash.trim();
      return "第"
          + seq
          + "条 "
          + h.substring(0, 4)
          + " "
          + h.substring(4, 8)
          + " "
          + h.substring(8, 12)
          + " "
          + h.substring(12, 16);
    }
  }

  /** Appends an event inside the current transaction (or a new one if none). */
  @Transactional(propagation = Propagation.REQUIRED)
  public Event append(String actor, String action, String subject, String summary) {
    Head head = lockHead();
    AuditKeys.Key key;
    if (head.keyId() == null) {
      key = introduce(false, "");
    } else {
      key = keyFor(head.keyId());
    }
    return write(key, actor, action, subject, summary);
  }

  /** The key that signs the next event: the chain's current key, or an error in Chinese. */
  AuditKeys.Key keyFor(String keyId) {
    return keys.byId(keyId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "审计链密钥（编号 "
                        + keyId
                        + "）缺失，不能记录新的审计事件，操作未执行。请把密钥文件放回密钥文件夹 "
                        + keys.dir()
                        + "（文件名以 audit-chain 开头），或由系统管理员运行 ./xuanju audit-key replace 启用新密钥"));
  }

  /**
   * The key of the chain's head for other tables kept under the audit key (the ballot entries'
   * running MACs), introducing the key first if the chain has none yet.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditKeys.Key chainKey() {
    String id =
        jdbc.queryForObject("SELECT last_key_id FROM audit_head WHERE id = 1", String.class);
    if (id == null) {
      lockHead();
      return introduce(false, "");
    }
    return keyFor(id.trim());
  }

  private Head lockHead() {
    var head =
        jdbc.queryForMap(
            "SELECT last_seq, last_hash, last_key_id FROM audit_head WHERE id = 1 FOR UPDATE");
    return head(head);
  }

  private static Head head(Map<String, Object> head) {
    String kid = (String) head.get("last_key_id");
    return new Head(
        ((Number) head.get("last_seq")).longValue(),
        ((String) head.get("last_hash")).trim(),
        kid == null ? null : kid.trim());
  }

  /**
   * Introduces the key (启用审计链密钥): the first keyed event, then the participants bring their rows
   * under it (e.g. the ballots settled so far). The head is locked by the caller.
   *
   * @param trusted true when an existing key file is expected (a restore into an installation whose
   *     own events were replaced); otherwise an existing file is noted as suspicious
   */
  private AuditKeys.Key introduce(boolean trusted, String note) {
    Optional<AuditKeys.Key> existing = keys.current();
    AuditKeys.Key key = existing.orElseGet(keys::createCurrent);
    Long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    write(
        key,
        "system",
        KEY_INTRODUCED,
        "audit",
        "启用审计链密钥（编号 "
            + key.id()
            + "，HMAC-SHA256）：此前的"
            + before
            + "条记录为不带密钥的 SHA-256，此后每条记录都须用此密钥校验"
            + note
            + (existing.isPresent() && !trusted ? "。注意：" + PREEXISTING : ""));
    participants.orderedStream().forEach(p -> p.keyChanged(null, key, appender(key)));
    return key;
  }

  private ChainParticipant.Appender appender(AuditKeys.Key key) {
    return (action, subject, summary) -> write(key, "system", action, subject, summary);
  }

  private Event write(
      AuditKeys.Key key, String actor, String action, String subject, String summary) {
    Head head = lockHead();
    long seq = head.seq() + 1;
    String prev = head.hash();
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String safeSummary = summary.length() > 4000 ? summary.substring(0, 3997) + "…" : summary;
    String hash = hash(key, prev, seq, at, actor, action, subject, safeSummary);
    jdbc.update(
        "INSERT INTO audit_event (seq, occurred_at, actor, action, subject, summary, prev_hash,"
            + " hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        seq,
        Timestamp.from(at),
        actor,
        action,
        subject,
        safeSummary,
        prev,
        hash,
        key.id());
    jdbc.update(
        "UPDATE audit_head SET last_seq = ?, last_hash = ?, last_key_id = ? WHERE id = 1",
        seq,
        hash,
        key.id());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              witness.record(seq, hash, key);
            }
          });
    } else {
      witness.record(seq, hash, key);
    }
    return new Event(seq, at, actor, action, subject, safeSummary, prev, hash, key.id());
  }

  /**
   * Rotates the key (审计链密钥轮换): the current key file is kept as a retired key {@code
   * audit-chain-<id>.key} (events before the rotation verify with it), a new key is created, an
   * {@code AUDIT_KEY_ROTATED} event signed with the new key records the change, and the
   * participants re-key their rows. The caller has verified the chain and the ballots first.
   */
  @Transactional
  public Head rotateKey(String actor) {
    Head head = lockHead();
    if (head.keyId() == null) {
      introduce(false, "");
      return head();
    }
    AuditKeys.Key old = keyFor(head.keyId());
    Optional<AuditKeys.Key> current = keys.current();
    if (current.isEmpty() || !current.get().id().equals(old.id())) {
      throw new IllegalStateException(
          "当前密钥文件 audit-chain.key 不是审计链正在使用的密钥（编号 " + old.id() + "），不能轮换");
    }
    String retired = keys.retireCurrent().getFileName().toString();
    AuditKeys.Key fresh = keys.createCurrent();
    write(
        fresh,
        actor,
        KEY_ROTATED,
        "audit",
        "审计链密钥轮换：原密钥（编号 "
            + old.id()
            + "）停用，保存为 "
            + retired
            + "，此前的记录仍用它校验；此后使用新密钥（编号 "
            + fresh.id()
            + "）");
    participants.orderedStream().forEach(p -> p.keyChanged(old, fresh, appender(fresh)));
    return head();
  }

  /**
   * Replaces a lost key (启用新密钥，原密钥缺失): only when the chain's key is missing. The events signed with
   * the lost key can no longer be checked with a key (verification says so, naming the numbers)
   * until its file is found and copied back. Recorded as {@code AUDIT_KEY_REPLACED}.
   *
   * @param useExistingCurrent true to adopt an existing current key file that the chain does not
   *     use (a restore into an installation that made its own key); false refuses then
   */
  @Transactional
  public Head replaceLostKey(String actor, boolean useExistingCurrent, String why) {
    Head head = lockHead();
    if (head.keyId() == null) {
      introduce(useExistingCurrent, why.isEmpty() ? "" : "（" + why + "）");
      return head();
    }
    if (keys.byId(head.keyId()).isPresent()) {
      throw new IllegalStateException("审计链密钥（编号 " + head.keyId() + "）并未缺失，无需启用新密钥；如需更换请用轮换");
    }
    Optional<AuditKeys.Key> current = keys.current();
    if (current.isPresent() && !useExistingCurrent) {
      throw new IllegalStateException(
          "本机的 audit-chain.key（编号 "
              + current.get().id()
              + "）不是审计链所用的密钥（编号 "
              + head.keyId()
              + "）。如确认原密钥已丢失，请先把该文件移走或改名，再启用新密钥");
    }
    AuditKeys.Key fresh = current.orElseGet(keys::createCurrent);
    Long first =
        jdbc.queryForObject(
            "SELECT MIN(seq) FROM audit_event WHERE key_id = ?", Long.class, head.keyId());
    write(
        fresh,
        actor,
        KEY_REPLACED,
        "audit",
        (why.isEmpty() ? "" : why + "：")
            + "原审计链密钥（编号 "
            + head.keyId()
            + "）缺失，第"
            + (first == null ? head.seq() : first)
            + "至第"
            + head.seq()
            + "条记录今后无法用密钥校验（找回原密钥文件并放回密钥文件夹后即可校验）；此后使用新密钥（编号 "
            + fresh.id()
            + "）");
    participants.orderedStream().forEach(p -> p.keyChanged(null, fresh, appender(fresh)));
    return head();
  }

  /** How many events the log holds. */
  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    return n == null ? 0 : n;
  }

  /** The chain's head as stored. */
  public Head head() {
    return head(
        jdbc.queryForMap("SELECT last_seq, last_hash, last_key_id FROM audit_head WHERE id = 1"));
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
                rs.getString("hash").trim(),
                rs.getString("key_id") == null ? null : rs.getString("key_id").trim()),
        limit);
  }

  /** The head moved from one event number to another by {@link #alignHead()}. */
  public record HeadMove(long from, long to) {}

  /**
   * Moves a head that is BEHIND the events to the newest event (审计链头校正). Such a head (an event
   * whose head update a crash lost or left uncommitted) makes every next event collide with an
   * existing number. It is moved only if it names a real event of the chain; a head AHEAD of the
   * events, or naming no event, is what deleting events looks like and is left for the verifier to
   * report.
   */
  @Transactional
  public Optional<HeadMove> alignHead() {
    Head head = lockHead();
    Long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class);
    if (last == null || last <= head.seq()) {
      return Optional.empty();
    }
    List<String> named =
        head.seq() == 0
            ? List.of(GENESIS)
            : jdbc.queryForList(
                "SELECT hash FROM audit_event WHERE seq = ?", String.class, head.seq());
    if (named.size() != 1 || !named.get(0).trim().equals(head.hash())) {
      return Optional.empty();
    }
    var lastRow = jdbc.queryForMap("SELECT hash, key_id FROM audit_event WHERE seq = ?", last);
    String kid = (String) lastRow.get("key_id");
    jdbc.update(
        "UPDATE audit_head SET last_seq = ?, last_hash = ?, last_key_id = ? WHERE id = 1",
        last,
        ((String) lastRow.get("hash")).trim(),
        kid == null ? null : kid.trim());
    return Optional.of(new HeadMove(head.seq(), last));
  }

  /**
   * Checks the whole chain (审计链校验) with the keys at hand.
   *
   * @return the sequence number of the first broken entry, or empty if no entry is broken (events
   *     whose key is missing are not broken but unchecked: see {@link #verify()})
   */
  @Transactional(readOnly = true)
  public Optional<Long> firstBrokenLink() {
    return verify().firstBroken();
  }

  /** The full verification of the chain (审计链校验), with every finding in Chinese. */
  @Transactional(readOnly = true)
  public ChainVerifier.Result verify() {
    return new ChainVerifier(jdbc, keys, witness).run();
  }

  /**
   * The verification of the rows only, without the witness file (for a restore, whose chain
   * replaces the one the witness speaks of).
   */
  @Transactional(readOnly = true)
  public ChainVerifier.Result verifyRows() {
    return new ChainVerifier(jdbc, keys, null).run();
  }

  /** The canonical text of an event, hashed (plain) or MACed (keyed). */
  static String canonical(
      String prev,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String summary,
      String keyId) {
    String base =
        String.join(
            "\u001f",
            prev,
            Long.toString(seq),
            Long.toString(at.toEpochMilli()),
            actor,
            action,
            subject,
            summary);
    return keyId == null ? base : base + "\u001f" + keyId;
  }

  static String hash(
      AuditKeys.Key key,
      String prev,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String summary) {
    return AuditKeys.hmac(
        key.bytes(), canonical(prev, seq, at, actor, action, subject, summary, key.id()));
  }

  /** The plain SHA-256 of an event written before the key was introduced. */
  static String plainHash(
      String prev,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String summary) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String c = canonical(prev, seq, at, actor, action, subject, summary, null);
      return HexFormat.of().formatHex(md.digest(c.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
