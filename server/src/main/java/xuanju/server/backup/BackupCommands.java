package xuanju.server.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./xuanju backup FILE [--with-keys]} and {@code ./xuanju restore FILE} (命令行备份与恢复): run
 * against the configured database without starting the web server, as the operator of the server
 * (recorded as {@code 命令行} in the audit log).
 *
 * <p>Exit status: 0 done; 2 bad arguments or a damaged/foreign file; 3 refused (target not empty,
 * different schema version).
 */
public final class BackupCommands {
  static final String ACTOR = "命令行";

  private BackupCommands() {}

  /**
   * Runs {@code backup FILE} or {@code restore FILE}.
   *
   * @param args the whole command line, {@code args[0]} being {@code backup} or {@code restore}
   * @param app the Spring Boot application class
   */
  public static int run(String[] args, Class<?> app) {
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    String file = null;
    boolean withKeys = false;
    for (String a : rest) {
      if (a.equals("--with-keys")) {
        if (!command.equals("backup")) {
          System.err.println("错误：--with-keys 只用于 backup（恢复时备份中的密钥文件会自动放回）");
          return 2;
        }
        withKeys = true;
      } else if (!a.startsWith("--")) {
        if (file != null) {
          System.err.println("错误：只能给出一个文件");
          return 2;
        }
        file = a;
      }
    }
    if (file == null) {
      System.err.println(
          "错误：缺少文件参数。用法：./xuanju "
              + command
              + " 文件.zip"
              + (command.equals("backup") ? " [--with-keys]" : ""));
      return 2;
    }
    String[] springArgs =
        Arrays.stream(rest)
            .filter(a -> a.startsWith("--") && !a.equals("--with-keys"))
            .toArray(String[]::new);
    Path path = Path.of(file);
    if (command.equals("backup") && Files.exists(path)) {
      System.err.println("错误：文件 " + file + " 已存在，为免覆盖请换一个文件名");
      return 2;
    }
    if (command.equals("restore") && !Files.isRegularFile(path)) {
      System.err.println("错误：找不到备份文件 " + file);
      return 2;
    }
    try (ConfigurableApplicationContext ctx = context(app, springArgs)) {
      BackupService backups = ctx.getBean(BackupService.class);
      if (command.equals("backup")) {
        Path tmp = path.resolveSibling(path.getFileName() + ".part");
        Manifest m;
        try (OutputStream out = Files.newOutputStream(tmp)) {
          m = backups.backupAs(ACTOR, out, withKeys);
        } catch (RuntimeException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(
            "备份完成："
                + file
                + "，"
                + m.tables().size()
                + " 张表、"
                + m.totalRows()
                + " 行，数据库结构版本 V"
                + m.schemaVersion()
                + "，审计链头第 "
                + m.auditLastSeq()
                + " 条。"
                + (withKeys
                    ? "含密钥文件 " + m.keys().size() + " 个：此文件须像密钥一样妥善保管。"
                    : "不含密钥文件（恢复到另一台机器时，需另行复制密钥文件夹，或用 --with-keys 备份）。"));
        return 0;
      }
      BackupService.Restored r = backups.restoreAs(ACTOR, path);
      Manifest m = r.manifest();
      boolean keysMissing = r.notes().stream().anyMatch(n -> n.contains("暂时无法校验"));
      System.out.println(
          "恢复完成："
              + m.tables().size()
              + " 张表、"
              + m.totalRows()
              + " 行（备份时间 "
              + m.createdAt()
              + "），"
              + (keysMissing ? "审计链结构完整，但部分记录因缺少密钥无法校验。" : "审计链校验通过。"));
      r.notes().forEach(n -> System.out.println((keysMissing ? "注意：" : "") + n));
      return 0;
    } catch (BackupException e) {
      System.err.println("错误：" + e.getMessage());
      return e.getMessage().contains("不是空的") || e.getMessage().contains("版本不同") ? 3 : 2;
    } catch (IOException e) {
      System.err.println("错误：无法写入文件 " + file + "（" + e.getMessage() + "）");
      return 2;
    }
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
