package xuanju.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before the application starts (数据库选择). When {@code spring.datasource.url} is
 * set (by {@code XUANJU_DB_URL}, or a test), that database is used. Otherwise {@code XUANJU_DB}
 * decides: {@code embedded} (the default) starts or adopts the built-in PostgreSQL under the data
 * folder ({@link LocalPostgres}); {@code h2} uses the embedded H2 file, which is for trying Xuanju
 * out and for tests only, because it is not safe against a forced kill (docs/security.md §5).
 *
 * <p>The built-in server is stopped by {@link LocalPostgresLifecycle} after the connection pool is
 * closed.
 */
public class DatabaseChoice implements EnvironmentPostProcessor, Ordered {
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  /**
   * Built-in servers started in this JVM, by their folder (contexts on the same folder share one).
   */
  static final Map<Path, LocalPostgres> RUNNING = new ConcurrentHashMap<>();

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String url = env.getProperty("spring.datasource.url");
    if (url != null && !url.isBlank()) {
      return;
    }
    Path dataDir =
        Path.of(env.getProperty("xuanju.data-dir", "./data")).toAbsolutePath().normalize();
    String choice = env.getProperty("xuanju.db", "embedded").strip();
    Map<String, Object> props = new HashMap<>();
    switch (choice) {
      case "h2" -> {
        // a placeholder, resolved when the data source is bound: a test's own data folder
        // (@DynamicPropertySource) is known only then
        props.put(
            "spring.datasource.url", "jdbc:h2:file:${xuanju.data-dir}/db/xuanju" + H2_OPTIONS);
        props.put("xuanju.db.kind", "h2");
      }
      case "embedded" -> {
        String leftover = h2Leftover(dataDir);
        if (leftover != null) {
          throw new IllegalStateException(leftover);
        }
        LocalPostgres pg = start(dataDir);
        props.put("spring.datasource.url", pg.jdbcUrl());
        props.put("spring.datasource.username", pg.user());
        props.put("spring.datasource.password", pg.password());
        props.put("xuanju.db.kind", "embedded");
        props.put("xuanju.db.embedded-home", pg.home().toString());
      }
      default ->
          throw new IllegalStateException(
              "错误：XUANJU_DB 只能是 embedded（内置 PostgreSQL，默认）或 h2，而不是 “" + choice + "”。");
    }
    env.getPropertySources().addFirst(new MapPropertySource("xuanju-database", props));
  }

  /**
   * A one-line explanation when the data folder holds an H2 database from an earlier version but no
   * built-in PostgreSQL yet, so that an upgrade never silently starts with an empty database.
   */
  public static String h2Leftover(Path dataDir) {
    boolean h2 = Files.exists(dataDir.resolve("db").resolve("xuanju.mv.db"));
    boolean pg = Files.exists(LocalPostgres.home(dataDir).resolve("cluster").resolve("PG_VERSION"));
    if (!h2 || pg) {
      return null;
    }
    return "错误：数据目录 "
        + dataDir
        + " 中有早期版本使用的 H2 数据库（db/xuanju.mv.db）。本版本默认使用内置 PostgreSQL 数据库，"
        + "它在断电或强制终止后不会丢失已确认的选票。请先迁移数据：XUANJU_DB=h2 ./xuanju backup 迁移.zip，"
        + "把 db 目录移出数据目录，再 ./xuanju restore 迁移.zip；或设置 XUANJU_DB=h2 继续使用 H2（仅供试用）。";
  }

  private static LocalPostgres start(Path dataDir) {
    Path home = LocalPostgres.home(dataDir);
    return RUNNING.computeIfAbsent(
        home,
        h -> {
          try {
            return LocalPostgres.startOrAdopt(h, Duration.ofMinutes(5));
          } catch (IOException e) {
            throw new IllegalStateException(
                "错误：内置数据库无法启动（" + e.getMessage() + "）。日志见 " + h.resolve("server.log"), e);
          }
        });
  }

  /** Stops the built-in server of this folder if this JVM started or adopted it. */
  static void stop(Path home) {
    LocalPostgres pg = RUNNING.remove(home);
    if (pg != null) {
      pg.stop();
    }
  }
}
