package xuanju.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.audit.AuditLog;

/**
 * {@code ./xuanju audit-verify} reports an intact chain, and the first broken link after an edit.
 */
class AuditVerifyCommandTest {
  @TempDir Path dataDir;

  @Test
  void verifyCommandFindsTheEditedRow() {
    long edited;
    long count;
    try (var ctx =
        new SpringApplicationBuilder(XuanjuApplication.class)
            .run(
                "--server.port=0",
                "--xuanju.data-dir=" + dataDir,
                "--xuanju.admin.initial-password=Verify123456")) {
      var audit = ctx.getBean(AuditLog.class);
      audit.append("tester", "TEST", "t:1", "一");
      edited = audit.append("tester", "TEST", "t:2", "二").seq();
      audit.append("tester", "TEST", "t:3", "三");
      count = audit.count();
    }
    String[] args = {"audit-verify", "--xuanju.data-dir=" + dataDir};
    assertThat(run(args)).contains("审计链完整：共 " + count + " 条记录").contains("审计链校验码：第" + count + "条 ");

    try (var ctx =
        new SpringApplicationBuilder(XuanjuApplication.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .run("--xuanju.data-dir=" + dataDir, "--xuanju.mode=command")) {
      ctx.getBean(JdbcTemplate.class)
          .update("UPDATE audit_event SET actor = 'someone-else' WHERE seq = ?", edited);
    }
    assertThat(run(args)).contains("审计链断裂：第 " + edited + " 条记录");
  }

  private static String run(String[] args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = XuanjuApplication.auditVerify(args);
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isEqualTo(out.contains("审计链完整") ? 0 : 4);
    return out;
  }
}
