package xuanju.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuanju.server.XuanjuApplication;

/** The built-in PostgreSQL server (内置数据库): durable settings, local and password-only, adopted. */
class LocalPostgresTest {
  @TempDir Path data;

  @Test
  void startsDurableLocalAndPasswordProtectedThenIsAdoptedAndStops() throws Exception {
    Path home = LocalPostgres.home(data);
    LocalPostgres pg = LocalPostgres.startOrAdopt(home, Duration.ofMinutes(2));
    try {
      assertThat(pg.adopted()).isFalse();
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
          Statement s = c.createStatement()) {
        assertThat(setting(s, "fsync")).isEqualTo("on");
        assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
        s.execute("CREATE TABLE t (x int)");
        s.execute("INSERT INTO t VALUES (42)");
      }
      assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "wrong"))
          .isInstanceOf(SQLException.class);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
          .isEqualTo("rwx------");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(home.resolve("password"))))
          .isEqualTo("rw-------");

      // a second start while it runs (as after a forced kill of the application) adopts it
      LocalPostgres again = LocalPostgres.startOrAdopt(home, Duration.ofMinutes(2));
      assertThat(again.adopted()).isTrue();
      assertThat(again.port()).isEqualTo(pg.port());
    } finally {
      pg.stop();
    }
    assertThat(LocalPostgres.runningPort(home.resolve("cluster"))).isEmpty();

    // started again: the committed row is still there
    LocalPostgres third = LocalPostgres.startOrAdopt(home, Duration.ofMinutes(2));
    try (Connection c =
            DriverManager.getConnection(third.jdbcUrl(), third.user(), third.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT x FROM t")) {
      assertThat(third.adopted()).isFalse();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    } finally {
      third.stop();
    }
  }

  @Test
  void anEarlierH2DatabaseIsNeverReplacedSilentlyByAnEmptyOne() throws Exception {
    Files.createDirectories(data.resolve("db"));
    Files.writeString(data.resolve("db").resolve("xuanju.mv.db"), "h2");
    String[] args = {"--xuanju.data-dir=" + data};
    String msg = XuanjuApplication.checkDataFolder(Map.of(), args);
    assertThat(msg)
        .startsWith("错误：")
        .contains("H2", "XUANJU_DB=h2", "backup", "restore")
        .doesNotContain("\n");
    assertThat(XuanjuApplication.checkDataFolder(Map.of("XUANJU_DB", "h2"), args)).isNull();
    assertThat(
            XuanjuApplication.checkDataFolder(
                Map.of("XUANJU_DB_URL", "jdbc:postgresql://x/y"), args))
        .isNull();
    String[] fresh = {"--xuanju.data-dir=" + data.resolve("new")};
    assertThat(XuanjuApplication.checkDataFolder(Map.of(), fresh)).isNull();
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
