package xuanju.server.congress;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the district working groups (选区工作组) and of the districts' work checklist (选区工作进度), from
 * the town's plan (seed 004, 第一阶段“设立选举办事机构”、第二阶段“挑选培训登记员”). The size is a setting of the election
 * ({@link WorkingGroupService#size}); the plan's 5–7 is the default.
 */
public enum WorkingGroupRule implements Rule {
  SIZE("NPC.WORKING_GROUP.SIZE", Severity.ERROR, "各选区工作组由5至7人组成（人数范围可按本地方案调整）", Src.plan("SZ-14")),
  REGISTRAR("NPC.WORKING_GROUP.REGISTRAR", Severity.ERROR, "保证每一选区有1名选民登记员", Src.plan("SZ-14")),
  ONE_LEADER(
      "NPC.WORKING_GROUP.ONE_LEADER",
      Severity.ERROR,
      "每个选区工作组设组长1名，由其主持工作组的日常工作",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ONE_GROUP(
      "NPC.WORKING_GROUP.ONE_GROUP",
      Severity.ERROR,
      "同一人只参加一个选区工作组",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  ESTABLISHED(
      "NPC.WORKING_GROUP.ESTABLISHED",
      Severity.ERROR,
      "选区工作组成员名单由选区推荐上报，经选举委员会审核后，统一发文设立",
      Src.plan("SZ-14")),
  BEFORE_REGISTRATION(
      "NPC.WORKING_GROUP.BEFORE_REGISTRATION",
      Severity.WARNING,
      "选区工作组在选民登记前设立并培训，最迟应在公布选民名单的法定期限以前设立",
      Citation.of("昂素镇人民代表大会换届选举工作方案（004）", "第一、二阶段", "SZ-14", Confidence.I)),
  CONTEST_DECIDED(
      "NPC.PROGRESS.CONTEST_DECIDED",
      Severity.WARNING,
      "选举日投票结束后，当场公开计票，由选举委员会依法确定选举结果",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十三条、第四十六条", "L1", Confidence.V));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  WorkingGroupRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public Citation citation() {
    return citation;
  }

  /** The refusal as users read it: what is wrong, the rule and its source, no code. */
  String refuse(String detail) {
    return detail + "。" + messageZh + "（" + citation.display() + "）";
  }

  private static final class Src {
    static Citation plan(String id) {
      return Citation.of("昂素镇人民代表大会换届选举工作方案（004）", "", id, Confidence.PLAN);
    }
  }
}
