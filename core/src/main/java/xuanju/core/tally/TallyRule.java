package xuanju.core.tally;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Arithmetic rules of a tally sheet (计票表核对规则). */
public enum TallyRule implements Rule {
  TALLY_SUM_CANDIDATE(
      "TALLY.SUM.CANDIDATE",
      "每名候选人的赞成、不赞成、弃权票数之和应等于有效票数",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十三条", "legal-rules B4.1, B4.12", Confidence.I)),
  TALLY_SUM_BALLOTS(
      "TALLY.SUM.BALLOTS",
      "有效票、无效票（及待认定的疑问票）之和应等于收回的选票数",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十三条", "legal-rules B4.1, B4.12", Confidence.I)),
  TALLY_WRITE_IN_LE_VALID(
      "TALLY.WRITE_IN.LE_VALID",
      "另选他人的得票数不能多于有效票数",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十四条", "legal-rules B4.3", Confidence.I));

  private final String code;
  private final String messageZh;
  private final Citation citation;

  TallyRule(String code, String messageZh, Citation citation) {
    this.code = code;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
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
