package xuanju.server.attendance;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * The rules of who counts (应到会人数规则): members with a vote, the five-category exclusions with the
 * upper organisation's consent, their publicity and their adoption by the members' meeting.
 */
public enum AttendanceRule implements Rule {
  /** 应到会人数 = 有表决权的党员 − 经批准不计入的党员 (A2.1). */
  EXPECTED_COUNT(
      "PARTY.EXPECTED.COUNT",
      Severity.NOTICE,
      "应到会人数为有表决权的党员人数减去经上级党组织同意、党员大会通过不计入的党员人数",
      Citation.of("中国共产党基层组织选举工作条例", "第五条", "A2.1", Confidence.I)),
  /** 不计入须属于五类人员之一 (A2.2). */
  EXCLUSION_REASON(
      "PARTY.EXCLUSION.REASON",
      Severity.ERROR,
      "只有属于规定情形（五类人员）的党员，才可以不计入应到会人数",
      Citation.of("中组部关于党员大会应到会人数的解释", "", "A2.2", Confidence.S)),
  /** 不计入的党员须是本支部有表决权的党员. */
  EXCLUSION_MEMBER(
      "PARTY.EXCLUSION.MEMBER",
      Severity.ERROR,
      "只能将本支部名册中有表决权的党员列入不参加党员大会的名单",
      Citation.of("中组部关于党员大会应到会人数的解释", "", "A2.2", Confidence.I)),
  /** 须经上级党组织同意 (A2.2). */
  EXCLUSION_UPPER_CONSENT(
      "PARTY.EXCLUSION.UPPER_CONSENT",
      Severity.ERROR,
      "不参加党员大会的党员名单须经上级党组织同意",
      Citation.of("中组部关于党员大会应到会人数的解释", "", "A2.2", Confidence.S)),
  /** 须经党员大会通过 (A2.2). */
  EXCLUSION_ADOPTED(
      "PARTY.EXCLUSION.ADOPTED",
      Severity.ERROR,
      "不参加党员大会的党员名单须在选举前经党员大会表决通过（赞成票超过到会党员半数）",
      Citation.of("中组部关于党员大会应到会人数的解释", "", "A2.2", Confidence.S)),
  /** 公示期满前不得通过 (PB-01). */
  EXCLUSION_PUBLICITY_RUN(
      "PARTY.EXCLUSION.PUBLICITY_RUN",
      Severity.ERROR,
      "公示期未满：不参加党员大会的党员名单须公示3天以上，公示期满后方可提交党员大会通过",
      Citation.of("代力吉镇机关支部委员会换届选举工作方案（000）", "", "PB-01", Confidence.PLAN));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  AttendanceRule(String code, Severity severity, String messageZh, Citation citation) {
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
