package xuanju.server.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's secret keys (本机密钥), kept as files outside the database: by default in the
 * folder {@code keys} under the data folder, or in {@code XUANJU_KEY_DIR} (e.g. on removable
 * media). A backup of the database does not contain them unless asked for. Each key is 256 random
 * bits, written once as hex with owner-only permissions; a key file is never overwritten.
 */
@Component
public class KeyFiles {
  /** Bytes in a key. */
  public static final int KEY_BYTES = 32;

  private final Path dir;
  private final SecureRandom random = new SecureRandom();

  public KeyFiles(@Value("${xuanju.key-dir:${xuanju.data-dir}/keys}") String dir) {
    this.dir = Path.of(dir).toAbsolutePath().normalize();
  }

  /** The folder that holds the key files. */
  public Path dir() {
    return dir;
  }

  /** The file of the key with this name (e.g. {@code audit-chain}). */
  public Path file(String name) {
    if (!name.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("key name: " + name);
    }
    return dir.resolve(name + ".key");
  }

  /** The key with this name, if its file exists. */
  public Optional<byte[]> find(String name) {
    Path f = file(name);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      String hex = Files.readString(f, StandardCharsets.US_ASCII).strip();
      byte[] key = HexFormat.of().parseHex(hex);
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException("密钥文件 " + f + " 已损坏（长度不对）");
      }
      return Optional.of(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("密钥文件 " + f + " 已损坏（不是十六进制）", e);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取密钥文件 " + f, e);
    }
  }

  /** The key with this name; a new random key is created when there is none yet. */
  public synchronized byte[] loadOrCreate(String name) {
    return find(name).orElseGet(() -> create(name));
  }

  private byte[] create(String name) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    Path f = file(name);
    try {
      Files.createDirectories(dir);
      ownerOnly(dir, "rwx------");
      Files.writeString(
          f,
          HexFormat.of().formatHex(key) + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW);
      ownerOnly(f, "rw-------");
      return key;
    } catch (FileAlreadyExistsException raced) {
      return find(name).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("无法创建密钥文件 " + f, e);
    }
  }

  private static void ownerOnly(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's ACL applies
    }
  }
}
