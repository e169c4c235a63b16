package xuanju.server.election.kind;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** The plan-check rules of the 村民委员会选举 (村民委员会选举方案核对规则). */
public enum VillageCommitteeRule implements Rule {
  /** 尚未划分选区. */
  NO_DISTRICTS(
      "VILLAGE.PLAN.NO_DISTRICTS",
      Severity.WARNING,
      "尚未划分选区：选民登记、投票和计票都按选区进行",
      Citation.of("中华人民共和国村民委员会组织法", "第十三条", "", Confidence.VP)),
  /** 委员会职数不在法定范围内. */
  COMMITTEE_SIZE(
      "VILLAGE.PLAN.COMMITTEE_SIZE",
      Severity.ERROR,
      "村民委员会由主任、副主任和委员共三至七人组成",
      Citation.of("中华人民共和国村民委员会组织法", "第六条", "", Confidence.VP)),
  /** 选民登记尚未完成（名单尚未公布）. */
  REGISTER_OPEN(
      "VILLAGE.PLAN.REGISTER_OPEN",
      Severity.WARNING,
      "选民登记尚未完成，选民名单应在选举日的二十日以前公布",
      Citation.of("中华人民共和国村民委员会组织法", "第十四条", "", Confidence.VP)),
  /** 选民名单逾期未公布. */
  REGISTER_LATE(
      "VILLAGE.PLAN.REGISTER_LATE",
      Severity.ERROR,
      "选民名单逾期未公布：应在选举日的二十日以前公布",
      Citation.of("中华人民共和国村民委员会组织法", "第十四条", "", Confidence.VP));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  VillageCommitteeRule(String code, Severity severity, String messageZh, Citation citation) {
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
}
