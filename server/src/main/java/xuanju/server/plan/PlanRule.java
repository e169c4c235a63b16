package xuanju.server.plan;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * The rules of the election plan and its request (选举工作方案与请示规则): whether the branch has a committee
 * for its roster size, the officers without a committee, and the approval steps.
 */
public enum PlanRule implements Rule {
  /** 党员7人以上的党支部设立支部委员会 (SZ-02). */
  COMMITTEE_REQUIRED_7(
      "PARTY.COMMITTEE.REQUIRED_7",
      Severity.ERROR,
      "党员7人以上的党支部应当设立支部委员会，方案应选举支部委员会",
      Citation.of("中国共产党支部工作条例（试行）", "第八条", "SZ-02", Confidence.S)),
  /** 党员不足7人的党支部不设支部委员会 (SZ-02). */
  COMMITTEE_NONE_UNDER_7(
      "PARTY.COMMITTEE.NONE_UNDER_7",
      Severity.ERROR,
      "党员不足7人的党支部不设支部委员会，由党员大会直接选举书记",
      Citation.of("中国共产党支部工作条例（试行）", "第八条", "SZ-02", Confidence.S)),
  /** 不设委员会的支部：书记1名，必要时副书记1名 (SZ-03). */
  NO_COMMITTEE_OFFICERS(
      "PARTY.COMMITTEE.NO_COMMITTEE_OFFICERS",
      Severity.ERROR,
      "不设支部委员会的党支部由党员大会选举书记1名，必要时可增选副书记1名",
      Citation.of("党支部换届选举工作方案十九篇（001）第1篇", "", "SZ-03", Confidence.PLAN)),
  /** 支部委员会一般设委员3至5人 (SZ-06). */
  COMMITTEE_SIZE_3_5(
      "PARTY.COMMITTEE.SIZE_3_5",
      Severity.WARNING,
      "支部委员会一般设委员3至5人，最多不超过7人",
      Citation.of("中国共产党支部工作条例（试行）", "第八条", "SZ-06", Confidence.S)),
  /** 名册中须有有表决权的党员 (A1.5). */
  NO_VOTERS(
      "PARTY.PLAN.NO_VOTERS",
      Severity.ERROR,
      "党员名册中没有有表决权的正式党员，请先录入党员名册",
      Citation.of("中国共产党基层组织选举工作条例", "第五条", "A1.5", Confidence.I)),
  /** 换届请示须经上级党组织批复同意 (seed §7, 请示/批复). */
  UPPER_APPROVAL(
      "PARTY.PLAN.UPPER_APPROVAL",
      Severity.ERROR,
      "换届选举请示须报上级党组织，经批复同意后方可进入候选人推荐",
      Citation.of("代力吉镇机关支部委员会换届选举工作方案（000）", "", "000", Confidence.PLAN)),
  /** 退回请示须写明意见. */
  RETURN_COMMENT(
      "PARTY.APPROVAL.RETURN_COMMENT",
      Severity.ERROR,
      "退回请示时须填写退回意见",
      Citation.of("代力吉镇机关支部委员会换届选举工作方案（000）", "", "000", Confidence.I)),
  /** 不得批复本人提交的请示. */
  OWN_REQUEST(
      "PARTY.APPROVAL.OWN_REQUEST",
      Severity.ERROR,
      "不能批复本人提交的请示，须由上级党组织的审批人员批复",
      Citation.of("代力吉镇机关支部委员会换届选举工作方案（000）", "", "000", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  PlanRule(String code, Severity severity, String messageZh, Citation citation) {
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
