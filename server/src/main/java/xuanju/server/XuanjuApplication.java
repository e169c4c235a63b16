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
    if (args.length > 0 && args[0].equals("audit-key")) {
      System.exit(auditKey(args));
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
   * {@code ./xuanju audit-verify}: checks the audit chain (with its keys) and the ballots against
   * the chain of the configured database without starting the web server (审计链校验), and prints the
   * chain's check code to compare with the printed documents. Exit status 0 intact, 4 not.
   */
  public static int auditVerify(String[] args) {
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    try (var ctx = command(rest)) {
      var audit = ctx.getBean(xuanju.server.audit.AuditLog.class);
      var chain = audit.verify();
      var ballots = ctx.getBean(xuanju.server.voting.BallotCoverage.class).check();
      int status = 0;
      if (chain.ok() && ballots.isEmpty()) {
        System.out.println("审计链完整：共 " + chain.count() + " 条记录，逐条校验通过；选票记录与审计链相符。");
      } else {
        status = 4;
        chain
            .firstBroken()
            .ifPresent(
                seq ->
                    System.out.println(
                        "审计链断裂：第 "
                            + seq
                            + " 条记录（或其前后相连的记录）被修改、删除或重算（"
                            + chain.brokenWhy()
                            + "）。共 "
                            + chain.count()
                            + " 条记录。"));
        for (var m : chain.missingKeys()) {
          System.out.println(
              "审计链无法完整校验：密钥（编号 "
                  + m.keyId()
                  + "）缺失，第 "
                  + m.from()
                  + " 至第 "
                  + m.to()
                  + " 条中用它签名的 "
                  + m.count()
                  + " 条记录无法校验。请把该密钥文件放回密钥文件夹（文件名以 audit-chain 开头）。");
        }
        chain.warnings().forEach(w -> System.out.println("审计链异常：" + w));
        ballots.forEach(b -> System.out.println("选票记录与审计链不符：" + b));
      }
      System.out.println(
          xuanju.server.documents.AuditStamp.LABEL
              + chain.head().code()
              + "（请与最近打印的文件页脚上的校验码核对：同一条号的校验码应相同，纸上的条号不应大于此处）");
      return status;
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
   * {@code ./xuanju audit-key rotate} (审计链密钥轮换, after a successful check) and {@code ./xuanju
   * audit-key replace} (启用新密钥, only when the chain's key is lost). Run while the server is stopped.
   * Exit status 0 done, 2 bad arguments, 3 refused, 4 the check failed.
   */
  public static int auditKey(String[] args) {
    String what = args.length > 1 ? args[1] : "";
    if (!what.equals("rotate") && !what.equals("replace")) {
      System.err.println(
          "用法：./xuanju audit-key rotate（轮换密钥）或 ./xuanju audit-key replace（原密钥丢失时启用新密钥）");
      return 2;
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
    try (var ctx = command(rest)) {
      var audit = ctx.getBean(xuanju.server.audit.AuditLog.class);
      try {
        if (what.equals("rotate")) {
          var chain = audit.verify();
          var ballots = ctx.getBean(xuanju.server.voting.BallotCoverage.class).check();
          if (!chain.ok() || !ballots.isEmpty()) {
            System.err.println("错误：校验未通过，不轮换密钥（请先运行 ./xuanju audit-verify 查明原因）");
            return 4;
          }
          String old = chain.head().keyId();
          var head = audit.rotateKey("命令行");
          System.out.println(
              "审计链密钥已轮换："
                  + (old == null ? "" : "原密钥（编号 " + old + "）已停用并保留为 audit-chain-" + old + ".key；")
                  + "新密钥编号 "
                  + head.keyId()
                  + "。"
                  + xuanju.server.documents.AuditStamp.LABEL
                  + head.code());
        } else {
          var head = audit.replaceLostKey("命令行", false, "");
          System.out.println(
              "已启用新的审计链密钥（编号 "
                  + head.keyId()
                  + "）。原密钥签名的记录在找回原密钥文件之前无法校验（./xuanju audit-verify 会列出）。"
                  + xuanju.server.documents.AuditStamp.LABEL
                  + head.code());
        }
        return 0;
      } catch (IllegalStateException e) {
        System.err.println("错误：" + e.getMessage());
        return 3;
      }
    }
  }

  private static org.springframework.context.ConfigurableApplicationContext command(String[] rest) {
    return new org.springframework.boot.builder.SpringApplicationBuilder(XuanjuApplication.class)
        .web(org.springframework.boot.WebApplicationType.NONE)
        .logStartupInfo(false)
        .bannerMode(org.springframework.boot.Banner.Mode.OFF)
        .properties("xuanju.mode=command", "logging.level.root=ERROR")
        .run(rest);
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
