package xuanju.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.XuanjuApplication;
import xuanju.server.backup.BackupCommands;
import xuanju.server.documents.AuditStamp;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.documents.XlsxTable;
import xuanju.server.system.StartupCheck;
import xuanju.server.voting.SettledStackFixture;

/**
 * The audit key's life (审计链密钥): backups with and without the key, a lost key (reported, never
 * silently replaced), an explicit replacement and a rotation; the check code on documents and from
 * {@code audit-verify}; the periodic check. On the embedded H2 file database.
 */
class AuditKeyLifecycleTest {
  @TempDir Path tmp;

  static ConfigurableApplicationContext serve(Path dir, String... extra) {
    List<String> a = new ArrayList<>();
    a.add("--xuanju.data-dir=" + dir);
    a.add("--xuanju.admin.initial-password=Lifecycle123456");
    a.add("--xuanju.demo=false");
    a.add("--logging.level.root=WARN");
    a.add(extra.length > 0 ? extra[0] : "--xuanju.integrity.check-interval=0");
    return new SpringApplicationBuilder(XuanjuApplication.class)
        .web(WebApplicationType.NONE)
        .run(a.toArray(String[]::new));
  }

  record Out(int status, String text) {}

  static Out capture(IntSupplier command) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(p);
    System.setErr(p);
    try {
      int status = command.getAsInt();
      return new Out(status, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static Out verify(Path dir) {
    return capture(
        () ->
            XuanjuApplication.auditVerify(
                new String[] {"audit-verify", "--xuanju.data-dir=" + dir}));
  }

  static Out backup(Path dir, Path file, String... extra) {
    List<String> a = new ArrayList<>(List.of("backup", file.toString()));
    a.addAll(Arrays.asList(extra));
    a.add("--xuanju.data-dir=" + dir);
    return capture(() -> BackupCommands.run(a.toArray(String[]::new), XuanjuApplication.class));
  }

  static Out restore(Path dir, Path file) {
    return capture(
        () ->
            BackupCommands.run(
                new String[] {"restore", file.toString(), "--xuanju.data-dir=" + dir},
                XuanjuApplication.class));
  }

  static Out auditKey(Path dir, String what) {
    return capture(
        () ->
            XuanjuApplication.auditKey(
                new String[] {"audit-key", what, "--xuanju.data-dir=" + dir}));
  }

  static Path key(Path dir) {
    return dir.resolve("keys").resolve("audit-chain.key");
  }

  static String keyId(Path dir) throws Exception {
    return AuditKeys.idOf(java.util.HexFormat.of().parseHex(Files.readString(key(dir)).strip()));
  }

  @Test
  void aBackupWithoutKeysRestoresWithAClearReportAndWithKeysRoundTrips() throws Exception {
    Path source = tmp.resolve("source");
    try (var ctx = serve(source)) {
      SettledStackFixture.make(ctx, List.of("120", "012", "111"));
    }
    String sourceKey = keyId(source);
    Path plain = tmp.resolve("plain.zip");
    Out b1 = backup(source, plain);
    assertThat(b1.status()).as(b1.text()).isZero();
    assertThat(b1.text()).contains("不含密钥文件");
    Path withKeys = tmp.resolve("with-keys.zip");
    Out b2 = backup(source, withKeys, "--with-keys");
    assertThat(b2.status()).as(b2.text()).isZero();
    // the audit key only: the key of the ballots' client ids stays on the machine (issue 13 §3)
    assertThat(Files.exists(source.resolve("keys/ballot-id.key"))).isTrue();
    assertThat(b2.text()).contains("含密钥文件 1 个");
    try (var zip = new java.util.zip.ZipFile(withKeys.toFile())) {
      assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
          .anyMatch(n -> n.startsWith("keys/audit-chain"))
          .noneMatch(n -> n.contains("ballot-id"));
    }

    // key-less restore into an installation that already made its own key
    Path t1 = tmp.resolve("t1");
    serve(t1).close();
    String ownKey = keyId(t1);
    Out r1 = restore(t1, plain);
    assertThat(r1.status()).as(r1.text()).isZero();
    assertThat(r1.text())
        .contains("部分记录因缺少密钥无法校验")
        .contains("注意：备份中没有审计链密钥（编号 " + sourceKey + "）")
        .contains("暂时无法校验")
        .contains("此后的记录使用本机的审计链密钥（编号 " + ownKey + "）");
    Out v1 = verify(t1);
    assertThat(v1.status()).as(v1.text()).isEqualTo(4);
    assertThat(v1.text()).contains("密钥（编号 " + sourceKey + "）缺失").doesNotContain("审计链断裂");
    try (var ctx = serve(t1)) {
      var r = ctx.getBean(StartupCheck.class).latest().orElseThrow();
      assertThat(r.summaryZh()).contains("审计链密钥（编号 " + sourceKey + "）缺失");
    }
    // the old key found and copied back under any audit-chain* name: everything verifies
    Files.copy(key(source), t1.resolve("keys").resolve("audit-chain-found.key"));
    Out v1b = verify(t1);
    assertThat(v1b.status()).as(v1b.text()).isZero();

    // --with-keys into a folder never started: the key comes back, everything verifies
    Path t2 = tmp.resolve("t2");
    Out r2 = restore(t2, withKeys);
    assertThat(r2.status()).as(r2.text()).isZero();
    assertThat(r2.text()).contains("审计链校验通过").contains("已恢复密钥文件 audit-chain.key");
    assertThat(Files.readString(key(t2))).isEqualTo(Files.readString(key(source)));
    assertThat(verify(t2).status()).isZero();

    // --with-keys into an installation with its own key: not overwritten without saying so
    Path t3 = tmp.resolve("t3");
    serve(t3).close();
    String t3Key = keyId(t3);
    Out r3 = restore(t3, withKeys);
    assertThat(r3.status()).as(r3.text()).isZero();
    assertThat(r3.text())
        .contains("本机原有的当前密钥（编号 " + t3Key + "）不同，未覆盖，已改名保存为 audit-chain-" + t3Key + ".key");
    assertThat(t3.resolve("keys").resolve("audit-chain-" + t3Key + ".key")).exists();
    Out v3 = verify(t3);
    assertThat(v3.status()).as(v3.text()).isZero();
    try (var ctx = serve(t3)) {
      assertThat(ctx.getBean(StartupCheck.class).latest()).isEmpty();
    }
  }

  @Test
  void aLostKeyIsReportedNeverSilentlyReplacedAndCanBeReplacedOrFound() throws Exception {
    Path dir = tmp.resolve("d");
    try (var ctx = serve(dir)) {
      ctx.getBean(AuditLog.class).append("tester", "TEST", "t:1", "密钥丢失前的记录");
    }
    String lost = keyId(dir);
    Path kept = tmp.resolve("kept.key");
    Files.move(key(dir), kept);

    Out v = verify(dir);
    assertThat(v.status()).isEqualTo(4);
    assertThat(v.text()).contains("审计链无法完整校验：密钥（编号 " + lost + "）缺失");
    try (var ctx = serve(dir)) {
      var r = ctx.getBean(StartupCheck.class).latest().orElseThrow();
      assertThat(r.ok()).isFalse();
      assertThat(r.summaryZh()).contains("审计链密钥（编号 " + lost + "）缺失");
      assertThatThrownBy(() -> ctx.getBean(AuditLog.class).append("tester", "TEST", "t:2", "不应记录"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("审计链密钥（编号 " + lost + "）缺失")
          .hasMessageContaining("audit-key replace");
    }
    assertThat(key(dir)).as("no key created silently").doesNotExist();

    Out replaced = auditKey(dir, "replace");
    assertThat(replaced.status()).as(replaced.text()).isZero();
    assertThat(replaced.text()).contains("已启用新的审计链密钥");
    Out after = verify(dir);
    assertThat(after.status()).isEqualTo(4);
    assertThat(after.text()).contains("密钥（编号 " + lost + "）缺失").doesNotContain("审计链断裂");
    Out again = auditKey(dir, "replace");
    assertThat(again.status()).isEqualTo(3);
    assertThat(again.text()).contains("错误：");

    Files.copy(kept, dir.resolve("keys").resolve("audit-chain-found.key"));
    Out found = verify(dir);
    assertThat(found.status()).as(found.text()).isZero();
  }

  @Test
  void aRotationKeepsTheOldKeyAsARetiredFileAndEverythingVerifies() throws Exception {
    Path dir = tmp.resolve("r");
    try (var ctx = serve(dir)) {
      SettledStackFixture.make(ctx, List.of("120", "012"));
    }
    String old = keyId(dir);
    Out rotated = auditKey(dir, "rotate");
    assertThat(rotated.status()).as(rotated.text()).isZero();
    assertThat(rotated.text()).contains("审计链密钥已轮换").contains("audit-chain-" + old + ".key");
    assertThat(dir.resolve("keys").resolve("audit-chain-" + old + ".key")).exists();
    assertThat(keyId(dir)).isNotEqualTo(old);
    assertThat(verify(dir).status()).isZero();
    try (var ctx = serve(dir)) {
      assertThat(ctx.getBean(StartupCheck.class).latest()).isEmpty();
      var e = ctx.getBean(AuditLog.class).append("tester", "TEST", "t:1", "轮换后的记录");
      assertThat(e.keyId()).isEqualTo(keyId(dir));
    }
    assertThat(verify(dir).status()).isZero();
    Files.delete(dir.resolve("keys").resolve("audit-chain-" + old + ".key"));
    Out v = verify(dir);
    assertThat(v.status()).isEqualTo(4);
    assertThat(v.text()).contains("密钥（编号 " + old + "）缺失");
  }

  @Test
  void theCheckCodeIsOnDocumentsAndFromAuditVerify() throws Exception {
    Path dir = tmp.resolve("doc");
    String code;
    byte[] pdf;
    byte[] docx;
    byte[] xlsx;
    try (var ctx = serve(dir)) {
      AuditLog audit = ctx.getBean(AuditLog.class);
      audit.append("tester", "TEST", "t:1", "打印文件之前的记录");
      code = AuditStamp.LABEL + audit.head().code();
      DocumentContent c =
          DocumentContent.builder("测试公示")
              .paragraph("正文。")
              .signature("中共测试支部委员会", "2026年1月1日")
              .build();
      pdf = PdfDocument.render(c).pdf();
      docx = DocxDocument.render(c);
      xlsx = new XlsxTable("表", List.of("姓名"), List.of(List.of("张三"))).toBytes();
    }
    assertThat(code).matches("审计链校验码：第\\d+条 [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}");
    try (var doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc)).contains(code);
    }
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getFooterList().stream().map(XWPFFooter::getText).toList())
          .anyMatch(t -> t.contains(code));
    }
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheetAt(0).getFooter().getCenter()).isEqualTo(code);
    }
    Out v = verify(dir);
    assertThat(v.status()).isZero();
    assertThat(v.text()).contains(code + "（");
  }

  @Test
  void thePeriodicCheckFindsAnEditWhileRunningAndItsNoticeStaysUntilDismissed() throws Exception {
    Path dir = tmp.resolve("p");
    try (var ctx = serve(dir, "--xuanju.integrity.check-interval=1s")) {
      AuditLog audit = ctx.getBean(AuditLog.class);
      StartupCheck check = ctx.getBean(StartupCheck.class);
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      long seq = audit.append("tester", "TEST", "t:1", "运行中被改的记录").seq();
      assertThat(check.latest()).isEmpty();
      jdbc.update("UPDATE audit_event SET summary = '篡改' WHERE seq = ?", seq);
      long until = System.currentTimeMillis() + 20_000;
      while (check.latest().isEmpty() && System.currentTimeMillis() < until) {
        Thread.sleep(200);
      }
      var r = check.latest().orElseThrow(() -> new AssertionError("定时自检未发现"));
      assertThat(r.trigger()).isEqualTo(StartupCheck.Trigger.PERIODIC);
      assertThat(r.summaryZh()).startsWith("定时数据自检：").contains("审计链自第" + seq + "条起校验不通过");
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'INTEGRITY_CHECK'", Long.class))
          .as("recorded once, not every second")
          .isEqualTo(1);
      jdbc.update("UPDATE audit_event SET summary = '运行中被改的记录' WHERE seq = ?", seq);
      assertThat(check.check(StartupCheck.Trigger.PERIODIC).ok()).isTrue();
      assertThat(check.latest()).as("the failure stays until dismissed").contains(r);
      check.dismiss();
      assertThat(check.latest()).isEmpty();
    }
  }

  /**
   * An installation from before the key (simulated: plain SHA-256 events without key ids, no
   * running MACs, no key file) starts: its old events verify as before, the key is introduced by an
   * event, the stack settled before gets a baseline event, and everything after needs the key.
   */
  @Test
  void anUpgradedInstallationKeepsItsPlainEventsAndKeysEverythingAfter() throws Exception {
    Path dir = tmp.resolve("u");
    try (var ctx = serve(dir)) {
      SettledStackFixture.make(ctx, List.of("120", "012"));
    }
    long legacy;
    try (var ctx =
        new SpringApplicationBuilder(XuanjuApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--xuanju.data-dir=" + dir, "--xuanju.mode=command", "--logging.level.root=WARN")) {
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      String prev = AuditLog.GENESIS;
      for (var e : jdbc.queryForList("SELECT * FROM audit_event ORDER BY seq")) {
        long seq = ((Number) e.get("seq")).longValue();
        // as written before the key: no digest words in the settle and finish events
        String summary =
            ((String) e.get("summary")).replaceAll("；选票叠编号 .*$", "").replaceAll("（录入编号 \\d+）", "");
        String hash =
            AuditLog.plainHash(
                prev,
                seq,
                TamperDetectionContract.instant(e.get("occurred_at")),
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
      jdbc.update("UPDATE ballot_entry SET records_mac = NULL");
      legacy = jdbc.queryForObject("SELECT MAX(seq) FROM audit_event", Long.class);
    }
    Files.delete(key(dir));
    Files.delete(dir.resolve("keys").resolve(AuditWitness.FILE));

    try (var ctx = serve(dir)) {
      assertThat(ctx.getBean(StartupCheck.class).latest()).isEmpty();
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      var intro =
          jdbc.queryForMap(
              "SELECT seq, key_id, summary FROM audit_event WHERE action = 'AUDIT_KEY_INTRODUCED'"
                  + " AND key_id IS NOT NULL");
      assertThat(((Number) intro.get("seq")).longValue()).isEqualTo(legacy + 1);
      assertThat((String) intro.get("summary"))
          .contains("此前的" + legacy + "条记录为不带密钥的 SHA-256")
          .doesNotContain(AuditLog.PREEXISTING);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'BALLOT_STACK_BASELINE'",
                  Long.class))
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM ballot_entry WHERE records_mac IS NULL", Long.class))
          .isZero();
    }
    Out v = verify(dir);
    assertThat(v.status()).as(v.text()).isZero();
  }
}
