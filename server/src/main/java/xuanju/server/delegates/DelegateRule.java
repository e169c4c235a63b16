package xuanju.server.delegates;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the recommendation stage (推荐提名) of an election of delegates to a higher party congress,
 * from seed 003 (seed-rules.md §2.1 SZ-16, §2.2 MG-05, §2.3 QU-12, §2.9 ST-17, ST-22). A refusal
 * names the recommendation unit, the field and the rule's message with its source, and changes
 * nothing.
 */
public enum DelegateRule implements Rule {
  RECOMMENDATION_MARGIN(
      "DELEGATES.RECOMMEND.MARGIN",
      Severity.ERROR,
      "推荐单位按差额不少于50%推荐：推荐人数应不少于推荐名额的1.5倍（如11个名额报送17名人选）",
      Src.plan("MG-05")),
  LIST_SIZE(
      "DELEGATES.RECOMMEND.LIST_SIZE",
      Severity.ERROR,
      "各推荐单位均确定并报送规定数量的人选（如17名）",
      Src.plan("SZ-16")),
  SPLIT(
      "DELEGATES.RECOMMEND.SPLIT",
      Severity.ERROR,
      "推荐人选应符合规定的结构：局级领导干部、处级领导干部、基层一线人选各为规定人数（如6名、3名、8名）",
      Src.plan("ST-17")),
  CADRE_NOT_GRASSROOTS(
      "DELEGATES.IDENTITY.CADRE_NOT_GRASSROOTS",
      Severity.ERROR,
      "代表身份以参加选举时所从事的职业为准，领导干部不得占用基层一线（先进模范、工人、专业技术人员）名额",
      Citation.of(Src.PLAN, "附件2 代表身份界定说明", "ST-22", Confidence.PLAN)),
  PARTICIPATION_ALL(
      "DELEGATES.PARTICIPATION.ALL",
      Severity.WARNING,
      "推荐提名工作所有基层党组织和党员参加，基层党组织和党员参与率要达到100%",
      Src.plan("QU-12"));

  /** The recommendation units' margin the seed sets (推荐单位按差额不少于50%), in percent. */
  public static final int DEFAULT_MARGIN_PERCENT = 50;

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  DelegateRule(String code, Severity severity, String messageZh, Citation citation) {
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

  /** The refusal as users read it: what is wrong, then the rule and its source, no code. */
  String refuse(String detail) {
    return detail + "。" + messageZh + "（" + citation.display() + "）";
  }

  private static final class Src {
    static final String PLAN = "XX区选举出席XX市第十二次党代会代表工作方案（003）";

    static Citation plan(String id) {
      return Citation.of(PLAN, "", id, Confidence.PLAN);
    }
  }
}
