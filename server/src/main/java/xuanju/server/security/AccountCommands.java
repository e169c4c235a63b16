package xuanju.server.security;

import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./xuanju unlock USER} (解除登录限制): the operator's way in that nobody on the network can
 * block. It runs on the server machine against the configured database, without the web server, and
 * forgets every failed sign-in of the account from every client (and every client's block over all
 * accounts), so the user — typically the administrator — can sign in again at once. Recorded in the
 * audit log as actor {@code 命令行}.
 *
 * <p>With the embedded H2 database the server must be stopped first (the database file is in use
 * while it runs); with PostgreSQL it works while the server runs.
 *
 * <p>Exit status: 0 done; 2 bad arguments, unknown user or the database cannot be opened.
 */
public final class AccountCommands {
  static final String ACTOR = "命令行";

  private AccountCommands() {}

  /**
   * Runs {@code unlock USER}.
   *
   * @param args the whole command line, {@code args[0]} being {@code unlock}
   * @param app the Spring Boot application class
   */
  public static int run(String[] args, Class<?> app) {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    String[] names = Arrays.stream(rest).filter(a -> !a.startsWith("--")).toArray(String[]::new);
    if (names.length != 1) {
      System.err.println("错误：请给出一个用户名。用法：./xuanju unlock 用户名");
      return 2;
    }
    String username = names[0];
    String[] springArgs =
        Arrays.stream(rest).filter(a -> a.startsWith("--")).toArray(String[]::new);
    ConfigurableApplicationContext ctx;
    try {
      ctx = context(app, springArgs);
    } catch (RuntimeException e) {
      System.err.println(
          "错误：无法打开数据库"
              + (inUse(e)
                  ? "：内置数据库正被运行中的服务使用，请先停止服务（./xuanju serve）再执行"
                  : "（" + rootMessage(e) + "）"));
      return 2;
    }
    try (ctx) {
      if (ctx.getBean(UserRepository.class).findByUsername(username).isEmpty()) {
        System.err.println("错误：没有用户名为「" + username + "」的用户");
        return 2;
      }
      int n = ctx.getBean(LoginThrottle.class).unlock(ACTOR, username);
      System.out.println("已解除用户「" + username + "」的登录限制（清除" + n + "条按设备的失败记录），现在可以从任何设备登录。");
      return 0;
    }
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("already in use") || m.contains("locked by another process"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.replace('\n', ' ').strip();
  }

  private static ConfigurableApplicationContext context(Class<?> app, String[] args) {
    return new SpringApplicationBuilder(app)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .bannerMode(Banner.Mode.OFF)
        .properties("xuanju.mode=command", "logging.level.root=ERROR")
        .run(args);
  }
}
