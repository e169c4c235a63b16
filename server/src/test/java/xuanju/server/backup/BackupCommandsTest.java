package xuanju.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.XuanjuApplication;
import xuanju.server.organisation.OrganisationService;

/** {@code ./xuanju backup FILE} and {@code ./xuanju restore FILE} with their exit statuses. */
class BackupCommandsTest {
  @TempDir Path tmp;

  @Test
  void backupThenRestoreIntoAnotherDataFolderThenRefuseASecondRestore() {
    Path source = tmp.resolve("source");
    try (var ctx = BackupTestSupport.freshH2(source)) {
      ctx.getBean(OrganisationService.class).create("tester", null, "命令行测试镇党委", "TOWN_COMMITTEE");
    }
    Path file = tmp.resolve("备份.zip");
    Result b = run("backup", file.toString(), "--with-keys", "--xuanju.data-dir=" + source);
    assertThat(b.status).as(b.out).isZero();
    assertThat(b.out).contains("备份完成").contains("张表");
    assertThat(file).exists();
    assertThat(run("backup", file.toString(), "--xuanju.data-dir=" + source).status)
        .as("an existing file is not overwritten")
        .isEqualTo(2);

    Path target = tmp.resolve("target");
    Result r = run("restore", file.toString(), "--xuanju.data-dir=" + target);
    assertThat(r.status).as(r.out).isZero();
    assertThat(r.out).contains("恢复完成").contains("审计链校验通过");

    Result again = run("restore", file.toString(), "--xuanju.data-dir=" + target);
    assertThat(again.status).as(again.out).isEqualTo(3);
    assertThat(again.out).contains("错误：目标系统不是空的");

    try (var ctx = BackupTestSupport.freshH2(target)) {
      assertThat(
              ctx.getBean(JdbcTemplate.class)
                  .queryForObject(
                      "SELECT COUNT(*) FROM organisation WHERE name = '命令行测试镇党委'", Long.class))
          .isEqualTo(1);
    }
  }

  @Test
  void missingOrDamagedFilesGiveStatusTwoAndAChineseLine() throws Exception {
    Result missing = run("restore", tmp.resolve("nope.zip").toString(), "--xuanju.data-dir=" + tmp);
    assertThat(missing.status).isEqualTo(2);
    assertThat(missing.out).contains("错误：找不到备份文件");
    Path junk = Files.writeString(tmp.resolve("junk.zip"), "这不是备份");
    Result damaged = run("restore", junk.toString(), "--xuanju.data-dir=" + tmp.resolve("d"));
    assertThat(damaged.status).isEqualTo(2);
    assertThat(damaged.out).contains("错误：").doesNotContain("Exception");
    assertThat(run("backup").status).isEqualTo(2);
  }

  record Result(int status, String out) {}

  private static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(p);
    System.setErr(p);
    try {
      int status = BackupCommands.run(args, XuanjuApplication.class);
      return new Result(status, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
