package xuanju.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.EmbeddedPostgresHolder;
import xuanju.server.support.PostgresAppTest;
import xuanju.server.support.SignIn;

/**
 * Backup of a PostgreSQL database and restore into a fresh PostgreSQL database: every row equal,
 * the audit chain intact, the identity sequences continue after the largest restored id.
 */
class BackupRestorePostgresTest extends PostgresAppTest {
  @Autowired BackupService backups;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService organisations;
  @TempDir Path tmp;

  @Test
  void restoresIntoAFreshPostgresWithEveryRowAndAnIntactAuditChain() throws Exception {
    long town = organisations.create("tester", null, "PG备份测试镇党委", "TOWN_COMMITTEE");
    long branch = organisations.create("tester", town, "欧阳村第二党支部（䶮）", "BRANCH");
    jdbc.update(
        "INSERT INTO party_member (organisation_id, name, gender, ethnicity, birth_date, resident_id,"
            + " education, join_date, membership, status, created_at, updated_at) VALUES"
            + " (?, '司马䶮', 'MALE', '回族', ?, ?, 'BACHELOR', ?, 'PROBATIONARY', 'NORMAL', ?, ?)",
        branch,
        Date.valueOf("1990-12-31"),
        String.format("P%017d", System.nanoTime() % 100_000_000_000_000_000L),
        Date.valueOf("2025-07-01"),
        Timestamp.from(Instant.parse("2026-03-04T05:06:07.891Z")),
        Timestamp.from(Instant.parse("2026-03-04T05:06:07.891Z")));
    byte[] zip = BackupTestSupport.backup(backups);
    var source = BackupTestSupport.snapshot(dataSource);
    assertThat(source.get("party_member")).isNotEmpty();
    Path file = BackupTestSupport.write(tmp, "pg-backup.zip", zip);

    try (var target =
        BackupTestSupport.freshPostgres(
            EmbeddedPostgresHolder.newDatabaseUrl(), tmp.resolve("t"))) {
      BackupService restore = target.getBean(BackupService.class);
      SignIn.as("admin", true, () -> restore.restore(file));
      BackupTestSupport.assertRestored(source, target);
      long maxOrg =
          source.get("organisation").stream()
              .mapToLong(r -> ((Number) r.get("id")).longValue())
              .max()
              .orElseThrow();
      long next =
          target.getBean(OrganisationService.class).create("tester", null, "恢复后新建", "BRANCH");
      assertThat(next).isGreaterThan(maxOrg);
    }
  }
}
