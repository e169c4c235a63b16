package xuanju.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.audit.AuditLog;
import xuanju.server.keys.KeyFiles;

/**
 * Sign-in throttling per client (按设备限制登录尝试). Failed sign-ins are counted per pair (client address,
 * account) and per client address over all accounts, never per account alone: wrong passwords sent
 * from one address make that address wait, and the same account still signs in from any other
 * address. So nobody can lock another user (or the administrator) out from elsewhere.
 *
 * <p>Every attempt is counted before the password is checked ({@link #attempt}), under a row lock,
 * so that parallel requests cannot slip past the limit; a successful sign-in takes its attempt back
 * ({@link #succeeded}). When a pair reaches {@code xuanju.security.max-failed-logins} failures (and
 * again at every further multiple), that pair is refused for {@code
 * xuanju.security.lockout-minutes}, doubling with each further block up to a day; the same for a
 * client address over all accounts at {@code xuanju.security.max-failed-logins-per-client}. Refused
 * attempts do not check the password.
 *
 * <p>The account is stored only as an HMAC of the typed user name (key file {@code
 * login-throttle}), so a password typed into the user-name field is not kept. Rows whose last
 * attempt is older than a day are deleted. The operator's way in is {@code ./xuanju unlock USER}
 * ({@link #unlock}, {@link AccountCommands}), which works on the database directly.
 */
@Service
public class LoginThrottle {
  /** The account key of the row that counts a client's failures over all accounts. */
  static final String ANY_ACCOUNT = "*";

  static final Duration MAX_BLOCK = Duration.ofDays(1);
  static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final JdbcTemplate jdbc;
  private final UserRepository users;
  private final AuditLog audit;
  private final Clock clock;
  private final KeyFiles keys;
  private final int maxPerAccount;
  private final int maxPerClient;
  private final Duration lockout;
  private volatile byte[] key;
  private final ReentrantLock[] stripes = new ReentrantLock[1024];

  public LoginThrottle(
      JdbcTemplate jdbc,
      UserRepository users,
      AuditLog audit,
      Clock clock,
      KeyFiles keys,
      @Value("${xuanju.security.max-failed-logins:5}") int maxPerAccount,
      @Value("${xuanju.security.max-failed-logins-per-client:50}") int maxPerClient,
      @Value("${xuanju.security.lockout-minutes:15}") int lockoutMinutes) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.keys = keys;
    this.maxPerAccount = Math.max(1, maxPerAccount);
    this.maxPerClient = Math.max(this.maxPerAccount, maxPerClient);
    this.lockout = Duration.ofMinutes(Math.max(1, lockoutMinutes));
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Whether {@code client} may try to sign in as {@code username} now. Call it holding {@link
   * #lockFor} of the pair, and keep holding it until the password was checked and a failure
   * recorded ({@link #failed}): attempts of one pair then run one after the other, so parallel
   * requests cannot slip past the limit, and parallel correct sign-ins of one account from one
   * address (several stations behind one address) all succeed.
   *
   * @return how long this client must still wait (the password is then not checked), or empty when
   *     it may go ahead
   */
  @Transactional(readOnly = true)
  public Optional<Duration> refusal(String client, String username) {
    Instant now = clock.instant();
    String c = client(client);
    Instant until = null;
    for (Row r : rows(c, List.of(accountKey(username), ANY_ACCOUNT), false)) {
      until = later(until, r.blockedUntil());
    }
    if (until != null && until.isAfter(now)) {
      return Optional.of(Duration.between(now, until));
    }
    return Optional.empty();
  }

  /** The lock that serialises the sign-in attempts of one pair (client, typed user name). */
  public ReentrantLock lockFor(String client, String username) {
    int h = (client(client) + "\n" + (username == null ? "" : username)).hashCode();
    return stripes[Math.floorMod(h, stripes.length)];
  }

  /**
   * Records a failed sign-in (wrong password or unknown user name) of {@code username} from {@code
   * client}: the pair's and the client's counts go up; at every multiple of the limit the row is
   * blocked ({@code LOGIN_THROTTLED} in the audit log).
   */
  @Transactional
  public void failed(String client, String username) {
    Instant now = clock.instant();
    String c = client(client);
    jdbc.update("DELETE FROM login_throttle WHERE last_attempt < ?", ts(now.minus(FORGET_AFTER)));
    // pair first, then the client's row: always the same lock order
    Row pair = lock(c, accountKey(username), now);
    Row any = lock(c, ANY_ACCOUNT, now);
    count(pair, maxPerAccount, now, c, username);
    count(any, maxPerClient, now, c, null);
  }

  /**
   * {@link #refusal} and, when allowed, {@link #failed} under the pair's lock: one attempt with a
   * wrong password (for tests and benchmarks of the counting).
   *
   * @return true when the attempt was let through to the (failing) password check
   */
  public boolean wrongPassword(String client, String username) {
    ReentrantLock lock = lockFor(client, username);
    lock.lock();
    try {
      if (refusal(client, username).isPresent()) {
        return false;
      }
      failed(client, username);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** A successful sign-in: the pair starts again from zero. */
  @Transactional
  public void succeeded(String client, String username) {
    jdbc.update(
        "DELETE FROM login_throttle WHERE client = ? AND account_key = ?",
        client(client),
        accountKey(username));
  }

  /**
   * The operator's unlock (解除登录限制): forgets every failure of this account from every client and
   * every client's block over all accounts (an attacker who shares the user's address may have
   * blocked it), and clears the account lock of earlier versions.
   *
   * @return the number of throttle rows removed
   */
  @Transactional
  public int unlock(String actor, String username) {
    int n =
        jdbc.update("DELETE FROM login_throttle WHERE account_key = ?", accountKey(username))
            + jdbc.update("DELETE FROM login_throttle WHERE account_key = ?", ANY_ACCOUNT);
    jdbc.update(
        "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
    audit.append(
        actor,
        "LOGIN_UNLOCKED",
        "user:" + username,
        "解除登录限制：清除该账户在所有设备上的登录失败记录及各设备的整体限制（" + n + "条）");
    return n;
  }

  /** How many failed attempts are counted now for this pair (for tests and the operator). */
  @Transactional(readOnly = true)
  public int failures(String client, String username) {
    List<Integer> n =
        jdbc.queryForList(
            "SELECT failures FROM login_throttle WHERE client = ? AND account_key = ?",
            Integer.class,
            client(client),
            accountKey(username));
    return n.isEmpty() ? 0 : n.get(0);
  }

  private record Row(
      String client, String account, int failures, int blocks, Instant blockedUntil) {}

  private Row lock(String client, String account, Instant now) {
    List<Row> rows = select(client, account);
    if (rows.isEmpty()) {
      // a parallel attempt may insert it first: then nothing happens here and that row is locked
      jdbc.update(
          "INSERT INTO login_throttle (client, account_key, failures, blocks, last_attempt)"
              + " VALUES (?, ?, 0, 0, ?) ON CONFLICT DO NOTHING",
          client,
          account,
          ts(now));
      rows = select(client, account);
    }
    return rows.get(0);
  }

  private List<Row> rows(String client, List<String> accounts, boolean forUpdate) {
    List<Row> out = new java.util.ArrayList<>();
    for (String a : accounts) {
      out.addAll(select(client, a, forUpdate));
    }
    return out;
  }

  private List<Row> select(String client, String account) {
    return select(client, account, true);
  }

  private List<Row> select(String client, String account, boolean forUpdate) {
    return jdbc.query(
        "SELECT failures, blocks, blocked_until FROM login_throttle"
            + " WHERE client = ? AND account_key = ?"
            + (forUpdate ? " FOR UPDATE" : ""),
        (rs, i) -> {
          Timestamp t = rs.getTimestamp("blocked_until");
          return new Row(
              client,
              account,
              rs.getInt("failures"),
              rs.getInt("blocks"),
              t == null ? null : t.toInstant());
        },
        client,
        account);
  }

  /** Counts one more attempt on a row; at every multiple of {@code max} the row is blocked. */
  private void count(Row r, int max, Instant now, String client, String username) {
    int failures = r.failures() + 1;
    int blocks = r.blocks();
    Instant until = r.blockedUntil();
    if (failures % max == 0) {
      blocks++;
      Duration d = lockout.multipliedBy(1L << Math.min(blocks - 1, 20));
      if (d.compareTo(MAX_BLOCK) > 0) {
        d = MAX_BLOCK;
      }
      until = now.plus(d);
      // the subject names the account only when it exists: a typed name may be a password
      boolean known = username != null && users.findByUsername(username).isPresent();
      String who = username == null ? "所有账户" : known ? "该账户" : "一个不存在的用户名";
      audit.append(
          "system",
          "LOGIN_THROTTLED",
          known ? "user:" + username : "client:" + client,
          "来自 "
              + client
              + " 的登录失败已达"
              + failures
              + "次，该设备对"
              + who
              + "的登录暂停"
              + d.toMinutes()
              + "分钟（其他设备不受影响）");
    }
    jdbc.update(
        "UPDATE login_throttle SET failures = ?, blocks = ?, blocked_until = ?, last_attempt = ?"
            + " WHERE client = ? AND account_key = ?",
        failures,
        blocks,
        until == null ? null : ts(until),
        ts(now),
        r.client(),
        r.account());
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String client(String client) {
    String c = client == null || client.isBlank() ? "unknown" : client.strip();
    return c.length() > 64 ? c.substring(0, 64) : c;
  }

  /** HMAC-SHA256 of the typed user name, hex: the throttle never stores the name itself. */
  String accountKey(String username) {
    byte[] k = key;
    if (k == null) {
      k = keys.loadOrCreate("login-throttle");
      key = k;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      byte[] h = mac.doFinal((username == null ? "" : username).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
