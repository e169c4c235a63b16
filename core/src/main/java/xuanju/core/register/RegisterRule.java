package xuanju.core.register;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the voter register (选民登记规则): who is a voter on election day, one registration per
 * person, the lawful places of registration, the carry-over between cycles and the checks of the
 * voter list. The statutory days of the voter list (D−20, 5 + 3 days, court D−5) are the deadline
 * rules of {@code xuanju.core.schedule.ScheduleRule}, reused by {@link RegisterDeadlines}.
 *
 * <p>Sources (see {@code shared/reference/legal-rules.md}): L1 选举法（2020）, read verbatim; L2
 * 全国人大常委会关于县级以下人民代表大会代表直接选举的若干规定（1983）, read verbatim; L6 上海市实施细则 (a provincial rule, used where
 * the national law is silent, tagged {@link Confidence#I} until the province's own rule is
 * checked); seed 004 (昂素镇人大换届选举工作方案, tagged {@link Confidence#PLAN}).
 */
public enum RegisterRule implements Rule {
  // --- 选民资格 (eligibility on election day) ---
  ELIGIBLE(
      "REGISTER.ELIGIBILITY.ELIGIBLE",
      Severity.NOTICE,
      "年满十八周岁、未被依法剥夺政治权利的公民，有选举权，予以登记",
      Src.L1_ART4),
  UNDER_18(
      "REGISTER.ELIGIBILITY.UNDER_18",
      Severity.ERROR,
      "选举日未满十八周岁，没有选举权，不予登记（年龄以选举日计算，选举日当天年满十八周岁的有选举权）",
      Src.L1_ART4),
  LEAP_DAY_BIRTH(
      "REGISTER.ELIGIBILITY.LEAP_DAY_BIRTH",
      Severity.NOTICE,
      "2月29日出生的，平年的周岁生日默认按2月28日计算（参照民法典第二百零二条“没有对应日的，月末日为期间的最后一日”），也可设置为3月1日；须法律审核",
      Citation.of("中华人民共和国民法典（参照适用）", "第二百零二条", "B1.8", Confidence.I)),
  DEPRIVED(
      "REGISTER.ELIGIBILITY.DEPRIVED",
      Severity.ERROR,
      "依照法律被剥夺政治权利的人没有选举权，不予登记",
      Citation.of(Src.LAW, "第四条第二款", "L1; legal-rules B1.1", Confidence.V)),
  INCAPACITY(
      "REGISTER.ELIGIBILITY.INCAPACITY",
      Severity.ERROR,
      "精神病患者不能行使选举权利的，经选举委员会确认，不列入选民名单",
      Src.L1_ART27_2),
  INCAPACITY_UNCONFIRMED(
      "REGISTER.ELIGIBILITY.INCAPACITY_UNCONFIRMED",
      Severity.WARNING,
      "不能行使选举权利的情形尚未经选举委员会确认，仍应列入选民名单",
      Src.L1_ART27_2),
  INCAPACITY_EVIDENCE(
      "REGISTER.ELIGIBILITY.INCAPACITY_EVIDENCE",
      Severity.WARNING,
      "确认不能行使选举权利，应当取得医院的证明或者征得其监护人的同意（上海市实施细则；本省规定须核实）",
      Citation.of(Src.L6, "第二十一条第一款", "L6; legal-rules B1.3", Confidence.I)),
  INTERMITTENT(
      "REGISTER.ELIGIBILITY.INTERMITTENT",
      Severity.NOTICE,
      "间歇性精神病患者列入选民名单，病发时不行使选举权利（上海市实施细则；本省规定须核实）",
      Citation.of(Src.L6, "第二十一条第二款", "L6; legal-rules B1.3", Confidence.I)),
  SUSPENDED(
      "REGISTER.ELIGIBILITY.SUSPENDED",
      Severity.WARNING,
      "被羁押正在受侦查、起诉、审判的人，经人民检察院或者人民法院决定，在被羁押期间停止行使选举权利（仍列入选民名单）",
      Citation.of(Src.L2, "第四条", "L2; legal-rules B1.4", Confidence.V)),

  // --- 一人一登记 (one person, one registration) ---
  REGISTERED_ELSEWHERE(
      "REGISTER.ONE_PLACE.ELSEWHERE",
      Severity.ERROR,
      "每一选民只能在一个选区进行选民登记；已在其他选区登记的，须先由原选区办理迁出后再登记",
      Src.ONE_PLACE),
  REGISTERED_HERE(
      "REGISTER.ONE_PLACE.ALREADY_HERE", Severity.ERROR, "该选民已在本选区登记，不能重复登记", Src.ONE_PLACE),
  DUPLICATE_IN_BATCH(
      "REGISTER.ONE_PLACE.DUPLICATE_IN_BATCH",
      Severity.ERROR,
      "同一公民身份号码在本批登记中出现多次（每一选民只能登记一次）",
      Src.ONE_PLACE),
  BASIS_HUKOU(
      "REGISTER.BASIS.HUKOU",
      Severity.NOTICE,
      "在户籍所在地的选区登记（流动人口原则上在户籍所在地参加选举）",
      Citation.of(Src.PLAN_004, "", "seed 004 §二(二)4; seed-rules 3.1", Confidence.PLAN)),
  BASIS_RESIDENCE_CERTIFICATE(
      "REGISTER.BASIS.RESIDENCE_CERTIFICATE",
      Severity.NOTICE,
      "已迁居外地但没有转出户口的选民，取得原选区选民资格证明后，可以在现居住地的选区参加选举",
      Src.L2_ART9),
  CERTIFICATE_MISSING(
      "REGISTER.BASIS.CERTIFICATE_MISSING",
      Severity.ERROR,
      "在现居住地登记须凭户籍所在地（原选区）开具的选民资格证明，并记录出具单位、证明编号和出具日期",
      Src.L2_ART9),
  CERTIFICATE_DATE(
      "REGISTER.BASIS.CERTIFICATE_DATE", Severity.ERROR, "选民资格证明的出具日期不能晚于登记日期", Src.L2_ART9),
  BASIS_PREVIOUS_RESIDENCE(
      "REGISTER.BASIS.PREVIOUS_RESIDENCE",
      Severity.NOTICE,
      "已在现居住地参加过上一届选举的流动人口，经核对选民资格后，继续在现居住地参加选举",
      Citation.of(Src.PLAN_004, "", "seed 004 §二(二)4", Confidence.PLAN)),
  BASIS_WORKPLACE(
      "REGISTER.BASIS.WORKPLACE",
      Severity.NOTICE,
      "机关、团体、企业事业单位（包括垂直管理部门）的工作人员在工作单位所在选区登记",
      Citation.of(Src.PLAN_004, "", "seed 004 §二(二)4; L6 第十九条; L1 第二十五条", Confidence.PLAN)),
  WORKPLACE_MISSING(
      "REGISTER.BASIS.WORKPLACE_MISSING",
      Severity.ERROR,
      "在工作单位登记须写明工作单位",
      Citation.of(Src.PLAN_004, "", "seed 004 §二(二)4", Confidence.PLAN)),
  BASIS_COMMITTEE_DECISION(
      "REGISTER.BASIS.COMMITTEE_DECISION",
      Severity.NOTICE,
      "其他人员的选民登记由选举委员会研究决定（上海市实施细则；本省规定须核实）",
      Citation.of(Src.L6, "第十九条第一款第十三项", "L6", Confidence.I)),
  DECISION_MISSING(
      "REGISTER.BASIS.DECISION_MISSING",
      Severity.ERROR,
      "按选举委员会决定登记的，须记录决定的文号或日期",
      Citation.of(Src.L6, "第十九条第一款第十三项", "L6", Confidence.I)),

  // --- 上届登记结转 (carry-over between cycles), 选举法 第二十七条 ---
  CARRIED_OVER(
      "REGISTER.CARRY.KEPT", Severity.NOTICE, "选民登记按选区进行，经登记确认的选民资格长期有效，本届继续列入选民名单", Src.L1_ART27),
  NEW_ADULT("REGISTER.CARRY.NEW_ADULT", Severity.NOTICE, "上次选民登记以后新满十八周岁的，予以登记", Src.L1_ART27),
  RESTORED("REGISTER.CARRY.RESTORED", Severity.NOTICE, "被剥夺政治权利期满后恢复政治权利的选民，予以登记", Src.L1_ART27),
  MOVED_IN("REGISTER.CARRY.MOVED_IN", Severity.NOTICE, "选民经登记后迁入本选区的，列入新迁入选区的选民名单", Src.L1_ART27),
  MOVED_OUT("REGISTER.CARRY.MOVED_OUT", Severity.NOTICE, "选民经登记后迁出原选区的，从原选区选民名单中移出", Src.L1_ART27),
  DEATH("REGISTER.CARRY.DEATH", Severity.NOTICE, "死亡的，从选民名单上除名", Src.L1_ART27),
  NEWLY_DEPRIVED(
      "REGISTER.CARRY.DEPRIVED", Severity.NOTICE, "依照法律被剥夺政治权利的人，从选民名单上除名", Src.L1_ART27),
  NEWLY_INCAPABLE(
      "REGISTER.CARRY.INCAPACITY",
      Severity.NOTICE,
      "精神病患者不能行使选举权利的，经选举委员会确认，不列入本届选民名单",
      Src.L1_ART27_2),
  OTHER_ADDED(
      "REGISTER.CARRY.OTHER_ADDED",
      Severity.NOTICE,
      "其他新登记的选民（如上届漏登、不能行使选举权利的情形已消除），须写明理由",
      Citation.of(Src.LAW, "第二十七条", "L1（分类为本系统推断）", Confidence.I)),
  OTHER_REMOVED(
      "REGISTER.CARRY.OTHER_REMOVED",
      Severity.WARNING,
      "上届名单中的选民按本次人口信息已不符合选民条件（如原登记有误），予以除名，须写明理由并核实",
      Citation.of(Src.LAW, "第二十七条", "L1（分类为本系统推断）", Confidence.I)),
  UNACCOUNTED(
      "REGISTER.CARRY.UNACCOUNTED",
      Severity.WARNING,
      "上届名单中的选民在本次人口信息中没有记录；经登记确认的选民资格长期有效，暂予保留，请核实其是否迁出或死亡",
      Citation.of(Src.LAW, "第二十七条", "L1（处理方式为本系统推断）", Confidence.I)),
  BALANCE(
      "REGISTER.SUMMARY.BALANCE",
      Severity.ERROR,
      "各选区上届选民数＋本届增加人数－本届减少人数＝本届选民数",
      Citation.of("选民登记增减统计（本系统）", "", "", Confidence.I)),

  // --- 选民名单 (the voter list) ---
  LIST_CHANGE_D2(
      "REGISTER.LIST.CHANGE_D2",
      Severity.WARNING,
      "选民名单公布以后选民情况如有变动，应当在选举日的二日以前予以补正、公布（上海市实施细则；本省规定须核实）",
      Citation.of(Src.L6, "第二十四条", "L6; legal-rules B1.7", Confidence.I)),

  // --- 委托投票 (proxies of registered voters) ---
  PROXY_PRINCIPAL_NOT_REGISTERED(
      "REGISTER.PROXY.PRINCIPAL_NOT_REGISTERED", Severity.ERROR, "委托人须为本次选举已登记的选民", Src.L1_ART42),
  PROXY_HOLDER_NOT_REGISTERED(
      "REGISTER.PROXY.HOLDER_NOT_REGISTERED", Severity.ERROR, "受托人须为本次选举已登记的其他选民", Src.L1_ART42),
  PROXY_SELF("REGISTER.PROXY.SELF", Severity.ERROR, "委托人和受托人不能是同一人", Src.L1_ART42),

  // --- 居民信息 (the person register's fields) ---
  FIELD_REQUIRED(
      "REGISTER.FIELD.REQUIRED",
      Severity.ERROR,
      "必填项不能为空",
      Citation.of("居民信息填写规范（本系统）", "", "", Confidence.I)),
  FIELD_TOO_LONG(
      "REGISTER.FIELD.TOO_LONG",
      Severity.ERROR,
      "内容超过允许的长度",
      Citation.of("居民信息填写规范（本系统）", "", "", Confidence.I)),
  FIELD_NOT_ALLOWED(
      "REGISTER.FIELD.NOT_ALLOWED",
      Severity.ERROR,
      "取值不在允许的范围内",
      Citation.of("居民信息填写规范（本系统）", "", "", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  RegisterRule(String code, Severity severity, String messageZh, Citation citation) {
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
  private static final class Src {
    static final String LAW = "全国人民代表大会和地方各级人民代表大会选举法（2020）";
    static final String L2 = "全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定（1983）";
    static final String L6 = "上海市区县和乡镇人民代表大会代表直接选举实施细则（参照）";
    static final String PLAN_004 = "昂素镇人民代表大会换届选举工作方案（004）";
    static final Citation L1_ART4 =
        Citation.of(LAW, "第四条", "L1; legal-rules B1.1, B1.2", Confidence.V);
    static final Citation L1_ART27 =
        Citation.of(LAW, "第二十七条第一款", "L1; legal-rules B1.6", Confidence.V);
    static final Citation L1_ART27_2 =
        Citation.of(LAW, "第二十七条第二款", "L1; legal-rules B1.3", Confidence.V);
    static final Citation L1_ART42 =
        Citation.of(LAW, "第四十二条", "L1; legal-rules B3.5", Confidence.V);
    static final Citation L2_ART9 = Citation.of(L2, "第九条第二款", "L2", Confidence.V);
    static final Citation ONE_PLACE =
        Citation.of(LAW, "第五条、第二十七条", "L1; L6 第十九条（“每一选民只能在一个选区进行选民登记”）", Confidence.S);
  }
}
