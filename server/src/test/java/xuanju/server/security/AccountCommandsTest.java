package xuanju.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.XuanjuApplication;

/**
 * {@code ./xuanju unlock USER} (解除登录限制): the operator's way in for a user (the administrator) whose
 * sign-ins are throttled, working on the database directly.
 */
class AccountCommandsTest {
  @TempDir Path tmp;

  static ConfigurableApplicationContext installation(Path dataDir) {
    return new SpringApplicationBuilder(XuanjuApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--xuanju.data-dir=" + dataDir,
            "--xuanju.admin.initial-password=Unlock123456",
            "--xuanju.demo=false",
            "--logging.level.root=WARN");
  }

  @Test
  void unlockLetsTheAdministratorInFromTheAddressAnAttackerBlocked() {
    Path data = tmp.resolve("data");
    try (var ctx = installation(data)) {
      LoginThrottle t = ctx.getBean(LoginThrottle.class);
      // an attacker behind the administrator's own address (one office NAT address)
      for (int i = 0; i < 5; i++) {
        assertThat(t.wrongPassword("192.168.1.1", "admin")).isTrue();
      }
      assertThat(t.refusal("192.168.1.1", "admin")).isPresent();
    }
    Result r = run("unlock", "admin", "--xuanju.data-dir=" + data);
    assertThat(r.status).as(r.out).isZero();
    assertThat(r.out).contains("已解除用户「admin」的登录限制");
    try (var ctx = installation(data)) {
      assertThat(ctx.getBean(LoginThrottle.class).refusal("192.168.1.1", "admin")).isEmpty();
      assertThat(
              ctx.getBean(JdbcTemplate.class)
                  .queryForObject(
                      "SELECT actor FROM audit_event WHERE action = 'LOGIN_UNLOCKED'",
                      String.class))
          .isEqualTo("命令行");
    }
  }

  @Test
  void anUnknownUserOrNoUserGivesStatusTwoAndAChineseLine() {
    Path data = tmp.resolve("data2");
    try (var ctx = installation(data)) {
      // creates the installation
    }
    Result unknown = run("unlock", "nobody", "--xuanju.data-dir=" + data);
    assertThat(unknown.status).isEqualTo(2);
    assertThat(unknown.out).contains("错误：没有用户名为「nobody」的用户");
    Result none = run("unlock", "--xuanju.data-dir=" + data);
    assertThat(none.status).isEqualTo(2);
    assertThat(none.out).contains("用法：./xuanju unlock 用户名");
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
      return new Result(
          AccountCommands.run(args, XuanjuApplication.class), buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
