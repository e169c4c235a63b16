package xuanju.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.XuanjuApplication;
import xuanju.server.audit.AuditLog;
import xuanju.server.support.SignIn;

/**
 * Shared steps of the backup tests: take a backup, snapshot tables, start an empty installation.
 */
final class BackupTestSupport {
  private BackupTestSupport() {}

  /**
   * A backup with the key files (as {@code ./xuanju backup FILE --with-keys}), so that the restored
   * installation verifies every event with the source's key; a backup without keys is tested in
   * {@code audit.AuditKeyLifecycleTest}.
   */
  static byte[] backup(BackupService backups) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SignIn.as("admin", true, () -> backups.backupAs("admin", out, true));
    return out.toByteArray();
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** Every table's rows in key order, binary values as hex (so that equals compares contents). */
  static Map<String, List<Map<String, Object>>> snapshot(DataSource ds) throws SQLException {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    try (Connection c = ds.getConnection()) {
      for (Schema.Table t : Schema.read(c)) {
        List<Map<String, Object>> rows =
            jdbc.queryForList(
                "SELECT * FROM " + Schema.quote(t.name()) + " ORDER BY " + t.orderBy());
        rows.forEach(
            r -> r.replaceAll((k, v) -> v instanceof byte[] b ? HexFormat.of().formatHex(b) : v));
        out.put(t.name(), rows);
      }
    }
    return out;
  }

  /** A new installation on a fresh H2 file database (first-run administrator only). */
  static ConfigurableApplicationContext freshH2(Path dataDir) {
    return new SpringApplicationBuilder(XuanjuApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--xuanju.data-dir=" + dataDir,
            "--xuanju.admin.initial-password=Restore123456",
            "--xuanju.demo=false",
            "--logging.level.root=WARN");
  }

  /** A new installation on a fresh PostgreSQL database. */
  static ConfigurableApplicationContext freshPostgres(String url, Path dataDir) {
    return new SpringApplicationBuilder(XuanjuApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--xuanju.data-dir=" + dataDir,
            "--xuanju.admin.initial-password=Restore123456",
            "--xuanju.demo=false",
            "--logging.level.root=WARN");
  }

  /**
   * The restored installation equals the source at backup time: every table row for row, except the
   * one {@code BACKUP_RESTORED} event appended to the audit log (and the chain head pointing to it)
   * and the columns a backup leaves out (null); the chain verifies.
   */
  static void assertRestored(
      Map<String, List<Map<String, Object>>> source, ConfigurableApplicationContext target)
      throws SQLException {
    Map<String, List<Map<String, Object>>> restored = snapshot(target.getBean(DataSource.class));
    assertThat(restored.keySet()).containsExactlyElementsOf(source.keySet());
    for (String table : source.keySet()) {
      if (table.equals("audit_event") || table.equals("audit_head")) {
        continue;
      }
      // columns the backup leaves out (BackupService.LEFT_OUT) come back as null
      Set<String> leftOut = BackupService.LEFT_OUT.getOrDefault(table, Set.of());
      List<Map<String, Object>> expected = new ArrayList<>();
      for (Map<String, Object> row : source.get(table)) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        leftOut.forEach(col -> copy.replace(col, null));
        expected.add(copy);
      }
      assertThat(restored.get(table)).as("数据表 %s", table).isEqualTo(expected);
    }
    List<Map<String, Object>> events = restored.get("audit_event");
    assertThat(events.subList(0, events.size() - 1)).isEqualTo(source.get("audit_event"));
    assertThat(events.get(events.size() - 1).get("action")).isEqualTo("BACKUP_RESTORED");
    assertThat(target.getBean(AuditLog.class).firstBrokenLink()).isEmpty();
  }

  /** Rewrites the zip with {@code edit} applied to one entry's bytes (valid zip CRCs). */
  static byte[] rewrite(byte[] zip, String entryPrefix, UnaryOperator<byte[]> edit)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in =
            new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8);
        ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (e.getName().startsWith(entryPrefix)) {
          data = edit.apply(data);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(data);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] entry(byte[] zip, String entryPrefix) throws IOException {
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().startsWith(entryPrefix)) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("no entry " + entryPrefix);
  }
}
