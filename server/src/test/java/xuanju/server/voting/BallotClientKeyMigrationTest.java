package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import xuanju.server.keys.KeyFiles;
import xuanju.server.support.EmbeddedPostgresHolder;

/**
 * Schema version 10 on a database that already holds ballots with plain client ids (as before the
 * change), on H2 and on PostgreSQL: the ids of finished entries are dropped, those of open entries
 * are replaced by their keyed hash, the column accepts NULL (several per entry), and the id as sent
 * is gone from the table.
 */
class BallotClientKeyMigrationTest {
  @TempDir Path tmp;

  @Test
  void upgradesPlainClientIdsOnH2() throws Exception {
    upgrade(
        new DriverManagerDataSource(
            "jdbc:h2:mem:v10-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "xuanju",
            ""));
  }

  @Test
  void upgradesPlainClientIdsOnPostgres() throws Exception {
    upgrade(new DriverManagerDataSource(EmbeddedPostgresHolder.newDatabaseUrl(), "postgres", ""));
  }

  private void upgrade(DriverManagerDataSource ds) throws Exception {
    // the schema as it was before version 10
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target("8")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO organisation (name, kind, created_at) VALUES ('升级测试支部', 'BRANCH', ?)", now);
    long org = jdbc.queryForObject("SELECT MAX(id) FROM organisation", Long.class);
    jdbc.update(
        "INSERT INTO election (organisation_id, title, kind, profile_id, has_committee, seats,"
            + " election_day, status, created_by, created_at, updated_at) VALUES"
            + " (?, '升级测试', 'PARTY_BRANCH', 'PARTY_GRASSROOTS', TRUE, 3, DATE '2026-12-20',"
            + " 'VOTING', 't', ?, ?)",
        org,
        now,
        now);
    long election = jdbc.queryForObject("SELECT MAX(id) FROM election", Long.class);
    jdbc.update(
        "INSERT INTO voting_station (election_id, name, created_at) VALUES (?, '会场', ?)",
        election,
        now);
    long station = jdbc.queryForObject("SELECT MAX(id) FROM voting_station", Long.class);
    jdbc.update(
        "INSERT INTO voting_box (election_id, station_id, name) VALUES (?, ?, '票箱')",
        election,
        station);
    long box = jdbc.queryForObject("SELECT MAX(id) FROM voting_box", Long.class);
    jdbc.update(
        "INSERT INTO voting_round (election_id, number, stage, post, kind, seats, candidates_json,"
            + " definition_hash, status, created_by, created_at) VALUES"
            + " (?, 1, 1, 'MEMBERS', 'FIRST', 3, '[]', 'h', 'OPEN', 't', ?)",
        election,
        now);
    long round = jdbc.queryForObject("SELECT MAX(id) FROM voting_round", Long.class);
    jdbc.update(
        "INSERT INTO ballot_stack (round_id, box_id, label, status, created_at)"
            + " VALUES (?, ?, '1', 'OPEN', ?)",
        round,
        box,
        now);
    long stack = jdbc.queryForObject("SELECT MAX(id) FROM ballot_stack", Long.class);
    jdbc.update(
        "INSERT INTO ballot_entry (stack_id, side, clerk, ballots, started_at, finished_at)"
            + " VALUES (?, 'A', 'a', 2, ?, ?)",
        stack,
        now,
        now);
    jdbc.update(
        "INSERT INTO ballot_entry (stack_id, side, clerk, ballots, started_at)"
            + " VALUES (?, 'B', 'b', 2, ?)",
        stack,
        now);
    long finished =
        jdbc.queryForObject(
            "SELECT id FROM ballot_entry WHERE stack_id = ? AND side = 'A'", Long.class, stack);
    long open =
        jdbc.queryForObject(
            "SELECT id FROM ballot_entry WHERE stack_id = ? AND side = 'B'", Long.class, stack);
    String rid = "320102196712310024";
    String uuid = UUID.randomUUID().toString();
    String insert =
        "INSERT INTO ballot_record (entry_id, position, client_id, marks) VALUES (?, ?, ?, '110')";
    jdbc.update(insert, finished, 1, rid);
    jdbc.update(insert, finished, 2, uuid);
    jdbc.update(insert, open, 1, rid);
    jdbc.update(insert, open, 2, uuid);

    // version 10 with the installation's key
    KeyFiles keyFiles = new KeyFiles(tmp.resolve("keys").toString());
    BallotClientKeyMigration v10 = new BallotClientKeyMigration(new BallotClientKeys(keyFiles));
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        // the application's other Java migrations too (later SQL migrations build on V24)
        .javaMigrations(
            v10,
            new xuanju.server.card.VoterLookupIndexMigration(),
            new xuanju.server.register.RegisterWriteCostMigration())
        .load()
        .migrate();

    assertThat(
            jdbc.queryForObject(
                "SELECT success FROM flyway_schema_history WHERE version = '10'", Boolean.class))
        .isTrue();
    byte[] key = keyFiles.find(BallotClientKeys.KEY_NAME).orElseThrow();
    assertThat(Files.exists(keyFiles.file(BallotClientKeys.KEY_NAME))).isTrue();
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT entry_id, position, client_id FROM ballot_record ORDER BY entry_id, position");
    assertThat(rows).hasSize(4);
    for (Map<String, Object> r : rows) {
      long entry = ((Number) r.get("entry_id")).longValue();
      int pos = ((Number) r.get("position")).intValue();
      Object stored = r.get("client_id");
      if (entry == finished) {
        assertThat(stored).as("录入已完毕的提交编号删除").isNull();
      } else {
        assertThat(stored)
            .as("录入中的提交编号改存摘要")
            .isEqualTo(BallotClientKeys.hash(key, pos == 1 ? rid : uuid));
      }
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record WHERE client_id IN (?, ?)",
                Long.class,
                rid,
                uuid))
        .isZero();
    // several ballots of one entry without a client id (after 录入完毕) satisfy the unique key
    jdbc.update(
        "INSERT INTO ballot_record (entry_id, position, client_id, marks) VALUES (?, 3, NULL, '011')",
        finished);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_record WHERE entry_id = ? AND client_id IS NULL",
                Long.class,
                finished))
        .isEqualTo(3);
  }
}
