package xuanju.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Xuanju web application (选举管理系统). */
@SpringBootApplication
public class XuanjuApplication {
  public static void main(String[] args) {
    String problem = checkDatabase(System.getenv());
    if (problem == null) {
      problem = checkDataFolder(System.getenv(), args);
    }
    if (problem != null) {
      System.err.println(problem);
      System.exit(1);
    }
    if (args.length > 0 && args[0].equals("audit-verify")) {
      System.exit(auditVerify(args));
    }
    if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
      System.exit(xuanju.server.backup.BackupCommands.run(args, XuanjuApplication.class));
    }
    if (args.length > 0 && args[0].equals("unlock")) {
      System.exit(xuanju.server.security.AccountCommands.run(args, XuanjuApplication.class));
    }
    SpringApplication.run(XuanjuApplication.class, args);
  }

  /**
   * {@code ./xuanju audit-verify}: checks the audit chain of the configured database without
   * starting the web server (审计链校验). Exit status 0 intact, 4 broken.
   */
  static int auditVerify(String[] args) {
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    try (var ctx =
        new org.springframework.boot.builder.SpringApplicationBuilder(XuanjuApplication.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .logStartupInfo(false)
            .bannerMode(org.springframework.boot.Banner.Mode.OFF)
            .properties("xuanju.mode=command", "logging.level.root=ERROR")
            .run(rest)) {
      var audit = ctx.getBean(xuanju.server.audit.AuditLog.class);
      long count = audit.count();
      var broken = audit.firstBrokenLink();
      if (broken.isEmpty()) {
        System.out.println("审计链完整：共 " + count + " 条记录，逐条哈希校验通过。");
        return 0;
      }
      System.out.println("审计链断裂：第 " + broken.get() + " 条记录（或其前后相连的记录）被修改或删除。共 " + count + " 条记录。");
      return 4;
    }
  }

  /**
   * Checks that the default built-in database will not start empty beside the H2 database of an
   * earlier version (数据目录检查), before anything is started.
   *
   * @return a one-line Chinese error, or null
   */
  public static String checkDataFolder(java.util.Map<String, String> env, String[] args) {
    String url = env.get("XUANJU_DB_URL");
    if ((url != null && !url.isBlank()) || "h2".equals(env.get("XUANJU_DB"))) {
      return null;
    }
    String dir = env.getOrDefault("XUANJU_DATA_DIR", "./data");
    for (String a : args) {
      if (a.startsWith("--xuanju.db=h2") || a.startsWith("--spring.datasource.url=")) {
        return null;
      }
      if (a.startsWith("--xuanju.data-dir=")) {
        dir = a.substring("--xuanju.data-dir=".length());
      }
    }
    return xuanju.server.database.DatabaseChoice.h2Leftover(
        java.nio.file.Path.of(dir).toAbsolutePath().normalize());
  }

  /**
   * Checks before start-up that the configured PostgreSQL database can be reached, so that a wrong
   * URL or password gives one clear line instead of a page of stack trace (数据库连接检查). The embedded
   * H2 database needs no check.
   *
   * @return a one-line Chinese error, or null when the database answers
   */
  static String checkDatabase(java.util.Map<String, String> env) {
    String url = env.get("XUANJU_DB_URL");
    if (url == null || url.isBlank()) {
      return null;
    }
    DriverManager.setLoginTimeout(10);
    try (Connection c =
        DriverManager.getConnection(
            url,
            env.getOrDefault("XUANJU_DB_USER", ""),
            env.getOrDefault("XUANJU_DB_PASSWORD", ""))) {
      return null;
    } catch (SQLException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      return "错误：无法连接数据库 "
          + url
          + "（"
          + why.replace('\n', ' ').strip()
          + "）。请检查环境变量 XUANJU_DB_URL、XUANJU_DB_USER、XUANJU_DB_PASSWORD。";
    }
  }
}
