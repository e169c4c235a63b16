package xuanju.server.results;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the results stage (选举结果上报、批复与归档规则): the report goes to the upper organisation only when
 * every vote has a result, the secretary and deputies are approved (批准) while the members are
 * recorded (备案), and only an approved election is archived.
 */
public enum ResultsRule implements Rule {
  SUBMIT_NOT_READY(
      "RESULTS.SUBMIT.NOT_READY",
      Severity.ERROR,
      "选举大会各项投票尚未全部产生结果（含另行选举、再次投票和委员会全体会议），不能报送选举结果",
      Citation.of("党支部换届选举工作方案（种子 001 篇7、篇15）", "", "legal-rules §7; 001 篇7", Confidence.PLAN)),
  SUBMIT_STAGE(
      "RESULTS.SUBMIT.STAGE",
      Severity.ERROR,
      "只有选举进行中的选举才能报送选举结果",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  OFFICERS_APPROVAL(
      "RESULTS.OFFICERS.APPROVAL",
      Severity.NOTICE,
      "选举产生的书记、副书记报上级党组织批准；委员及分工报上级党组织备案",
      Citation.of("中国共产党章程", "第三十一条", "legal-rules A8.3; 001 篇7、篇15、篇18", Confidence.S)),
  ARCHIVE_NOT_APPROVED(
      "RESULTS.ARCHIVE.NOT_APPROVED",
      Severity.ERROR,
      "选举结果经上级党组织批复同意（选举完成）后方可归档",
      Citation.of("换届选举工作方案（种子 000；001 篇17）", "", "legal-rules 归档", Confidence.PLAN)),
  ARCHIVE_MISMATCH(
      "RESULTS.ARCHIVE.MISMATCH",
      Severity.ERROR,
      "归档的选票记录重新计票的结果与存储的判定不一致，不能归档",
      Citation.of("Xuanju 工程推定（待法律审核）", "", "", Confidence.I)),
  BALLOTS_CANONICAL_ORDER(
      "RESULTS.BALLOTS.CANONICAL_ORDER",
      Severity.NOTICE,
      "归档的选票记录按选票内容的规范顺序排列，不保留录入顺序，使其不能与签到顺序或时间对应",
      Citation.of("中国共产党基层组织选举工作条例（2020）", "第二十四条", "legal-rules A5.1（无记名投票）", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  ResultsRule(String code, Severity severity, String messageZh, Citation citation) {
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

  /** {@code CODE：message（detail）}. */
  String say(String detail) {
    return code + "：" + messageZh + (detail == null || detail.isEmpty() ? "" : "（" + detail + "）");
  }

  /** A conflict (409) carrying this rule. */
  IllegalStateException conflict(String detail) {
    return new IllegalStateException(say(detail));
  }

  /** Bad input (400) carrying this rule. */
  InvalidInputException invalid(String field, String detail) {
    return new InvalidInputException(field, say(detail));
  }
}
