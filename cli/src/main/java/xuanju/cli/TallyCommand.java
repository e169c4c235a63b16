package xuanju.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import xuanju.cli.round.Json;
import xuanju.cli.round.RoundFile;
import xuanju.cli.round.RoundReport;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;

/**
 * {@code ./xuanju tally FILE [--text]}: decides one voting round (计票与当选判定) from a round file
 * (format in {@code docs/formats/tally.md}) and prints the decision as JSON (default) or as a
 * Chinese summary.
 *
 * <p>Exit status: 0 decided, whatever the outcome (elected, tie, shortfall, void, quorum not met,
 * review needed); 2 bad input (one line naming the field).
 */
final class TallyCommand implements Command {

  @Override
  public String name() {
    return "tally";
  }

  @Override
  public String summaryZh() {
    return "计票并判定当选（到会人数、选票有效性、过半数、票数相等、另行选举），输出依据规则";
  }

  @Override
  public String usage() {
    return """
        用法：./xuanju tally 文件.json [--text]

        按规则配置判定一轮投票的结果。文件描述一轮投票：
          {"formatVersion": 1, "profile": "PARTY_GRASSROOTS", "seats": 5,
           "candidates": [{"id": "A", "name": "张三"}, …],
           "electorate": {"expected": 50, "present": 42, "ballotsIssued": 42, "ballotsReturned": 42},
           "counts": {"valid": 42, "invalid": 0, "candidates": {"A": {"yes": 40, "no": 2, "abstain": 0}, …}}}
        选票可以是汇总数 counts，也可以是逐张选票 ballots（如 "YYN-A"）或 CSV 选票文件 ballotsFile。

        规则配置（profile）：
        %s

        默认输出 JSON（结果、当选人、得票排序、选票统计、判定依据、下一轮 nextRound）；
          --text   输出中文摘要
        退出状态：0 已判定（无论结果如何）；2 输入错误。
        格式说明见 docs/formats/tally.md，示例见 docs/examples/tally-*.json。"""
        .formatted(
            Profiles.all().stream()
                .map(p -> "  " + p.id() + "  " + p.titleZh())
                .collect(Collectors.joining("\n")));
  }

  static String profileList() {
    return Profiles.all().stream().map(Profile::id).collect(Collectors.joining("、"));
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    String file = null;
    boolean text = false;
    for (String a : args) {
      if (a.equals("--text")) {
        text = true;
      } else if (a.startsWith("--")) {
        throw new CliException(a, "未知参数。运行 ./xuanju help tally 查看用法");
      } else if (file != null) {
        throw new CliException("FILE", "只能给出一个文件");
      } else {
        file = a;
      }
    }
    if (file == null) {
      throw new CliException("FILE", "缺少投票文件参数。运行 ./xuanju help tally 查看用法");
    }
    RoundReport.Report report = RoundReport.of(RoundFile.read(Path.of(file)));
    if (text) {
      out.print(RoundReport.text(report));
    } else {
      out.print(Json.pretty(RoundReport.json(report)));
    }
    out.flush();
    return 0;
  }
}
