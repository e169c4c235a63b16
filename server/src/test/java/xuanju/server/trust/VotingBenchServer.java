package xuanju.server.trust;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import xuanju.server.XuanjuApplication;
import xuanju.server.access.Role;

/**
 * Server for the ballot-entry load benchmark (选票录入压力测试用服务器), not a test: starts an embedded
 * PostgreSQL 15 (fsync and synchronous_commit ON, as in production), the real application on it (in
 * this JVM, default pool size), prepares an election whose voting has begun and a clerk, prints
 * {@code READY <url> <election> <round> <user> <password>} and serves until killed. Used by {@code
 * bench/voting-load.sh --local-postgres}.
 */
public final class VotingBenchServer {
  private VotingBenchServer() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE xuanju_bench");
    }
    String url = pg.getJdbcUrl("postgres", "xuanju_bench");
    Path data = Files.createTempDirectory("xuanju-voting-bench");
    int port = ServerProcess.freePort();
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(XuanjuApplication.class)
            .run(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--xuanju.data-dir=" + data,
                "--xuanju.admin.initial-password=Bench-Admin-2026",
                "--xuanju.demo=false",
                "--logging.level.root=WARN");
    TrustFixture.Voting v = TrustFixture.votingBegun(ctx, 10);
    String clerk = TrustFixture.user(ctx, "bench-clerk", v.organisationId(), Role.CLERK);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ctx.close();
                  try {
                    pg.close();
                  } catch (Exception ignored) {
                    // exiting anyway
                  }
                }));
    System.out.println(
        "READY http://localhost:"
            + port
            + " "
            + v.electionId()
            + " 1 "
            + clerk
            + " "
            + TrustFixture.PASSWORD);
    System.out.flush();
    Thread.currentThread().join();
  }
}
