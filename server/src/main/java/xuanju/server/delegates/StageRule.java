package xuanju.server.delegates;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the stages after 推荐提名 (考察对象, 考察, 初步人选, 预备人选) of an election of delegates to a higher
 * party congress, from seed 003 §4.6 (seed-rules.md SZ-16, MG-06, PB-04, PB-05, §3 E). A refusal
 * says what is wrong with the numbers, then the rule's message and its source, and changes nothing.
 */
public enum StageRule implements Rule {
  SUBJECTS_COUNT(
      "DELEGATES.STAGE.SUBJECTS_COUNT",
      "区委常委会按差额考察的要求研究提出初步人选考察对象，人数为代表名额的1.5倍（如16个名额提出24名考察对象）",
      plan("SZ-16", "确定初步人选考察对象名单")),
  PRELIMINARY_COUNT(
      "DELEGATES.STAGE.PRELIMINARY_COUNT",
      "区委常委会根据考察情况研究提出代表候选人初步人选，人数按规定确定（如16个名额提出21名初步人选）",
      plan("MG-06", "确定代表候选人初步人选并公示")),
  PREPARATORY_COUNT(
      "DELEGATES.STAGE.PREPARATORY_COUNT",
      "区委全会圈选的代表候选人预备人选不超过初步人选人数（如不超过21名），并应多于代表名额以实行差额选举",
      plan("MG-06", "确定代表候选人预备人选")),
  FROM_PREVIOUS(
      "DELEGATES.STAGE.FROM_PREVIOUS", "自下而上、逐级遴选：每一阶段的人选从上一阶段的名单中产生", plan("MG-06", "代表产生的程序")),
  BODY(
      "DELEGATES.STAGE.BODY",
      "考察对象和初步人选由区委常委会研究提出，预备人选由区委全会圈选；考察对象名册报市委组织部，初步人选经市委同意，"
          + "确定前征求同级纪检机关意见，预备人选由市委组织部初步审查、市委批复",
      plan("§4.6", "代表产生的程序")),
  ORDER(
      "DELEGATES.STAGE.ORDER",
      "代表候选人按程序逐级产生：考察对象经考察和公示，初步人选经同级纪检机关意见、市委同意并公示，再由区委全会确定预备人选",
      plan("§4.6", "代表产生的程序")),
  VETTING_PUBLICITY_5WD(
      "DELEGATES.VETTING.PUBLICITY_5WD",
      "实行考察预告，对考察对象进行考察，并在考察对象所在单位公示5个工作日",
      plan("PB-04", "组织考察并公示")),
  VETTING_OPINIONS(
      "DELEGATES.VETTING.OPINIONS", "对所有考察对象征求所在单位党组织以及纪检机关的意见", plan("§3 E", "组织考察并公示")),
  COMPLAINTS_CHECKED(
      "DELEGATES.VETTING.COMPLAINTS_CHECKED",
      "对廉洁自律情况和违纪违法线索具体、具有可查性的信访举报等进行核查、作出结论",
      plan("§3 E", "组织考察并公示")),
  PRELIMINARY_PUBLICITY_5WD(
      "DELEGATES.PRELIMINARY.PUBLICITY_5WD",
      "经市委同意后，对代表候选人初步人选以公示通告形式在全区范围内进行公示，并通过新闻媒体向社会公示5个工作日",
      plan("PB-05", "确定代表候选人初步人选并公示")),
  REGULATOR_OPINIONS(
      "DELEGATES.PRELIMINARY.REGULATORS",
      "初步人选名单确定前，对企业的考察对象，有针对性地听取行政执法、行业监管等有关部门的意见",
      plan("§4.6", "确定代表候选人初步人选并公示")),
  UPPER_APPROVAL(
      "DELEGATES.PREPARATORY.UPPER_APPROVAL",
      "市委对预备人选名单进行批复后，召开区党代表会议进行选举",
      plan("§4.6", "代表选举并上报市委")),
  STAGE_COUNTS(
      "DELEGATES.STAGE.COUNTS",
      "考察对象和初步人选的人数按市委要求确定（如16个名额研究提出24名考察对象、21名初步人选），初步人选应多于代表名额，" + "考察对象不少于初步人选",
      plan("SZ-16", "确定初步人选考察对象名单"));

  /** The default number of 考察对象 in percent of the seats: 150 (24 for 16, seed 003). */
  public static final int DEFAULT_SUBJECTS_PERCENT = 150;

  /** The default number of 初步人选 in percent of the seats: 130 (21 for 16, seed 003). */
  public static final int DEFAULT_PRELIMINARY_PERCENT = 130;

  /** Publicity and vetting in the unit: at least this many working days. */
  public static final int MIN_WORKING_DAYS = 5;

  private final String code;
  private final String messageZh;
  private final Citation citation;

  StageRule(String code, String messageZh, Citation citation) {
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

  /** The refusal as users read it: what is wrong, then the rule and its source, no code. */
  String refuse(String detail) {
    return detail + "。" + messageZh + "（" + citation.display() + "）";
  }

  private static Citation plan(String id, String section) {
    return Citation.of("XX区选举出席XX市第十二次党代会代表工作方案（003）", "“" + section + "”部分", id, Confidence.PLAN);
  }
}
