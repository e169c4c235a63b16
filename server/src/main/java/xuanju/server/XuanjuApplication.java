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
    if (problem != null) {
      System.err.println(problem);
      System.exit(1);
    }
    SpringApplication.run(XuanjuApplication.class, args);
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
