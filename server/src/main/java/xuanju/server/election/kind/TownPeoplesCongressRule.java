package xuanju.server.election.kind;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** The plan-check rules of the 乡镇人民代表大会代表选举 (乡镇人大代表选举方案核对规则). */
public enum TownPeoplesCongressRule implements Rule {
  /** 尚未划分选区. */
  NO_DISTRICTS(
      "NPC.PLAN.NO_DISTRICTS",
      Severity.WARNING,
      "尚未划分选区：选民登记、投票和计票都按选区进行",
      Citation.of("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法", "第二十四条", "", Confidence.VP)),
  /** 各选区名额之和与方案的应选名额不一致. */
  SEATS_MISMATCH(
      "NPC.PLAN.SEATS_MISMATCH",
      Severity.ERROR,
      "各选区应选代表名额之和与方案的应选名额不一致",
      Citation.of("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法", "第二十五条", "", Confidence.VP)),
  /** 有选区尚未确定应选代表名额. */
  SEATS_OPEN(
      "NPC.PLAN.SEATS_OPEN",
      Severity.WARNING,
      "有选区尚未确定应选代表名额",
      Citation.of("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法", "第二十五条", "", Confidence.VP)),
  /** 选民登记尚未完成（名单尚未公布）. */
  REGISTER_OPEN(
      "NPC.PLAN.REGISTER_OPEN",
      Severity.WARNING,
      "选民登记尚未完成，选民名单应在选举日的二十日以前公布",
      Citation.of("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法", "第二十八条", "", Confidence.VP)),
  /** 选民名单逾期未公布. */
  REGISTER_LATE(
      "NPC.PLAN.REGISTER_LATE",
      Severity.ERROR,
      "选民名单逾期未公布：应在选举日的二十日以前公布",
      Citation.of("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法", "第二十八条", "", Confidence.VP));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  TownPeoplesCongressRule(String code, Severity severity, String messageZh, Citation citation) {
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
