package xuanju.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.cli.round.Json;
import xuanju.core.district.Apportionment;
import xuanju.core.district.ApportionmentInput;
import xuanju.core.district.ApportionmentResult;
import xuanju.core.district.District;
import xuanju.core.district.DistrictCheck;
import xuanju.core.district.DistrictResult;
import xuanju.core.district.DistrictRule;
import xuanju.core.district.Proposal;
import xuanju.core.district.TownSeats;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Step;

/**
 * {@code ./xuanju apportion FILE [--json]}: the town's total number of deputies, a proposal of
 * seats for the districts that have none, and the check of every district's seats (选区划分与代表名额分配).
 *
 * <p>Exit status: 0 no error (warnings allowed); 3 an error (a district with fewer than 1 or more
 * than 3 seats, or seats not adding up to the total); 2 bad input (one line naming the field).
 */
final class ApportionCommand implements Command {
  static final int EXIT_ERRORS = 3;

  @Override
  public String name() {
    return "apportion";
  }

  @Override
  public String summaryZh() {
    return "计算乡镇人大代表总名额，提出并核对各选区代表名额（每一选区一至三名，人口大体相等）";
  }

  @Override
  public String usage() {
    return """
        用法：./xuanju apportion 文件.json [--json]

        文件内容：{"town": "示例镇", "townKind": "镇", "population": 10950,
                   "extraFivePercent": false, "decidedTotal": {"seats": 52, "document": "决定文件"},
                   "maxDeviation": "20%",
                   "districts": [{"name": "第一选区", "basis": "RESIDENCE", "units": ["巴音嘎查"],
                                  "population": 620, "seats": 3}, …]}
        按选举法（2020）第十二条计算代表总名额（基数45名，每1,500人增加1名，最多160名），
        有县级人大常委会决定的名额（decidedTotal）时按决定的名额分配；
        选区没有 seats 时按“最大偏离最小、同等比例法”提出建议名额；然后核对每一选区
        一至三名、名额之和等于总名额、每一代表所代表的人口数与平均数的偏离（默认不超过20%）。

        默认输出中文报告；--json 输出 JSON（含规则代码）。
        退出状态：0 无错误（可有警告）；3 有错误（选区名额不在一至三名之间，或名额之和不等于总名额）；2 输入错误。
        格式说明见 docs/formats/apportion.md，示例见 docs/examples/apportion-*.json。""";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    String file = null;
    boolean json = false;
    for (String a : args) {
      if (a.equals("--json")) {
        json = true;
      } else if (a.startsWith("--")) {
        throw new CliException(a, "未知参数。运行 ./xuanju help apportion 查看用法");
      } else if (file != null) {
        throw new CliException("FILE", "只能给出一个文件");
      } else {
        file = a;
      }
    }
    if (file == null) {
      throw new CliException("FILE", "缺少选区文件参数。运行 ./xuanju help apportion 查看用法");
    }
    ApportionmentInput in = ApportionFile.read(Path.of(file));
    ApportionmentResult r = Apportionment.apportion(in);
    if (json) {
      out.print(Json.pretty(toJson(r)));
    } else {
      out.print(text(r));
    }
    out.flush();
    return r.ok() ? 0 : EXIT_ERRORS;
  }

  // ---------------------------------------------------------------- text report

  static String text(ApportionmentResult r) {
    StringBuilder sb = new StringBuilder();
    TownSeats t = r.town().outcome();
    String town = r.input().townName().isEmpty() ? "本乡（镇）" : r.input().townName();
    sb.append(town)
        .append(t.kind() == null ? "" : "（" + t.kind().zh() + "）")
        .append("人民代表大会代表名额与选区划分\n");
    sb.append("人口")
        .append(n(t.population()))
        .append("人，选区")
        .append(r.input().districts().size())
        .append("个\n\n");

    sb.append("一、代表总名额（")
        .append(DistrictRule.TOWN_SEATS_FORMULA.citation().display())
        .append("）\n");
    for (String line : t.stepsZh()) {
      sb.append("  ").append(line).append('\n');
    }

    DistrictCheck c = r.check();
    sb.append("\n二、各选区代表名额");
    Proposal p = r.proposal();
    if (p != null) {
      sb.append("（没有名额的选区按建议方案：先使最大偏离最小，再按同等比例法分配）");
    }
    sb.append('\n');
    sb.append("  平均每一代表所代表的人口：")
        .append(n(c.townPopulation()))
        .append("÷")
        .append(c.total())
        .append(" = ")
        .append(c.average().toPlainString())
        .append("人；偏离幅度上限：")
        .append(Apportionment.percentZh(c.limit()))
        .append("（本地方案）\n");
    for (DistrictResult d : c.results()) {
      District dist = d.district();
      sb.append("  ")
          .append(dist.name())
          .append("（")
          .append(dist.basis().zh())
          .append(dist.joint() ? "；联合选区：" : "：")
          .append(String.join("、", dist.units()))
          .append("）\n");
      sb.append("    人口")
          .append(n(dist.population()))
          .append("人，应选")
          .append(d.seats())
          .append("名")
          .append(d.proposed() ? "（建议）" : "");
      if (d.deviation() != null) {
        sb.append("，每一代表所代表的人口")
            .append(d.perDeputy().orElseThrow().toPlainString())
            .append("人，")
            .append(d.deviation().zh());
        if (d.exceedsLimit()) {
          sb.append("（超过").append(Apportionment.percentZh(c.limit())).append("）");
        }
      }
      if (!d.seatsAllowed()) {
        sb.append("（不在一至三名之间）");
      }
      sb.append('\n');
    }
    sb.append("  合计：")
        .append(c.results().size())
        .append("个选区，人口")
        .append(n(c.populationSum()))
        .append("人，名额")
        .append(c.seatsSum())
        .append("名（代表总名额")
        .append(c.total())
        .append("名）\n");
    sb.append("  最大偏离：").append(c.maxDeviation().magnitudeZh());
    if (r.best() != null) {
      sb.append("；按现有选区划分，任何分配方案的最大偏离都不小于").append(r.best().magnitudeZh());
    }
    sb.append('\n');

    sb.append("\n三、检查结果\n");
    Findings f = r.findings();
    section(sb, "错误（须改正）", f.errors());
    section(sb, "警告（须说明理由）", f.warnings());
    section(sb, "提示", f.notices());
    sb.append("\n结论：");
    if (!f.ok()) {
      sb.append("有").append(f.errors().size()).append("项错误，须改正后再确定选区名额。\n");
    } else if (!f.warnings().isEmpty()) {
      sb.append("符合法定要求；有").append(f.warnings().size()).append("项警告，请核对并说明理由。\n");
    } else {
      sb.append("符合法定要求。\n");
    }
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<Finding> fs) {
    if (fs.isEmpty()) {
      return;
    }
    sb.append("  ").append(title).append("：\n");
    for (Finding f : fs) {
      sb.append("    · ").append(f.messageZh()).append('\n');
    }
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  // ---------------------------------------------------------------- JSON

  static ObjectNode toJson(ApportionmentResult r) {
    ObjectNode root = Json.object();
    TownSeats t = r.town().outcome();
    ObjectNode town = root.putObject("town");
    town.put("name", r.input().townName());
    if (t.kind() == null) {
      town.putNull("kind");
    } else {
      town.put("kind", t.kind().name());
      town.put("kindZh", t.kind().zh());
    }
    town.put("population", t.population());

    ObjectNode total = root.putObject("totalSeats");
    total.put("base", t.base());
    total.put("increase", t.increase());
    total.put("formula", t.formula());
    total.put("cap", t.cap());
    total.put("capped", t.capped());
    total.put("extraFivePercent", r.input().town().extraFivePercent());
    total.put("extra", t.extra());
    total.put("computed", t.computed());
    total.put("lowerBound", t.lowerBound());
    total.put("upperBound", t.upperBound());
    if (t.decided() == null) {
      total.putNull("decided");
      total.putNull("decidedDocument");
    } else {
      total.put("decided", t.decided().seats());
      total.put("decidedDocument", t.decided().document());
    }
    total.put("total", t.total());
    ArrayNode steps = total.putArray("stepsZh");
    t.stepsZh().forEach(steps::add);
    total.set("trail", trail(r.town().trail()));
    total.set(
        "citation",
        TimelineCommand.citationJson(Json.mapper(), DistrictRule.TOWN_SEATS_FORMULA.citation()));

    DistrictCheck c = r.check();
    root.put("averagePerDeputy", c.average());
    root.put("maxDeviationLimit", Apportionment.percentZh(c.limit()));
    root.put("proposed", r.proposal() != null);
    ArrayNode ds = root.putArray("districts");
    for (int i = 0; i < c.results().size(); i++) {
      DistrictResult d = c.results().get(i);
      District dist = d.district();
      ObjectNode n = ds.addObject();
      n.put("name", dist.name());
      n.put("basis", dist.basis().name());
      n.put("joint", dist.joint());
      ArrayNode units = n.putArray("units");
      dist.units().forEach(units::add);
      n.put("population", dist.population());
      n.put("seats", d.seats());
      n.put("seatsProposed", d.proposed());
      n.put("seatsAllowed", d.seatsAllowed());
      if (d.deviation() == null) {
        n.putNull("perDeputy");
        n.putNull("deviationPercent");
        n.putNull("deviation");
      } else {
        n.put("perDeputy", d.perDeputy().orElseThrow());
        n.put("deviationPercent", d.deviation().percent());
        ObjectNode dev = n.putObject("deviation");
        dev.put("numerator", d.deviation().numerator());
        dev.put("denominator", d.deviation().denominator());
      }
      n.put("exceedsLimit", d.exceedsLimit());
    }
    root.put("seatsSum", c.seatsSum());
    root.put("populationSum", c.populationSum());
    root.put("maxDeviationPercent", c.maxDeviation().percent().abs());
    if (r.best() == null) {
      root.putNull("bestMaxDeviationPercent");
    } else {
      root.put("bestMaxDeviationPercent", r.best().percent().abs());
    }
    if (r.proposal() == null) {
      root.putNull("proposal");
    } else {
      ObjectNode p = root.putObject("proposal");
      p.put("maxDeviationPercent", r.proposal().maxDeviation().percent().abs());
      p.put(
          "bottleneck",
          r.proposal().bottleneck() < 0
              ? null
              : r.input().districts().get(r.proposal().bottleneck()).name());
      p.set("trail", trail(r.proposal().trail()));
    }
    root.set("checkTrail", trail(c.trail()));
    root.put("ok", r.ok());
    root.set("findings", TimelineCommand.findingsJson(Json.mapper(), r.findings()));
    return root;
  }

  private static ArrayNode trail(List<Step> steps) {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (Step s : steps) {
      ObjectNode t = arr.addObject();
      t.put("code", s.code());
      ObjectNode in = t.putObject("inputs");
      for (Map.Entry<String, Long> e : s.inputs().entrySet()) {
        in.put(e.getKey(), e.getValue());
      }
      t.put("test", s.test());
      t.put("passed", s.passed());
      t.put("explanationZh", s.explanationZh());
    }
    return arr;
  }
}
