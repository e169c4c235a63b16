package xuanju.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.server.support.EmbeddedPostgresHolder;

/** A wrong database URL gives one clear Chinese line, not a stack trace. */
class DatabaseCheckTest {
  @Test
  void noUrlMeansEmbeddedDatabaseAndNoCheck() {
    assertThat(XuanjuApplication.checkDatabase(Map.of())).isNull();
  }

  @Test
  void unreachableServerGivesOneLine() {
    String msg =
        XuanjuApplication.checkDatabase(
            Map.of("XUANJU_DB_URL", "jdbc:postgresql://127.0.0.1:1/xuanju", "XUANJU_DB_USER", "x"));
    assertThat(msg)
        .startsWith("错误：无法连接数据库 jdbc:postgresql://127.0.0.1:1/xuanju")
        .doesNotContain("\n");
    assertThat(msg).contains("XUANJU_DB_URL");
  }

  @Test
  void malformedUrlGivesOneLine() {
    String msg = XuanjuApplication.checkDatabase(Map.of("XUANJU_DB_URL", "jdbc:nosuchdb://x"));
    assertThat(msg).startsWith("错误：无法连接数据库").doesNotContain("\n");
  }

  @Test
  void reachablePostgresPasses() {
    String url = EmbeddedPostgresHolder.newDatabaseUrl();
    assertThat(
            XuanjuApplication.checkDatabase(
                Map.of("XUANJU_DB_URL", url, "XUANJU_DB_USER", "postgres")))
        .isNull();
  }
}
