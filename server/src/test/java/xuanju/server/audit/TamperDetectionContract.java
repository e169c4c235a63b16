package xuanju.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.XuanjuApplication;
import xuanju.server.system.StartupCheck;
import xuanju.server.voting.SettledStackFixture;

/**
 * Tampering with the database while the application is stopped (docs/security.md §4): each test
 * edits the tables with raw SQL, bypassing every service, then checks that BOTH {@code ./xuanju
 * audit-verify} (exit status 4 and a Chinese line naming what is wrong) AND the check of a clean
 * restart (shown on the administrators' dashboard) detect it. Run on H2 and on PostgreSQL.
 */
abstract class TamperDetectionContract {
  @TempDir Path dataDir;

  /** Extra arguments that choose the database (none for the embedded H2). */
  abstract List<String> database();

  String[] args(String... extra) {
    List<String> a = new ArrayList<>();
    a.add("--xuanju.data-dir=" + dataDir);
    a.addAll(database());
    a.addAll(Arrays.asList(extra));
    return a.toArray(String[]::new);
  }

  /** The server (web off), started cleanly. */
  ConfigurableApplicationContext serve() {
    return new SpringApplicationBuilder(XuanjuApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            args(
                "--xuanju.admin.initial-password=Tamper123456",
                "--xuanju.demo=false",
                "--xuanju.integrity.check-interval=0",
                "--logging.level.root=WARN"));
  }

  /** Raw SQL on the database while the server is stopped. */
  void offline(Consumer<JdbcTemplate> edit) {
    try (var ctx =
        new SpringApplicationBuilder(XuanjuApplication.class)
            .web(WebApplicationType.NONE)
            .run(args("--xuanju.mode=command", "--logging.level.root=WARN"))) {
      edit.accept(ctx.getBean(JdbcTemplate.class));
    }
  }

  record Out(int status, String text) {}

  static java.time.Instant instant(Object v) {
    return v instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) v).toInstant();
  }

  Out verify() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int status =
          XuanjuApplication.auditVerify(
              Stream.concat(Stream.of("audit-verify"), Arrays.stream(args()))
                  .toArray(String[]::new));
      return new Out(status, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  /** audit-verify and a clean restart's check both report {@code fragments}. */
  void bothDetect(String... fragments) {
    Out v = verify();
    assertThat(v.status()).as(v.text()).isEqualTo(4);
    assertThat(v.text()).contains(fragments).contains("审计链校验码：第");
    try (var ctx = serve()) {
      StartupCheck check = ctx.getBean(StartupCheck.class);
      assertThat(check.uncleanShutdown()).isFalse();
      StartupCheck.Report r = check.latest().orElseThrow(() -> new AssertionError("无看板提示"));
      assertThat(r.trigger()).isEqualTo(StartupCheck.Trigger.CLEAN_START);
      assertThat(r.ok()).isFalse();
      assertThat(r.summaryZh()).startsWith("启动自检：").contains(fragments);
    }
  }

  void bothPass() {
    Out v = verify();
    assertThat(v.status()).as(v.text()).isZero();
    try (var ctx = serve()) {
      assertThat(ctx.getBean(StartupCheck.class).latest()).as("看板上无提示").isEmpty();
    }
  }

  @Test
  void aRewoundChainIsDetected() {
    try (var ctx = serve()) {
      AuditLog audit = ctx.getBean(AuditLog.class);
      for (int i = 1; i <= 5; i++) {
        audit.append("tester", "TEST", "t:" + i, "第" + i + "条测试记录");
      }
    }
    bothPass();
    offline(
        jdbc -> {
          long last = jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class);
          Map<String, Object> keep =
              jdbc.queryForMap("SELECT hash, key_id FROM audit_event WHERE seq = ?", last - 3);
          jdbc.update("DELETE FROM audit_event WHERE seq > ?", last - 3);
          jdbc.update(
              "UPDATE audit_head SET last_seq = ?, last_hash = ?, last_key_id = ?",
              last - 3,
              keep.get("hash"),
              keep.get("key_id"));
        });
    bothDetect("末尾的记录被删除");
  }

  /** The whole chain recomputed with plain SHA-256 (as before the key), key ids removed. */
  @Test
  void aChainRecomputedWithoutTheKeyIsDetected() {
    try (var ctx = serve()) {
      ctx.getBean(AuditLog.class).append("tester", "TEST", "t:1", "将被篡改的记录");
    }
    offline(
        jdbc -> {
          String prev = AuditLog.GENESIS;
          for (Map<String, Object> e :
              jdbc.queryForList("SELECT * FROM audit_event ORDER BY seq")) {
            long seq = ((Number) e.get("seq")).longValue();
            String summary = e.get("action").equals("TEST") ? "篡改后的记录" : (String) e.get("summary");
            String hash =
                AuditLog.plainHash(
                    prev,
                    seq,
                    instant(e.get("occurred_at")),
                    (String) e.get("actor"),
                    (String) e.get("action"),
                    (String) e.get("subject"),
                    summary);
            jdbc.update(
                "UPDATE audit_event SET summary = ?, prev_hash = ?, hash = ?, key_id = NULL"
                    + " WHERE seq = ?",
                summary,
                prev,
                hash,
                seq);
            prev = hash;
          }
          jdbc.update("UPDATE audit_head SET last_hash = ?, last_key_id = NULL", prev);
        });
    // audit-verify: a key file but no keyed event; the restart introduces the key again first and
    // reports that it found the key file already there: both say the chain lost its key ids
    bothDetect("不带密钥的形式");
  }

  /** The same, keeping the key ids: the hashes are then not the keyed ones. */
  @Test
  void aChainRecomputedWithPlainHashesUnderItsKeyIdsIsDetected() {
    try (var ctx = serve()) {
      ctx.getBean(AuditLog.class).append("tester", "TEST", "t:1", "将被篡改的记录");
    }
    long[] first = {0};
    offline(
        jdbc -> {
          String prev = AuditLog.GENESIS;
          for (Map<String, Object> e :
              jdbc.queryForList("SELECT * FROM audit_event ORDER BY seq")) {
            long seq = ((Number) e.get("seq")).longValue();
            if (e.get("key_id") != null && first[0] == 0) {
              first[0] = seq;
            }
            String hash =
                AuditLog.plainHash(
                    prev,
                    seq,
                    instant(e.get("occurred_at")),
                    (String) e.get("actor"),
                    (String) e.get("action"),
                    (String) e.get("subject"),
                    (String) e.get("summary"));
            jdbc.update(
                "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, seq);
            prev = hash;
          }
          jdbc.update("UPDATE audit_head SET last_hash = ?", prev);
        });
    assertThat(verify().text()).contains("审计链断裂：第 " + first[0] + " 条记录");
    bothDetect("密钥校验值不符");
  }

  @Test
  void settledAndOpenBallotsEditedDeletedOrInsertedAreDetected() {
    SettledStackFixture.Made m;
    try (var ctx = serve()) {
      m = SettledStackFixture.make(ctx, List.of("120", "012", "111", "200"));
    }
    bothPass();
    int n = m.ballots();
    String where = "第1轮票箱";

    // 1. the marks of a settled ballot changed in both entries (the two entries still agree)
    String[] marks = new String[1];
    offline(
        jdbc -> {
          marks[0] =
              jdbc.queryForObject(
                  "SELECT marks FROM ballot_record WHERE entry_id = ? AND position = 1",
                  String.class,
                  m.entryA());
          jdbc.update(
              "UPDATE ballot_record SET marks = ? WHERE entry_id IN (?, ?) AND position = 1",
              marks[0].equals("AAA") ? "BBB" : "AAA",
              m.entryA(),
              m.entryB());
        });
    bothDetect(where, "摘要不符", "选票记录与其校验值不符");
    offline(
        jdbc ->
            jdbc.update(
                "UPDATE ballot_record SET marks = ? WHERE entry_id IN (?, ?) AND position = 1",
                marks[0],
                m.entryA(),
                m.entryB()));
    bothPass();

    // 2. the last ballot of the settled stack deleted, the counters lowered
    List<Map<String, Object>> last = new ArrayList<>();
    offline(
        jdbc -> {
          last.addAll(
              jdbc.queryForList(
                  "SELECT * FROM ballot_record WHERE entry_id IN (?, ?) AND position = ?",
                  m.entryA(),
                  m.entryB(),
                  n));
          jdbc.update(
              "DELETE FROM ballot_record WHERE entry_id IN (?, ?) AND position = ?",
              m.entryA(),
              m.entryB(),
              n);
          jdbc.update(
              "UPDATE ballot_entry SET ballots = ? WHERE id IN (?, ?)",
              n - 1,
              m.entryA(),
              m.entryB());
        });
    bothDetect(where, "摘要不符", "选票记录与其校验值不符");
    offline(
        jdbc -> {
          for (var r : last) {
            jdbc.update(
                "INSERT INTO ballot_record (entry_id, position, client_id, marks, write_ins,"
                    + " identifying) VALUES (?, ?, ?, ?, ?, ?)",
                r.get("entry_id"),
                r.get("position"),
                r.get("client_id"),
                r.get("marks"),
                r.get("write_ins"),
                r.get("identifying"));
          }
          jdbc.update(
              "UPDATE ballot_entry SET ballots = ? WHERE id IN (?, ?)", n, m.entryA(), m.entryB());
        });
    bothPass();

    // 3. a ballot inserted at the end of the settled stack, the counters raised
    offline(
        jdbc -> {
          for (long entry : new long[] {m.entryA(), m.entryB()}) {
            jdbc.update(
                "INSERT INTO ballot_record (entry_id, position, client_id, marks) VALUES (?, ?, ?,"
                    + " '100')",
                entry,
                n + 1,
                UUID.randomUUID().toString());
          }
          jdbc.update(
              "UPDATE ballot_entry SET ballots = ? WHERE id IN (?, ?)",
              n + 1,
              m.entryA(),
              m.entryB());
        });
    bothDetect(where, "摘要不符", "选票记录与其校验值不符");
    offline(
        jdbc -> {
          jdbc.update(
              "DELETE FROM ballot_record WHERE entry_id IN (?, ?) AND position = ?",
              m.entryA(),
              m.entryB(),
              n + 1);
          jdbc.update(
              "UPDATE ballot_entry SET ballots = ? WHERE id IN (?, ?)", n, m.entryA(), m.entryB());
        });
    bothPass();

    // 4. the last ballot of an entry still open deleted, its counter lowered
    offline(
        jdbc -> {
          jdbc.update(
              "DELETE FROM ballot_record WHERE entry_id = ? AND position = ?", m.openEntry(), n);
          jdbc.update("UPDATE ballot_entry SET ballots = ? WHERE id = ?", n - 1, m.openEntry());
        });
    bothDetect("第2叠录入A（录入编号" + m.openEntry() + "）：选票记录与其校验值不符");
  }
}
