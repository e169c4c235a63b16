package xuanju.core.roster;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the party-member roster (党员名册规则): resident ID checks (GB 11643), field rules of the
 * roster form and file, import conflicts, and who has a vote (表决权、选举权).
 */
public enum RosterRule implements Rule {
  // 公民身份号码 (GB 11643-1999)
  ID_FORMAT("ROSTER.ID.FORMAT", Severity.ERROR, "公民身份号码应为18位：前17位为数字，最后一位为数字或X", Citations.GB11643),
  ID_CHECKSUM(
      "ROSTER.ID.CHECKSUM",
      Severity.ERROR,
      "公民身份号码校验位错误（按 ISO 7064 MOD 11-2 计算）",
      Citations.GB11643),
  ID_BIRTH_DATE(
      "ROSTER.ID.BIRTH_DATE", Severity.ERROR, "公民身份号码第7至14位的出生日期无效或晚于今天", Citations.GB11643),
  ID_BIRTH_MISMATCH(
      "ROSTER.ID.BIRTH_MISMATCH", Severity.ERROR, "出生日期与公民身份号码第7至14位不一致", Citations.GB11643),
  ID_GENDER_MISMATCH(
      "ROSTER.ID.GENDER_MISMATCH",
      Severity.ERROR,
      "性别与公民身份号码第17位不一致（奇数为男，偶数为女）",
      Citations.GB11643),

  // 字段规则
  FIELD_REQUIRED("ROSTER.FIELD.REQUIRED", Severity.ERROR, "必填项不能为空", Citations.FORM),
  FIELD_TOO_LONG("ROSTER.FIELD.TOO_LONG", Severity.ERROR, "内容超过允许的长度", Citations.FORM),
  FIELD_NOT_ALLOWED("ROSTER.FIELD.NOT_ALLOWED", Severity.ERROR, "取值不在允许的范围内", Citations.FORM),
  FIELD_DATE("ROSTER.FIELD.DATE", Severity.ERROR, "日期无法识别，应写作2020-01-02或2020/1/2", Citations.FORM),
  FIELD_PHONE("ROSTER.FIELD.PHONE", Severity.ERROR, "联系电话应为11位手机号或带区号的固定电话", Citations.FORM),
  JOIN_FUTURE("ROSTER.JOIN.FUTURE", Severity.ERROR, "入党时间不能晚于今天", Citations.FORM),
  JOIN_BEFORE_BIRTH("ROSTER.JOIN.BEFORE_BIRTH", Severity.ERROR, "入党时间不能早于出生日期", Citations.FORM),
  JOIN_UNDER_18(
      "ROSTER.JOIN.UNDER_18",
      Severity.WARNING,
      "入党时未满十八周岁，请核实出生日期和入党时间",
      Citation.of("中国共产党章程", "第一条", "", Confidence.I)),
  PROBATION_OVERDUE(
      "ROSTER.PROBATION.OVERDUE",
      Severity.WARNING,
      "预备党员入党已满一年，请核实是否已按期转正或延长预备期",
      Citation.of("中国共产党章程", "第七条", "", Confidence.I)),
  FULL_WITHIN_ONE_YEAR(
      "ROSTER.FULL.WITHIN_ONE_YEAR",
      Severity.WARNING,
      "正式党员的入党时间不足一年（预备期为一年），请核实党员类别和入党时间",
      Citation.of("中国共产党章程", "第七条", "", Confidence.I)),

  // 导入
  IMPORT_FILE_TYPE(
      "ROSTER.IMPORT.FILE_TYPE", Severity.ERROR, "文件不是 Excel .xlsx 格式", Citations.FILE),
  IMPORT_TOO_LARGE("ROSTER.IMPORT.TOO_LARGE", Severity.ERROR, "文件超过允许的大小", Citations.FILE),
  IMPORT_TOO_MANY_ROWS(
      "ROSTER.IMPORT.TOO_MANY_ROWS", Severity.ERROR, "文件中的党员人数超过一次导入的上限", Citations.FILE),
  IMPORT_HEADER("ROSTER.IMPORT.HEADER", Severity.ERROR, "表头缺少必需的列，请使用系统提供的模板", Citations.FILE),
  IMPORT_EMPTY("ROSTER.IMPORT.EMPTY", Severity.ERROR, "文件中没有党员数据", Citations.FILE),
  IMPORT_EXAMPLE_ROW(
      "ROSTER.IMPORT.EXAMPLE_ROW", Severity.ERROR, "这是模板中的示例行，请删除后再导入", Citations.FILE),
  IMPORT_DUPLICATE_IN_FILE(
      "ROSTER.IMPORT.DUPLICATE_IN_FILE", Severity.ERROR, "同一公民身份号码在文件中出现多次", Citations.ONE_BRANCH),
  IMPORT_ALREADY_IN_ORGANISATION(
      "ROSTER.IMPORT.ALREADY_IN_ORGANISATION",
      Severity.ERROR,
      "该党员已在本组织名册中（如需以文件内容更新，请选择“更新已有党员”）",
      Citations.ONE_BRANCH),
  IMPORT_OTHER_ORGANISATION(
      "ROSTER.IMPORT.OTHER_ORGANISATION",
      Severity.ERROR,
      "该党员已在其他组织的名册中（一名党员只能编入一个党支部）",
      Citations.ONE_BRANCH),
  EDIT_STALE("ROSTER.EDIT.STALE", Severity.ERROR, "该党员信息已被他人修改，请刷新后重试", Citations.FORM),

  // 表决权、选举权 (A1.3)
  VOTE_FULL_MEMBER("PARTY.VOTE.FULL_MEMBER", Severity.NOTICE, "正式党员享有表决权、选举权和被选举权", Citations.ART5),
  VOTE_PROBATIONARY(
      "PARTY.VOTE.PROBATIONARY", Severity.NOTICE, "预备党员没有表决权、选举权和被选举权", Citations.ART5),
  VOTE_RIGHTS_NORMAL(
      "PARTY.VOTE.RIGHTS_NORMAL", Severity.NOTICE, "党员权利正常，未受留党察看处分，也未被停止权利", Citations.ART5),
  VOTE_DISCIPLINE_PROBATION(
      "PARTY.VOTE.DISCIPLINE_PROBATION",
      Severity.NOTICE,
      "受留党察看处分的党员在留党察看期间没有表决权、选举权和被选举权",
      Citations.ART5),
  VOTE_DETAINED(
      "PARTY.VOTE.DETAINED", Severity.NOTICE, "党员被依法留置期间，党组织应当停止其表决权、选举权和被选举权", Citations.ART5),
  VOTE_ARRESTED(
      "PARTY.VOTE.ARRESTED", Severity.NOTICE, "党员被依法逮捕期间，党组织应当停止其表决权、选举权和被选举权", Citations.ART5),
  VOTE_MEMBERSHIP_STOPPED(
      "PARTY.VOTE.MEMBERSHIP_STOPPED",
      Severity.NOTICE,
      "被停止党籍的党员不能行使表决权、选举权和被选举权",
      Citation.of("中国共产党基层组织选举工作条例(2020)", "第五条", "P1", Confidence.I)),
  VOTE_NOT_MEMBER(
      "PARTY.VOTE.NOT_MEMBER",
      Severity.NOTICE,
      "已出党的人员不再是党员，没有表决权、选举权和被选举权",
      Citation.of("中国共产党基层组织选举工作条例(2020)", "第五条", "P1", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  RosterRule(String code, Severity severity, String messageZh, Citation citation) {
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

  /** Shared citations (an enum constructor may not read the enum's own static fields). */
  private static final class Citations {
    static final Citation GB11643 = Citation.of("GB 11643-1999 公民身份号码", "", "", Confidence.S);
    static final Citation FORM = Citation.of("党员名册填写规范（本系统）", "", "", Confidence.I);
    static final Citation FILE = Citation.of("党员名册导入文件格式（本系统）", "", "", Confidence.I);
    static final Citation ONE_BRANCH = Citation.of("中国共产党章程", "第八条", "", Confidence.I);
    static final Citation ART5 = Citation.of("中国共产党基层组织选举工作条例(2020)", "第五条", "P1", Confidence.V);
  }
}
