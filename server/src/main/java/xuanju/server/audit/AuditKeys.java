package xuanju.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import xuanju.server.keys.KeyFiles;

/**
 * The audit chain's secret keys (审计链密钥): the current key {@code keys/audit-chain.key} and the
 * retired ones {@code keys/audit-chain-<id>.key} (any file whose name starts with {@code
 * audit-chain} is read, so a found old key can simply be copied back). A key is known by its id,
 * the first 16 hex characters of a SHA-256 over it, which the chain records beside every keyed
 * event; the key itself never enters the database or an ordinary backup.
 *
 * <p>This class never creates a key on its own initiative: {@link #createCurrent()} is called only
 * when the key is introduced, rotated or explicitly replaced, each recorded by an audit event.
 */
@Component
public class AuditKeys {
  /** The name of the current key's file (without {@code .key}). */
  public static final String NAME = "audit-chain";

  private final KeyFiles files;

  /** The key last used to append (checked against the chain head before every use). */
  private volatile Key active;

  /** A key with its id. */
  public record Key(String id, byte[] bytes) {}

  public AuditKeys(KeyFiles files) {
    this.files = files;
  }

  /** The folder of the key files. */
  public Path dir() {
    return files.dir();
  }

  /** The id of a key: the first 16 hex characters of SHA-256("xuanju-audit-key" ‖ key). */
  public static String idOf(byte[] key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update("xuanju-audit-key".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(md.digest(key)).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HMAC-SHA256 of {@code text} (UTF-8) under {@code key}, as 64 hex characters. */
  public static String hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The current key, if its file exists. */
  public Optional<Key> current() {
    Key a = active;
    Optional<byte[]> k = files.find(NAME);
    if (k.isEmpty()) {
      active = null;
      return Optional.empty();
    }
    if (a != null && java.util.Arrays.equals(a.bytes(), k.get())) {
      return Optional.of(a);
    }
    Key fresh = new Key(idOf(k.get()), k.get());
    active = fresh;
    return Optional.of(fresh);
  }

  /**
   * The key with this id (current or retired), for appending or verifying; cached while the current
   * key stays the same so that a ballot save does not read a file.
   */
  public Optional<Key> byId(String id) {
    Key a = active;
    if (a != null && a.id().equals(id)) {
      return Optional.of(a);
    }
    return Optional.ofNullable(all().get(id));
  }

  /** Every key file of the audit chain in the key folder, by id. */
  public Map<String, Key> all() {
    Map<String, Key> out = new LinkedHashMap<>();
    Path dir = files.dir();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String f = p.getFileName().toString();
        if (f.startsWith(NAME) && f.endsWith(".key")) {
          String name = f.substring(0, f.length() - 4);
          try {
            files.find(name).ifPresent(k -> out.putIfAbsent(idOf(k), new Key(idOf(k), k)));
          } catch (IllegalArgumentException | IllegalStateException unreadable) {
            // a file of another name pattern or damaged: not a usable key
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取密钥文件夹 " + dir, e);
    }
    return out;
  }

  /** Creates the current key; fails if a current key file exists (a key is never overwritten). */
  Key createCurrent() {
    if (Files.exists(files.file(NAME))) {
      throw new IllegalStateException("密钥文件 " + files.file(NAME) + " 已存在，不会覆盖");
    }
    byte[] k = files.loadOrCreate(NAME);
    Key key = new Key(idOf(k), k);
    active = key;
    return key;
  }

  /**
   * Renames the current key file to {@code audit-chain-<id>.key} (a retired key, kept for verifying
   * the events signed with it).
   *
   * @return the retired file
   */
  Path retireCurrent() {
    Path f = files.file(NAME);
    byte[] k = files.find(NAME).orElseThrow(() -> new IllegalStateException("没有当前审计链密钥"));
    Path to = files.file(NAME + "-" + idOf(k));
    try {
      if (Files.exists(to)) {
        Files.delete(f); // the same key is already kept under its id
      } else {
        Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法改名密钥文件 " + f, e);
    }
    active = null;
    return to;
  }

  /** The content of a key file as stored (hex), for a backup that includes the keys. */
  public static String fileText(byte[] key) {
    return HexFormat.of().formatHex(key) + "\n";
  }

  /**
   * Puts a key from a backup into the key folder (恢复密钥). An existing file of the same name with the
   * same key is left as it is; one with a different key is never overwritten: the key from the
   * backup is then written as {@code audit-chain-<id>.key} (or, for the current key, the existing
   * current key is retired first), and the returned line says so in Chinese.
   *
   * @param name the file name in the backup without {@code .key}
   * @return a Chinese line describing what was done
   */
  public String install(String name, byte[] key) {
    if (!name.startsWith(NAME)) {
      throw new IllegalArgumentException("不是审计链密钥：" + name);
    }
    String id = idOf(key);
    Optional<byte[]> existing = files.find(name);
    if (existing.isPresent() && java.util.Arrays.equals(existing.get(), key)) {
      return "密钥 " + name + "（编号 " + id + "）与本机已有的相同";
    }
    String note = "";
    if (existing.isPresent() && name.equals(NAME)) {
      Path retired = retireCurrent();
      note = "；本机原有的当前密钥（编号 " + idOf(existing.get()) + "）不同，未覆盖，已改名保存为 " + retired.getFileName();
    } else if (existing.isPresent()) {
      name = NAME + "-" + id;
      note = "；本机已有同名但不同的密钥文件，未覆盖，备份中的密钥另存为 " + name + ".key";
      if (files.find(name).isPresent()) {
        return "密钥（编号 " + id + "）本机已有";
      }
    }
    write(files.file(name), key);
    active = null;
    return "已恢复密钥文件 " + name + ".key（编号 " + id + "）" + note;
  }

  private void write(Path f, byte[] key) {
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.writeString(tmp, fileText(key), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(
            tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's ACL applies
      }
      Files.move(tmp, f);
    } catch (IOException e) {
      throw new UncheckedIOException("无法写入密钥文件 " + f, e);
    }
  }
}
