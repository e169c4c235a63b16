package xuanju.core.nomination;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of nominating deputy candidates in a direct election (推荐代表候选人规则), 选举法（2020）第三十条: parties
 * and people's organisations nominate jointly or separately, ten or more voters jointly; the number
 * each party or organisation nominates and the number each voter co-nominates may not exceed the
 * district's seats; the nominee gives the election committee his or her basic facts. Seed 004's
 * "each group of ten or more voters nominates no more than the seats" (昂素镇工作方案, seed-rules MG-07)
 * follows from the per-voter limit: every voter of a group that nominated more has co-nominated
 * more.
 */
public enum NominationRule implements Rule {
  BY_ORGANISATIONS(
      "NOMINATION.CONGRESS.BY_ORGANISATIONS",
      Severity.NOTICE,
      "各政党、各人民团体可以联合或者单独推荐代表候选人",
      Src.ART30),
  BY_VOTERS("NOMINATION.CONGRESS.BY_VOTERS", Severity.NOTICE, "选民十人以上联名，可以推荐代表候选人", Src.ART30),
  NO_NOMINATOR(
      "NOMINATION.CONGRESS.NO_NOMINATOR", Severity.ERROR, "推荐须写明推荐的政党、人民团体，或者联名推荐的选民", Src.ART30),
  TOO_FEW_VOTERS(
      "NOMINATION.CONGRESS.TOO_FEW_VOTERS",
      Severity.ERROR,
      "选民联名推荐代表候选人须十人以上（本选区选民，每人只计一次）",
      Src.ART30),
  NOMINATOR_NOT_DISTRICT_VOTER(
      "NOMINATION.CONGRESS.NOMINATOR_NOT_DISTRICT_VOTER",
      Severity.ERROR,
      "代表候选人按选区提名产生，联名推荐人须是本选区登记在册的选民",
      Src.ART30),
  NOMINATOR_REPEATED(
      "NOMINATION.CONGRESS.NOMINATOR_REPEATED", Severity.ERROR, "同一选民在一份联名推荐中只能签名一次", Src.ART30),
  ORGANISATION_OVER_SEATS(
      "NOMINATION.CONGRESS.ORGANISATION_OVER_SEATS",
      Severity.ERROR,
      "各政党、各人民团体联合或者单独推荐的代表候选人的人数，不得超过本选区应选代表的名额",
      Src.ART30),
  VOTER_OVER_SEATS(
      "NOMINATION.CONGRESS.VOTER_OVER_SEATS",
      Severity.ERROR,
      "每一选民参加联名推荐的代表候选人的人数，不得超过本选区应选代表的名额",
      Src.ART30),
  MEETING(
      "NOMINATION.CONGRESS.MEETING",
      Severity.NOTICE,
      "选举委员会根据选民的要求，应当组织代表候选人与选民见面，由代表候选人介绍本人的情况，回答选民的问题",
      Src.ART34),
  INTRODUCTION_ON_ELECTION_DAY(
      "NOMINATION.CONGRESS.INTRODUCTION_ON_ELECTION_DAY",
      Severity.ERROR,
      "选举日必须停止代表候选人的介绍，见面应安排在选举日以前",
      Src.ART34),
  NOT_ACCEPTED(
      "NOMINATION.CONGRESS.NOT_ACCEPTED",
      Severity.WARNING,
      "被推荐人尚未表示接受推荐；接受推荐的代表候选人应当向选举委员会如实提供个人身份、简历等基本情况，列入代表候选人名单前须本人接受",
      Src.ART30);

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

  private static final class Src {
    static final String LAW = "全国人民代表大会和地方各级人民代表大会选举法（2020）";
    static final Citation ART30 = Citation.of(LAW, "第三十条", "L1; legal-rules B2.1", Confidence.V);
    static final Citation ART34 = Citation.of(LAW, "第三十四条", "L1; legal-rules B2.5", Confidence.V);
  }
}
