package xuanju.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.InvalidInputException;

/**
 * Command-line entry (命令行): {@code tally}, {@code margin}, {@code timeline}, {@code quota}, {@code
 * apportion}, {@code slate} over the core rule engine. Exit status: 0 done, 1 unexpected failure, 2
 * bad input.
 */
public final class Main {
  private Main() {}

  /** Every command, in the order {@code help} lists them. Add new commands here, one line each. */
  static Map<String, Command> commands() {
    Map<String, Command> m = new LinkedHashMap<>();
    List<Command> all = new ArrayList<>();
    // commands are registered below, one line each
    all.add(new TallyCommand());
    all.add(new MarginCommand());
    all.add(new TimelineCommand());
    all.add(new QuotaCommand());
    all.add(new ApportionCommand());
    all.add(new SlateCommand());
    for (Command c : all) {
      m.put(c.name(), c);
    }
    return m;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(List.of(args), out, err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Map<String, Command> commands = commands();
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
      if (args.size() > 1 && commands.containsKey(args.get(1))) {
        out.println(commands.get(args.get(1)).usage());
        return 0;
      }
      out.println("用法：./xuanju 命令 [参数]");
      out.println();
      out.println("  serve [--demo]   启动选举管理系统网页服务（--demo 载入示例数据）");
      out.println("  audit-verify     校验数据库中审计日志的哈希链，报告第一处断裂");
      out.println("  backup 文件      把整个数据库备份为一个 .zip 文件（含清单与校验值）");
      out.println("  restore 文件     把备份恢复到空的新安装中");
      out.println("  unlock 用户名    解除该用户的登录限制（按设备的登录失败记录）");
      for (Command c : commands.values()) {
        out.printf("  %-16s %s%n", c.name(), c.summaryZh());
      }
      out.println("  help [命令]      显示帮助");
      return 0;
    }
    Command c = commands.get(args.get(0));
    if (c == null) {
      err.println("错误：未知命令 \"" + args.get(0) + "\"。运行 ./xuanju help 查看可用命令。");
      return 2;
    }
    try {
      return c.run(args.subList(1, args.size()), out, err);
    } catch (CliException e) {
      err.println(e.line());
      return 2;
    } catch (InvalidInputException e) {
      err.println("错误：" + e.describe());
      return 2;
    } catch (Exception e) {
      err.println("内部错误：" + e);
      return 1;
    }
  }
}
