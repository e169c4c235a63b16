package xuanju.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * Backup of the H2 database and restore into a fresh H2 installation: every row equal, the audit
 * chain intact, identities continue; damaged, foreign-version and non-empty-target cases refused.
 */
class BackupRestoreH2Test extends H2AppTest {
  @Autowired BackupService backups;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService organisations;
  @Autowired MockMvc mvc;
  @TempDir Path tmp;

  /** Rows of every kind of column: Chinese text, dates, nulls, a self-referencing organisation. */
  private void seed() {
    long town =
        organisations.create("tester", null, "备份测试镇党委" + System.nanoTime(), "TOWN_COMMITTEE");
    long branch = organisations.create("tester", town, "欧阳村第一党支部（䶮）", "BRANCH");
    jdbc.update(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date, resident_id,"
            + " education, join_date, membership, status, created_at, updated_at) VALUES"
            + " (?, '欧阳䶮', 'FEMALE', '汉族', ?, ?, 'BACHELOR', ?, 'FULL', 'NORMAL', ?, ?)",
        branch,
        Date.valueOf("1980-02-29"),
        String.format("B%017d", System.nanoTime() % 100_000_000_000_000_000L),
        Date.valueOf("2005-07-01"),
        Timestamp.from(Instant.parse("2026-01-02T03:04:05.678Z")),
        Timestamp.from(Instant.parse("2026-01-02T03:04:05.678Z")));
  }

  @Test
  void restoresIntoAFreshH2WithEveryRowAndAnIntactAuditChain() throws Exception {
    seed();
    byte[] zip = BackupTestSupport.backup(backups);
    var source = BackupTestSupport.snapshot(dataSource);
    assertThat(source.get("party_member")).isNotEmpty();
    assertThat(source.get("organisation")).hasSizeGreaterThan(2);
    Path file = BackupTestSupport.write(tmp, "backup.zip", zip);

    try (var target = BackupTestSupport.freshH2(tmp.resolve("target"))) {
      BackupService restore = target.getBean(BackupService.class);
      assertThat(restore.targetEmpty()).isTrue();
      SignIn.as("admin", true, () -> restore.restore(file));
      BackupTestSupport.assertRestored(source, target);

      // identity columns continue after the largest restored id
      long maxOrg =
          source.get("organisation").stream()
              .mapToLong(r -> ((Number) r.get("id")).longValue())
              .max()
              .orElseThrow();
      long next =
          target.getBean(OrganisationService.class).create("tester", null, "恢复后新建", "BRANCH");
      assertThat(next).isGreaterThan(maxOrg);

      // a second restore into the now non-empty installation is refused, and changes nothing
      long events =
          target
              .getBean(JdbcTemplate.class)
              .queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
      assertThat(restore.targetEmpty()).isFalse();
      assertThatThrownBy(() -> SignIn.as("admin", true, () -> restore.restore(file)))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("目标系统不是空的");
      assertThat(
              target
                  .getBean(JdbcTemplate.class)
                  .queryForObject("SELECT COUNT(*) FROM audit_event", Long.class))
          .isEqualTo(events);
    }
  }

  @Test
  void manifestListsEveryTableInForeignKeyOrderWithCountsAndTheAuditHead() throws Exception {
    byte[] zip = BackupTestSupport.backup(backups);
    Manifest m = backups.verify(BackupTestSupport.write(tmp, "b.zip", zip));
    var names = m.tables().stream().map(Manifest.TableEntry::name).toList();
    assertThat(names)
        .doesNotContain("flyway_schema_history")
        .contains("audit_event", "party_member");
    assertThat(names.indexOf("organisation")).isLessThan(names.indexOf("party_member"));
    assertThat(names.indexOf("app_user")).isLessThan(names.indexOf("role_grant"));
    assertThat(m.schemaVersion()).isEqualTo(backups.schemaVersion());
    Long head = jdbc.queryForObject("SELECT last_seq FROM audit_head WHERE id = 1", Long.class);
    assertThat(m.auditLastSeq()).isEqualTo(head);
    for (Manifest.TableEntry t : m.tables()) {
      Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + Schema.quote(t.name()), Long.class);
      assertThat(t.rows()).as(t.name()).isEqualTo(rows);
    }
  }

  @Test
  void aChangedByteInATableIsRefusedByTheManifestCheck() throws Exception {
    byte[] zip = BackupTestSupport.backup(backups);
    byte[] tampered =
        BackupTestSupport.rewrite(
            zip,
            "tables/",
            data -> {
              byte[] copy = data.clone();
              if (copy.length > 10) {
                copy[copy.length / 2] ^= 0x01;
              }
              return copy;
            });
    Path file = BackupTestSupport.write(tmp, "tampered.zip", tampered);
    assertThatThrownBy(() -> backups.verify(file))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("SHA-256 校验值与清单不符");
    assertThatThrownBy(() -> SignIn.as("admin", true, () -> backups.restore(file)))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("已拒绝恢复");
  }

  @Test
  void aChangedByteInTheRawFileIsRefused() throws Exception {
    byte[] zip = BackupTestSupport.backup(backups);
    Path original = BackupTestSupport.write(tmp, "ok.zip", zip);
    // flip one byte in the compressed data of the audit log entry
    int offset;
    try (ZipFile z = new ZipFile(original.toFile())) {
      var e = z.stream().filter(x -> x.getName().contains("audit_event")).findFirst().orElseThrow();
      byte[] name = e.getName().getBytes(StandardCharsets.UTF_8);
      int header = indexOf(zip, name) - 30;
      int extra = (zip[header + 28] & 0xff) | (zip[header + 29] & 0xff) << 8;
      offset = header + 30 + name.length + extra + (int) (e.getCompressedSize() / 2);
    }
    byte[] flipped = zip.clone();
    flipped[offset] ^= 0x10;
    Path file = BackupTestSupport.write(tmp, "flipped.zip", flipped);
    assertThatThrownBy(() -> backups.verify(file)).isInstanceOf(BackupException.class);
  }

  @Test
  void anEditedManifestIsRefused() throws Exception {
    byte[] zip = BackupTestSupport.backup(backups);
    byte[] edited =
        BackupTestSupport.rewrite(
            zip,
            Manifest.ENTRY,
            data ->
                new String(data, StandardCharsets.UTF_8)
                    .replace("\"rows\" : ", "\"rows\" : 1")
                    .getBytes(StandardCharsets.UTF_8));
    Path file = BackupTestSupport.write(tmp, "edited.zip", edited);
    assertThatThrownBy(() -> backups.verify(file))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("manifest.json 的校验值不符");
  }

  @Test
  void aBackupOfAnotherSchemaVersionIsRefused() throws Exception {
    byte[] zip = BackupTestSupport.backup(backups);
    String json = new String(BackupTestSupport.entry(zip, Manifest.ENTRY), StandardCharsets.UTF_8);
    byte[] other =
        json.replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"1\"")
            .getBytes(StandardCharsets.UTF_8);
    byte[] forged = BackupTestSupport.rewrite(zip, Manifest.ENTRY, d -> other);
    String sum = HexFormat.of().formatHex(BackupService.sha256().digest(other)) + "\n";
    forged =
        BackupTestSupport.rewrite(
            forged, Manifest.CHECKSUM_ENTRY, d -> sum.getBytes(StandardCharsets.US_ASCII));
    Path file = BackupTestSupport.write(tmp, "v1.zip", forged);
    assertThat(backups.verify(file).schemaVersion()).isEqualTo("1");
    assertThatThrownBy(() -> SignIn.as("admin", true, () -> backups.restore(file)))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("版本不同");
  }

  @Test
  void aNonEmptyTargetIsRefused() throws Exception {
    Path file = BackupTestSupport.write(tmp, "self.zip", BackupTestSupport.backup(backups));
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
    assertThatThrownBy(() -> SignIn.as("admin", true, () -> backups.restore(file)))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("目标系统不是空的");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class))
        .isEqualTo(before);
  }

  @Test
  void onlyAdministratorsMayBackUpOrRestore() throws Exception {
    assertThatThrownBy(
            () -> SignIn.as("someone", false, () -> backups.backup(new ByteArrayOutputStream())))
        .isInstanceOf(AccessDeniedException.class);
    mvc.perform(get("/admin/backup").with(user("someone").roles("USER")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/backup/download").with(user("someone").roles("USER")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/backup").with(user("admin").roles("ADMIN", "USER")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("数据备份与恢复")));
    byte[] body =
        mvc.perform(get("/admin/backup/download").with(user("admin").roles("ADMIN", "USER")))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/zip"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(backups.verify(BackupTestSupport.write(tmp, "web.zip", body)).tables()).isNotEmpty();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
