package xuanju.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.cli.round.Json;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.MarginRule;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.profile.AppliedOverride;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * {@code ./xuanju margin}: the allowed number of candidates (差额) for N seats under a profile, per
 * nomination stage and post, with the rule code and citation; optionally checks a candidate count.
 *
 * <p>Exit status: 0 done (and the count, if given, is allowed); 3 the count given with {@code
 * --candidates} is outside the range; 2 bad input.
 */
final class MarginCommand implements Command {
  static final int EXIT_NOT_ALLOWED = 3;

  @Override
  public String name() {
    return "margin";
  }

  @Override
  public String summaryZh() {
    return "计算差额选举的候选人数范围（初步人选、预备人选、正式候选人、补选），可核对候选人数";
  }

  @Override
  public String usage() {
    return """
        用法：./xuanju margin --profile 规则配置 --seats 应选人数 [选项]

        规则配置（--profile）：
        %s
        选项：
          --stage 阶段            FORMAL 正式候选人（默认）、PRE_CANDIDATES 预备人选、PRELIMINARY 初步人选、BY_ELECTION 补选
          --all-stages            列出该规则配置的所有阶段
          --post 职位             MEMBERS 委员/代表（默认）、DELEGATES 党代表大会代表、STANDING 常委、
                                  OFFICERS 书记副书记、CHIEF 正职、DEPUTY_CHIEF 副职
          --current-committee N   现有委员人数（本地方案以现有委员人数为差额基数时，marginBase=CURRENT_COMMITTEE）
          --candidates C          核对候选人数 C 是否符合差额要求（不符合时退出状态为 3）
          --override 参数=值       按本地方案调整规则参数，可重复；须同时给出 --reason
          --reason 文本            调整理由（本地方案条款）
          --json                  输出 JSON

        退出状态：0 完成（候选人数符合）；3 候选人数不符合差额要求；2 输入错误。
        格式说明见 docs/formats/margin.md。"""
        .formatted(
            Profiles.all().stream()
                .map(p -> "  " + p.id() + "  " + p.titleZh())
                .collect(Collectors.joining("\n")));
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    String profileId = null;
    Integer seats = null;
    Stage stage = null;
    Post post = Post.MEMBERS;
    int current = 0;
    Long candidates = null;
    boolean all = false;
    boolean json = false;
    String reason = null;
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--profile" -> profileId = TimelineCommand.value(args, ++i, a);
        case "--seats" -> seats = (int) number(TimelineCommand.value(args, ++i, a), a, 1);
        case "--stage" -> stage = enumValue(Stage.class, TimelineCommand.value(args, ++i, a), a);
        case "--post" -> post = enumValue(Post.class, TimelineCommand.value(args, ++i, a), a);
        case "--current-committee" ->
            current = (int) number(TimelineCommand.value(args, ++i, a), a, 1);
        case "--candidates" -> candidates = number(TimelineCommand.value(args, ++i, a), a, 0);
        case "--all-stages" -> all = true;
        case "--json" -> json = true;
        case "--reason" -> reason = TimelineCommand.value(args, ++i, a);
        case "--override" -> {
          String v = TimelineCommand.value(args, ++i, a);
          int eq = v.indexOf('=');
          if (eq <= 0) {
            throw new CliException(a, "应写成 参数=值，如 marginBase=CURRENT_COMMITTEE，实际为 \"" + v + "\"");
          }
          String k = v.substring(0, eq).strip();
          if (overrides.put(k, v.substring(eq + 1).strip()) != null) {
            throw new CliException("--override " + k, "同一参数调整了两次");
          }
        }
        default -> throw new CliException(a, "未知参数。运行 ./xuanju help margin 查看用法");
      }
    }
    if (profileId == null) {
      throw new CliException("--profile", "缺少规则配置，可用：" + TallyCommand.profileList());
    }
    if (seats == null) {
      throw new CliException("--seats", "缺少应选人数");
    }
    if (all && stage != null) {
      throw new CliException("--stage", "不能与 --all-stages 同时使用");
    }
    if (all && candidates != null) {
      throw new CliException("--candidates", "不能与 --all-stages 同时使用，请用 --stage 指定阶段");
    }
    String pid = profileId;
    Profile profile =
        Profiles.find(profileId.strip().toUpperCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new CliException(
                        "--profile", "未知的规则配置 \"" + pid + "\"，可用：" + TallyCommand.profileList()));
    if (!overrides.isEmpty() && (reason == null || reason.isBlank())) {
      throw new CliException("--reason", "使用 --override 调整规则参数时须说明理由");
    }
    if (overrides.isEmpty() && reason != null) {
      throw new CliException("--reason", "没有 --override，无需理由");
    }
    try {
      profile = profile.withOverrides(overrides, reason);
    } catch (InvalidInputException e) {
      String f = e.field();
      throw new CliException(
          f.startsWith("overrides.") ? "--override " + f.substring(10) : "--reason",
          e.getMessage());
    }
    List<Stage> stages = new ArrayList<>();
    if (all) {
      stages.addAll(stagesOf(profile, post, seats, current));
    } else {
      stages.add(stage == null ? Stage.FORMAL : stage);
    }
    List<Decision<MarginRange>> ranges = new ArrayList<>();
    for (Stage s : stages) {
      ranges.add(range(profile, new MarginQuery(s, post, seats, current)));
    }
    boolean allowed = candidates == null || ranges.get(0).outcome().allows(candidates);
    if (json) {
      out.print(Json.pretty(toJson(profile, post, seats, current, stages, ranges, candidates)));
    } else {
      printText(out, profile, post, stages, ranges, candidates);
    }
    out.flush();
    return allowed ? 0 : EXIT_NOT_ALLOWED;
  }

  private static Decision<MarginRange> range(Profile p, MarginQuery q) {
    try {
      return Margins.range(p, q);
    } catch (InvalidInputException e) {
      String f =
          switch (e.field()) {
            case "post" -> "--post";
            case "currentCommitteeSize" -> "--current-committee";
            case "seats" -> "--seats";
            default -> e.field();
          };
      throw new CliException(f, e.getMessage());
    }
  }

  /**
   * The stages with their own rule in this profile: {@code FORMAL} always, and every other stage
   * whose rule differs from the formal list's.
   */
  static List<Stage> stagesOf(Profile p, Post post, int seats, int current) {
    String formal =
        range(p, new MarginQuery(Stage.FORMAL, post, seats, current)).outcome().ruleCode();
    List<Stage> out = new ArrayList<>();
    for (Stage s : Stage.values()) {
      if (s == Stage.FORMAL
          || !range(p, new MarginQuery(s, post, seats, current))
              .outcome()
              .ruleCode()
              .equals(formal)) {
        out.add(s);
      }
    }
    return out;
  }

  private static long number(String text, String option, long min) {
    long v;
    try {
      v = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new CliException(option, "应为整数，实际为 \"" + text + "\"");
    }
    if (v < min || v > 100_000) {
      throw new CliException(option, "应为" + min + "至100000之间的整数，实际为 " + v);
    }
    return v;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String option) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder sb = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        sb.append(sb.length() == 0 ? "" : "、").append(c.name());
      }
      throw new CliException(option, "无法识别的值 \"" + text + "\"，可用：" + sb);
    }
  }

  static String stageZh(Stage s) {
    return switch (s) {
      case PRELIMINARY -> "候选人初步人选";
      case PRE_CANDIDATES -> "候选人预备人选";
      case FORMAL -> "正式候选人";
      case BY_ELECTION -> "补选候选人";
    };
  }

  static String postZh(Post p) {
    return switch (p) {
      case MEMBERS -> "委员（代表）";
      case DELEGATES -> "党代表大会代表";
      case STANDING -> "常委";
      case OFFICERS -> "书记、副书记";
      case CHIEF -> "正职";
      case DEPUTY_CHIEF -> "副职";
    };
  }

  /** E.g. {@code 至少6名}, {@code 3至4名}, {@code 恰为2名}. */
  static String rangeZh(MarginRange r) {
    if (r.max().isEmpty()) {
      return "至少" + r.min() + "名";
    }
    long max = r.max().getAsLong();
    return r.min() == max ? "恰为" + max + "名" : r.min() + "至" + max + "名";
  }

  /** E.g. {@code 5名应选，正式候选人至少6名}. */
  static String headlineZh(Stage s, MarginRange r) {
    return r.seats() + "名应选，" + stageZh(s) + rangeZh(r);
  }

  static String checkZh(MarginRange r, long candidates) {
    if (r.allows(candidates)) {
      return "候选人" + candidates + "名：符合差额要求（" + r.ruleCode() + "）";
    }
    return "候选人"
        + candidates
        + "名：不符合差额要求，"
        + (candidates < r.min() ? "少于最低" + r.min() + "名" : "多于最高" + r.max().getAsLong() + "名")
        + "（"
        + r.ruleCode()
        + "）";
  }

  private static MarginRule rule(String code) {
    for (MarginRule m : MarginRule.values()) {
      if (m.code().equals(code)) {
        return m;
      }
    }
    throw new IllegalStateException(code);
  }

  private static String citationZh(Citation c) {
    return c.display()
        + (c.sourceId().isEmpty() ? "" : "（" + c.sourceId() + "）")
        + "，可信度 "
        + c.confidence().name();
  }

  private static void printText(
      PrintStream out,
      Profile p,
      Post post,
      List<Stage> stages,
      List<Decision<MarginRange>> ranges,
      Long candidates) {
    out.print("规则配置：" + p.id() + " " + p.titleZh() + "（" + p.lawVersion() + "）\n");
    out.print("职位：" + postZh(post) + "（" + post.name() + "）\n");
    for (AppliedOverride o : p.overrides()) {
      out.print(
          "本地方案调整："
              + o.param().key()
              + " "
              + o.from()
              + " → "
              + o.to()
              + "（理由："
              + o.reason()
              + "）\n");
    }
    for (int i = 0; i < stages.size(); i++) {
      MarginRange r = ranges.get(i).outcome();
      Step last = ranges.get(i).trail().get(ranges.get(i).trail().size() - 1);
      MarginRule rule = rule(r.ruleCode());
      out.print("\n" + headlineZh(stages.get(i), r) + "（" + stages.get(i).name() + "）\n");
      for (Step s : ranges.get(i).trail()) {
        if (s != last && !s.code().startsWith("PROFILE.")) {
          out.print("  " + s.code() + "  " + s.explanationZh() + "\n");
        }
      }
      out.print("  计算：" + last.explanationZh() + "\n");
      out.print("  检验：" + last.test() + "\n");
      out.print("  规则：" + rule.code() + "  " + rule.messageZh() + "\n");
      out.print("  依据：" + citationZh(rule.citation()) + "\n");
      if (candidates != null) {
        out.print("  " + checkZh(r, candidates) + "\n");
      }
    }
  }

  private static ObjectNode toJson(
      Profile p,
      Post post,
      int seats,
      int current,
      List<Stage> stages,
      List<Decision<MarginRange>> ranges,
      Long candidates) {
    ObjectNode root = Json.object();
    ObjectNode prof = root.putObject("profile");
    prof.put("id", p.id());
    prof.put("titleZh", p.titleZh());
    prof.put("lawVersion", p.lawVersion());
    ArrayNode ovs = root.putArray("overrides");
    for (AppliedOverride o : p.overrides()) {
      ObjectNode n = ovs.addObject();
      n.put("param", o.param().key());
      n.put("from", o.from());
      n.put("to", o.to());
      n.put("reason", o.reason());
    }
    root.put("seats", seats);
    root.put("post", post.name());
    if (current > 0) {
      root.put("currentCommittee", current);
    } else {
      root.putNull("currentCommittee");
    }
    ArrayNode arr = root.putArray("ranges");
    for (int i = 0; i < stages.size(); i++) {
      Decision<MarginRange> d = ranges.get(i);
      MarginRange r = d.outcome();
      MarginRule rule = rule(r.ruleCode());
      ObjectNode n = arr.addObject();
      n.put("stage", stages.get(i).name());
      n.put("stageZh", stageZh(stages.get(i)));
      n.put("min", r.min());
      if (r.max().isPresent()) {
        n.put("max", r.max().getAsLong());
      } else {
        n.putNull("max");
      }
      n.put("display", r.display());
      n.put("summaryZh", headlineZh(stages.get(i), r));
      n.put("ruleCode", r.ruleCode());
      n.put("severity", rule.severity().name());
      n.put("messageZh", rule.messageZh());
      n.set("citation", TimelineCommand.citationJson(Json.mapper(), rule.citation()));
      if (candidates != null) {
        n.put("candidates", candidates);
        n.put("allowed", r.allows(candidates));
        n.put("checkZh", checkZh(r, candidates));
      }
      ArrayNode trail = n.putArray("trail");
      for (Step s : d.trail()) {
        ObjectNode t = trail.addObject();
        t.put("code", s.code());
        ObjectNode in = t.putObject("inputs");
        s.inputs().forEach(in::put);
        t.put("test", s.test());
        t.put("passed", s.passed());
        t.put("explanationZh", s.explanationZh());
      }
    }
    if (candidates != null) {
      root.put("candidates", candidates);
      root.put("allowed", ranges.get(0).outcome().allows(candidates));
    }
    return root;
  }
}
