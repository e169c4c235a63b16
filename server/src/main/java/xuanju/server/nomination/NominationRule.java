package xuanju.server.nomination;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * The rules of "两推一选" (候选人推荐与审查规则) that core does not hold: the recommendation meeting, the
 * recommendation ballot, the publicity reports, the eligibility review, close-relative avoidance
 * and the upper organisation's approval. Margins, publicity length, voting rights, quotas and the
 * stroke order use the core rules ({@code PARTY.MARGIN.*}, {@code PARTY.PUBLICITY.*}, {@code
 * PARTY.VOTE.*}, {@code QUOTA.*}, {@code NAMES.*}).
 */
public enum NominationRule implements Rule {
  /** 推荐会参加人数超过应到人数60%，推荐有效 (QU-10). */
  RECOMMEND_QUORUM_60(
      "PARTY.RECOMMEND.QUORUM_60",
      Severity.ERROR,
      "参加推荐的党员超过应到会人数的60%，推荐有效",
      Citation.of("诺恩吉雅社区“两委”换届选举工作方案（种子 002）", "", "QU-10", Confidence.PLAN)),
  /** 推荐会参加人数超过应到人数一半，推荐有效 (QU-11). */
  RECOMMEND_QUORUM_HALF(
      "PARTY.RECOMMEND.QUORUM_HALF",
      Severity.ERROR,
      "参加推荐会的党员超过应到会人数的一半，推荐有效",
      Citation.of("村（社区）党组织换届选举工作方案（种子 001 篇9）", "", "QU-11", Confidence.PLAN)),
  /** 推荐票所推荐人数多于规定人数的无效. */
  RECOMMEND_BALLOT_OVER_LIMIT(
      "PARTY.RECOMMEND.BALLOT_OVER_LIMIT",
      Severity.ERROR,
      "推荐票所推荐的人数多于规定人数的，该推荐票无效，不计入推荐结果",
      Citation.of("党支部换届选举“两推一选”实务（种子 001 篇9、002）", "", "seed-rules §4.3", Confidence.I)),
  /** 初步人选须从推荐人选中产生. */
  PRELIMINARY_NOT_RECOMMENDED(
      "PARTY.NOMINEE.NOT_RECOMMENDED",
      Severity.ERROR,
      "候选人初步人选须从党员推荐或上级党组织推荐的人选中，按照多数党员的意见确定",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第十四条", "P2; seed-rules §4.3", Confidence.VP)),
  /** 被推荐人须为本支部党员. */
  NOMINEE_NOT_IN_BRANCH(
      "PARTY.NOMINEE.NOT_IN_BRANCH",
      Severity.ERROR,
      "被推荐人须为本支部（组织关系在本支部）的党员",
      Citation.of("党支部换届选举工作方案（种子 001 篇4、篇7）", "", "seed-rules §3.1", Confidence.PLAN)),
  /** 预备人选须从初步人选中产生. */
  PRE_CANDIDATE_NOT_PRELIMINARY(
      "PARTY.NOMINEE.NOT_PRELIMINARY",
      Severity.ERROR,
      "候选人预备人选须从经公示的初步人选中确定",
      Citation.of("代力吉镇机关支部选举工作方案（种子 000）", "", "seed-rules §4.1", Confidence.PLAN)),
  /** 公示期间的举报须查核处理. */
  PUBLICITY_REPORT_UNHANDLED(
      "PARTY.PUBLICITY.REPORT_UNHANDLED",
      Severity.ERROR,
      "公示期间收到的举报须查核处理并记录结果，方可确定预备人选",
      Citation.of("代力吉镇机关支部选举工作方案（种子 000）", "", "PB-02", Confidence.PLAN)),
  /** 须有被选举权. */
  ELIGIBILITY_RIGHT_TO_STAND(
      "PARTY.ELIGIBILITY.RIGHT_TO_STAND",
      Severity.ERROR,
      "候选人须为有被选举权的正式党员（预备党员，受留党察看处分、被留置或逮捕期间的党员没有被选举权）",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第五条", "P2; seed-rules §3.1", Confidence.VP)),
  /** 具有1年以上党龄 (AG-01, AG-02). */
  ELIGIBILITY_PARTY_AGE(
      "PARTY.ELIGIBILITY.PARTY_AGE_1Y",
      Severity.ERROR,
      "委员候选人一般应当具有1年以上党龄（至选举日）",
      Citation.of("代力吉镇机关支部选举工作方案（种子 000）；种子 001 篇4", "", "AG-01; AG-02", Confidence.PLAN)),
  /** 直接选举的候选人须年满十八周岁（至选举日），不要求党员身份. */
  ELIGIBILITY_VOTER_AGE_18(
      "ELECTION.ELIGIBILITY.AGE_18",
      Severity.ERROR,
      "候选人须为至选举日年满十八周岁的公民（直接选举不要求党员身份）",
      Citation.of("中华人民共和国宪法", "第三十四条", "", Confidence.VP)),
  /** 年龄须符合方案规定. */
  ELIGIBILITY_AGE_LIMIT(
      "PARTY.ELIGIBILITY.AGE_LIMIT",
      Severity.ERROR,
      "候选人的年龄（至选举日，周岁）须符合选举工作方案规定的范围",
      Citation.of("选举工作方案（本地方案）", "", "AG-04; AG-05", Confidence.PLAN)),
  /** 负面清单. */
  ELIGIBILITY_NEGATIVE_LIST(
      "PARTY.ELIGIBILITY.NEGATIVE_LIST",
      Severity.ERROR,
      "经资格审查有不宜作为候选人情形（负面清单，如受党纪处分影响期未满、近3年考核不称职）的，不得列为候选人",
      Citation.of(
          "村（社区）党组织换届选举工作方案（种子 001 篇9、篇15；002）", "", "seed-rules §3.2-3.3", Confidence.PLAN)),
  /** 近亲属不得同为候选人. */
  AVOIDANCE_RELATIVES(
      "PARTY.AVOIDANCE.RELATIVES_CANDIDATES",
      Severity.ERROR,
      "近亲属（配偶、父母子女、兄弟姐妹、祖孙、姻亲）不得同时列为委员候选人",
      Citation.of("诺恩吉雅社区“两委”换届选举工作方案（种子 002）；种子 001 篇17", "", "R-1; R-3", Confidence.PLAN)),
  /** 候选人的近亲属不宜担任监票人、计票人. */
  AVOIDANCE_RELATIVE_STAFF(
      "PARTY.AVOIDANCE.RELATIVE_STAFF",
      Severity.WARNING,
      "候选人的近亲属不宜担任监票人、计票人",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十二条", "P3; R-2; legal-rules A5.5", Confidence.I)),
  /** 预备人选须经上级党组织审查同意. */
  APPROVAL_REQUIRED(
      "PARTY.CANDIDATES.APPROVAL_REQUIRED",
      Severity.ERROR,
      "委员候选人预备人选须报上级党组织审查同意后，方为正式候选人",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第十四条", "P2; legal-rules A4.4", Confidence.VP));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  NominationRule(String code, Severity severity, String messageZh, Citation citation) {
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
