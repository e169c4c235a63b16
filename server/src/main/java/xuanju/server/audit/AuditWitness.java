package xuanju.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chain head's witness outside the database (审计链头见证文件, {@code keys/audit-chain.head}): after
 * every committed event the newest event's number and hash, with an HMAC under the audit key, are
 * written next to the key. A chain whose last events were deleted and whose head was moved back is
 * a consistent prefix of itself and cannot be told apart from the inside; the witness (and the
 * check code on paper, {@link AuditLog.Head#code()}) can. The witness may lag behind the database
 * (a crash between commit and write) but never run ahead of it.
 */
@Component
public class AuditWitness {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWitness.class);
  static final String FILE = "audit-chain.head";

  /** What the witness file says. */
  public record Witness(long seq, String hash, String keyId, String mac) {}

  private final AuditKeys keys;
  private long written = -1;

  public AuditWitness(AuditKeys keys) {
    this.keys = keys;
  }

  Path file() {
    return keys.dir().resolve(FILE);
  }

  static String mac(AuditKeys.Key key, long seq, String hash) {
    return AuditKeys.hmac(key.bytes(), "witness|" + seq + "|" + hash);
  }

  /** Records a committed event (only if newer than the one recorded). */
  synchronized void record(long seq, String hash, AuditKeys.Key key) {
    if (written < 0) {
      written = read().map(Witness::seq).orElse(0L);
    }
    if (seq > written) {
      write(seq, hash, key);
    }
  }

  /**
   * Writes the witness for this head whatever it said before: after a restore replaced the whole
   * chain (恢复后重置见证).
   */
  public synchronized void resetTo(AuditLog.Head head) {
    if (head.keyId() == null) {
      return;
    }
    keys.byId(head.keyId()).ifPresent(k -> write(head.seq(), head.hash(), k));
  }

  private void write(long seq, String hash, AuditKeys.Key key) {
    Path f = file();
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling(FILE + ".tmp");
      Files.writeString(
          tmp,
          seq + " " + hash + " " + key.id() + " " + mac(key, seq, hash) + "\n",
          StandardCharsets.US_ASCII);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written = seq;
    } catch (IOException e) {
      LOG.warn("未能写入审计链头见证文件 {}：{}", f, e.toString());
    }
  }

  /** The witness, if its file exists and can be read. */
  public Optional<Witness> read() {
    Path f = file();
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      String[] p = Files.readString(f, StandardCharsets.US_ASCII).strip().split(" ");
      if (p.length != 4) {
        return Optional.of(new Witness(-1, "", "", ""));
      }
      return Optional.of(new Witness(Long.parseLong(p[0]), p[1], p[2], p[3]));
    } catch (IOException | NumberFormatException e) {
      return Optional.of(new Witness(-1, "", "", ""));
    }
  }
}
