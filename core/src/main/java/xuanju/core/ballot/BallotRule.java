package xuanju.core.ballot;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Rules on the validity of a single ballot (选票有效性规则). */
public enum BallotRule implements Rule {
  BALLOT_VALID(
      "BALLOT.VALID",
      Severity.NOTICE,
      "所选人数（赞成票含另选他人）等于或少于应选人数的选票有效",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十四条",
          "L1; P19; legal-rules A6.1, B4.3",
          Confidence.V)),
  BALLOT_BLANK_ABSTAIN(
      "BALLOT.BLANK.ABSTAIN",
      Severity.NOTICE,
      "空白选票有效，视为对全部候选人弃权",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第四十四条", "legal-rules A6.1, B4.3", Confidence.I)),
  BALLOT_OVERMARKED(
      "BALLOT.OVERMARKED",
      Severity.ERROR,
      "所选人数（赞成票含另选他人）多于应选人数的选票作废",
      Citation.of(
          "全国人民代表大会和地方各级人民代表大会选举法（2020）",
          "第四十四条",
          "L1; P19; P20; legal-rules A6.1, B4.3",
          Confidence.V)),
  BALLOT_IDENTIFYING_MARK(
      "BALLOT.IDENTIFYING_MARK",
      Severity.ERROR,
      "有编号或规定以外标记的选票无效",
      Citation.of("党支部选举大会程序（实务指引）", "", "P19; P20; legal-rules A6.1", Confidence.S)),
  BALLOT_MARK_UNCLEAR(
      "BALLOT.MARK.UNCLEAR",
      Severity.WARNING,
      "选票符号无法辨认或有疑问，须由监票人认定后再计票",
      Citation.of(
          "党支部换届选举工作方案（种子 001 篇15）", "", "legal-rules B4.4; seed-rules §5", Confidence.PLAN)),
  BALLOT_WRITE_IN_NOT_ALLOWED(
      "BALLOT.WRITE_IN.NOT_ALLOWED",
      Severity.WARNING,
      "本次选举不允许另选他人，另选的姓名不计票",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN)),
  BALLOT_WRITE_IN_REQUIRES_NO(
      "BALLOT.WRITE_IN.REQUIRES_NO",
      Severity.WARNING,
      "投不赞成票者方可另选他人；没有对应不赞成票的另选无效，不计票",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十五条", "P13; legal-rules A5.4", Confidence.VP)),
  BALLOT_WRITE_IN_NO_MARK_VOID_BALLOT(
      "BALLOT.WRITE_IN.NO_MARK_VOID_BALLOT",
      Severity.ERROR,
      "另选他人只写姓名未划赞成符号的，整张选票无效",
      Citation.of("党支部选举办法及选票说明（样本）", "", "P20; legal-rules F5, G6", Confidence.S)),
  BALLOT_WRITE_IN_NO_MARK_VOID_ENTRY(
      "BALLOT.WRITE_IN.NO_MARK_VOID_ENTRY",
      Severity.WARNING,
      "另选他人只写姓名未划赞成符号的，该另选无效，选票其余部分有效",
      Citation.of("选举工作方案（本地方案）", "", "legal-rules F5", Confidence.I)),
  BALLOT_WRITE_IN_NO_MARK_COUNTS_YES(
      "BALLOT.WRITE_IN.NO_MARK_COUNTS_YES",
      Severity.NOTICE,
      "另选他人写了姓名但未划符号的，视为赞成",
      Citation.of("人大选举选票认定指引", "", "R1; legal-rules B4.4, F5", Confidence.S));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  BallotRule(String code, Severity severity, String messageZh, Citation citation) {
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
