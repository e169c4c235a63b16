package xuanju.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import xuanju.server.audit.AuditKeys;
import xuanju.server.audit.AuditLog;
import xuanju.server.keys.KeyFiles;
import xuanju.server.voting.BallotClientKeys;

/**
 * The key files in a backup (备份中的密钥文件): only with {@code ./xuanju backup FILE --with-keys}. On
 * restore they are put back; a different existing key is never overwritten without saying so, and a
 * restore without the audit key says which events cannot be checked until it is copied back.
 */
@Component
class BackupKeys {
  private final KeyFiles files;
  private final AuditKeys auditKeys;
  private final AuditLog audit;

  BackupKeys(KeyFiles files, AuditKeys auditKeys, AuditLog audit) {
    this.files = files;
    this.auditKeys = auditKeys;
    this.audit = audit;
  }

  /**
   * Every key file of the key folder, by name (without {@code .key}), as stored, except the key of
   * the ballots' client ids ({@link BallotClientKeys}): the backup leaves those ids out, so that
   * key protects nothing in it and stays on the machine.
   */
  Map<String, byte[]> files() {
    Map<String, byte[]> out = new TreeMap<>();
    Path dir = files.dir();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String f = p.getFileName().toString();
        String name = f.endsWith(".key") ? f.substring(0, f.length() - 4) : "";
        if (name.matches("[a-z0-9-]{1,40}") && !name.equals(BallotClientKeys.KEY_NAME)) {
          out.put(name, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取密钥文件夹 " + dir, e);
    }
    return out;
  }

  /** Puts one key file of a backup back; returns what was done, in Chinese. */
  String install(String name, byte[] stored) {
    byte[] key;
    try {
      key = HexFormat.of().parseHex(new String(stored, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new BackupException("备份中的密钥文件 " + name + ".key 已损坏（不是十六进制）");
    }
    if (key.length != KeyFiles.KEY_BYTES) {
      throw new BackupException("备份中的密钥文件 " + name + ".key 已损坏（长度不对）");
    }
    if (name.startsWith(AuditKeys.NAME)) {
      return auditKeys.install(name, key);
    }
    var existing = files.find(name);
    if (existing.isPresent()) {
      return Arrays.equals(existing.get(), key)
          ? "密钥 " + name + " 与本机已有的相同"
          : "本机已有不同的密钥文件 " + name + ".key，未覆盖，备份中的该密钥未恢复（如需使用，请人工替换）";
    }
    Path f = files.file(name);
    try {
      Files.createDirectories(f.getParent());
      Files.write(f, stored);
      try {
        Files.setPosixFilePermissions(
            f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's ACL applies
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法写入密钥文件 " + f, e);
    }
    return "已恢复密钥文件 " + name + ".key";
  }

  /**
   * After the rows are loaded: makes sure the chain can go on (审计链密钥衔接). If the restored chain's
   * key is at hand, nothing to do; if the backup held no keyed event, the key is introduced; if its
   * key is missing (a backup without keys), a new key (or this installation's unused one) is
   * adopted by an {@code AUDIT_KEY_REPLACED} event, and the events that cannot be checked are
   * named.
   */
  List<String> adoptChainKey(String actor) {
    List<String> notes = new ArrayList<>();
    AuditLog.Head head = audit.head();
    if (head.keyId() == null) {
      AuditLog.Head h = audit.replaceLostKey(actor, true, "从备份恢复");
      notes.add("恢复的审计链未使用密钥，已启用审计链密钥（编号 " + h.keyId() + "）");
      return notes;
    }
    if (auditKeys.byId(head.keyId()).isPresent()) {
      audit.verifyRows().missingKeys().forEach(m -> notes.add(missing(m)));
      return notes;
    }
    var before = audit.verifyRows();
    before.missingKeys().forEach(m -> notes.add(missing(m)));
    AuditLog.Head h = audit.replaceLostKey(actor, true, "恢复的备份不含审计链密钥");
    notes.add("此后的记录使用本机的审计链密钥（编号 " + h.keyId() + "）");
    return notes;
  }

  private String missing(xuanju.server.audit.ChainVerifier.Missing m) {
    return "备份中没有审计链密钥（编号 "
        + m.keyId()
        + "）：恢复的第"
        + m.from()
        + "至第"
        + m.to()
        + "条中用它签名的"
        + m.count()
        + "条记录暂时无法校验。请把原系统密钥文件夹中以 audit-chain 开头的密钥文件复制到 "
        + files.dir()
        + "，再运行 ./xuanju audit-verify";
  }
}
