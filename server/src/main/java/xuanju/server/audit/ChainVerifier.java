package xuanju.server.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verification of the audit chain (审计链校验), one pass in event order:
 *
 * <ul>
 *   <li>numbers run 1, 2, 3 … without gap and every event names its predecessor's hash;
 *   <li>an event without key id (written before the key was introduced) must have the plain SHA-256
 *       hash, and may only come before the first keyed event;
 *   <li>the first keyed event must be {@code AUDIT_KEY_INTRODUCED}; the key id may change only at
 *       an {@code AUDIT_KEY_ROTATED} or {@code AUDIT_KEY_REPLACED} event; every keyed event's hash
 *       must be the HMAC under its key;
 *   <li>an event whose key file is missing cannot be checked: reported as such, with its numbers;
 *   <li>the head row names the last event;
 *   <li>a key file at hand while the chain holds no keyed event, or a key introduced over an
 *       existing key file, means the keyed events were probably rewritten without the key.
 * </ul>
 */
public final class ChainVerifier {
  /** Events signed with a key whose file is missing: {@code from}..{@code to}, {@code count}. */
  public record Missing(String keyId, long from, long to, long count) {}

  /**
   * The outcome.
   *
   * @param count events in the log
   * @param head the head as stored
   * @param firstBroken the first event that does not verify (or the head's number)
   * @param brokenWhy why, in Chinese (empty if not broken)
   * @param missingKeys events that cannot be checked because their key is missing
   * @param warnings other findings in Chinese
   */
  public record Result(
      long count,
      AuditLog.Head head,
      Optional<Long> firstBroken,
      String brokenWhy,
      List<Missing> missingKeys,
      List<String> warnings) {
    /** Every event checked and found intact. */
    public boolean ok() {
      return firstBroken.isEmpty() && missingKeys.isEmpty() && warnings.isEmpty();
    }

    /** One Chinese line per finding. */
    public List<String> problemsZh() {
      List<String> out = new ArrayList<>();
      firstBroken.ifPresent(
          seq -> out.add("审计链自第" + seq + "条起校验不通过（" + brokenWhy + "），其后的记录可能被修改、删除或重算"));
      for (Missing m : missingKeys) {
        out.add(
            "审计链密钥（编号 "
                + m.keyId()
                + "）缺失：第"
                + m.from()
                + "至第"
                + m.to()
                + "条中用它签名的"
                + m.count()
                + "条记录无法校验（把该密钥文件放回密钥文件夹即可校验）");
      }
      out.addAll(warnings);
      return out;
    }
  }

  private final JdbcTemplate jdbc;
  private final AuditKeys keys;
  private final AuditWitness witness;

  ChainVerifier(JdbcTemplate jdbc, AuditKeys keys, AuditWitness witness) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.witness = witness;
  }

  Result run() {
    Map<String, AuditKeys.Key> known = keys.all();
    Map<String, long[]> missing = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    String[] prev = {AuditLog.GENESIS};
    String[] lastKey = {null};
    long[] expected = {1};
    Long[] broken = {null};
    String[] why = {""};
    jdbc.query(
        "SELECT * FROM audit_event ORDER BY seq",
        rs -> {
          if (broken[0] != null) {
            return;
          }
          long seq = rs.getLong("seq");
          if (seq != expected[0]) {
            broken[0] = expected[0];
            why[0] = "缺少第" + expected[0] + "条";
            return;
          }
          String stored = rs.getString("hash").trim();
          String prevStored = rs.getString("prev_hash").trim();
          String kid = rs.getString("key_id") == null ? null : rs.getString("key_id").trim();
          String action = rs.getString("action");
          String summary = rs.getString("summary");
          var at = rs.getTimestamp("occurred_at").toInstant();
          String actor = rs.getString("actor");
          String subject = rs.getString("subject");
          if (!prevStored.equals(prev[0])) {
            broken[0] = seq;
            why[0] = "与前一条记录不相连";
            return;
          }
          if (kid == null) {
            if (lastKey[0] != null) {
              broken[0] = seq;
              why[0] = "启用密钥之后出现不带密钥的记录";
              return;
            }
            if (!AuditLog.plainHash(prevStored, seq, at, actor, action, subject, summary)
                .equals(stored)) {
              broken[0] = seq;
              why[0] = "哈希值不符";
              return;
            }
          } else {
            if (lastKey[0] == null && !action.equals(AuditLog.KEY_INTRODUCED)) {
              broken[0] = seq;
              why[0] = "带密钥的记录之前没有启用密钥的记录";
              return;
            }
            if (lastKey[0] != null
                && !kid.equals(lastKey[0])
                && !action.equals(AuditLog.KEY_ROTATED)
                && !action.equals(AuditLog.KEY_REPLACED)) {
              broken[0] = seq;
              why[0] = "未经轮换或更换记录就换用了另一密钥";
              return;
            }
            AuditKeys.Key key = known.get(kid);
            if (key == null) {
              long[] m = missing.computeIfAbsent(kid, k -> new long[] {seq, seq, 0});
              m[1] = seq;
              m[2]++;
            } else if (!AuditLog.hash(key, prevStored, seq, at, actor, action, subject, summary)
                .equals(stored)) {
              broken[0] = seq;
              why[0] = "密钥校验值不符";
              return;
            }
            if (action.equals(AuditLog.KEY_INTRODUCED) && summary.contains(AuditLog.PREEXISTING)) {
              warnings.add(
                  "第"
                      + seq
                      + "条：启用审计链密钥时本机已有该密钥文件，此前带密钥的记录可能已被改写成不带密钥的形式（新安装首次启动中断时也会如此，请核对纸质文件上的审计链校验码）");
            }
            lastKey[0] = kid;
          }
          prev[0] = stored;
          expected[0]++;
        });
    var head =
        jdbc.queryForMap("SELECT last_seq, last_hash, last_key_id FROM audit_head WHERE id = 1");
    long lastSeq = ((Number) head.get("last_seq")).longValue();
    String headKey = (String) head.get("last_key_id");
    AuditLog.Head h =
        new AuditLog.Head(
            lastSeq,
            ((String) head.get("last_hash")).trim(),
            headKey == null ? null : headKey.trim());
    if (broken[0] == null
        && (lastSeq != expected[0] - 1
            || !h.hash().equals(prev[0])
            || !java.util.Objects.equals(h.keyId(), lastKey[0]))) {
      broken[0] = Math.min(lastSeq, expected[0]);
      why[0] = "审计链头为第" + lastSeq + "条，与记录不符";
    }
    if (broken[0] == null && lastKey[0] != null && witness != null) {
      checkWitness(h, known, broken, why, warnings);
    }
    if (lastKey[0] == null && broken[0] == null) {
      keys.current()
          .ifPresent(
              k -> warnings.add("本机有审计链密钥（编号 " + k.id() + "），但审计链中没有用密钥签名的记录：审计链可能已被整体重算为不带密钥的形式"));
    }
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    List<Missing> ms = new ArrayList<>();
    missing.forEach((k, m) -> ms.add(new Missing(k, m[0], m[1], m[2])));
    return new Result(
        count == null ? 0 : count,
        h,
        Optional.ofNullable(broken[0]),
        why[0],
        List.copyOf(ms),
        List.copyOf(warnings));
  }

  /** The head may be ahead of the witness (it lags after a crash) but never behind it. */
  private void checkWitness(
      AuditLog.Head h,
      Map<String, AuditKeys.Key> known,
      Long[] broken,
      String[] why,
      List<String> warnings) {
    var w = witness.read();
    if (w.isEmpty()) {
      warnings.add("审计链头见证文件 " + AuditWitness.FILE + " 不在密钥文件夹中：无法确认审计链末尾的记录未被删除");
      return;
    }
    AuditWitness.Witness wi = w.get();
    if (wi.seq() < 0) {
      warnings.add("审计链头见证文件 " + AuditWitness.FILE + " 已损坏");
      return;
    }
    AuditKeys.Key k = known.get(wi.keyId());
    if (k != null && !AuditWitness.mac(k, wi.seq(), wi.hash()).equals(wi.mac())) {
      warnings.add("审计链头见证文件 " + AuditWitness.FILE + " 的密钥校验值不符：该文件被改动");
      return;
    }
    if (wi.seq() > h.seq()) {
      broken[0] = h.seq() + 1;
      why[0] = "见证文件记载审计链已到第" + wi.seq() + "条，数据库中只到第" + h.seq() + "条：末尾的记录被删除";
      return;
    }
    if (wi.seq() > 0) {
      List<String> at =
          jdbc.queryForList("SELECT hash FROM audit_event WHERE seq = ?", String.class, wi.seq());
      if (at.size() != 1 || !at.get(0).trim().equals(wi.hash())) {
        broken[0] = wi.seq();
        why[0] = "与见证文件记载的第" + wi.seq() + "条不符";
      }
    }
  }
}
