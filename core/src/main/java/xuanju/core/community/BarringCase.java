package xuanju.core.community;

import java.time.LocalDate;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * The 17 cases in which a person may not be made a candidate for the community "two committees"
 * (不能确定为社区“两委”候选人的情形, 负面清单), seed 002 三（二）, verbatim. "凡有以上情形的人员，一律不能作为候选人，通过另选他人当选的 当选无效": a
 * write-in winner with a confirmed case is not elected either ({@code
 * COUNT.INELIGIBLE.NOT_ELECTED}). Each case names the body that usually holds the record ({@link
 * #usualBody()}) and, for the two cases with a time limit, the number of years ({@link
 * #periodYears()}).
 */
public enum BarringCase implements Rule {
  CRIMINAL(1, "CRIMINAL", "受过刑事处罚，或犯罪情节轻微、人民检察院依法作出不起诉决定或人民法院免于刑事处罚的", ReviewBody.COURT, 0),
  VICE_PENALTY(2, "VICE_PENALTY", "因吸毒、卖淫、嫖娼等行为受过行政处罚，或因赌博受过行政拘留的", ReviewBody.PUBLIC_SECURITY, 0),
  GANG(3, "GANG", "涉及黑恶势力或被认定为“村霸”的", ReviewBody.PUBLIC_SECURITY, 0),
  DISHONESTY(4, "DISHONESTY", "因恶意失信行为被有关部门处理未满3年的", ReviewBody.CREDIT, 3),
  CULT(5, "CULT", "参加邪教组织、从事非法宗教活动、组织封建迷信活动的", ReviewBody.ETHNIC_RELIGIOUS, 0),
  SANCTION_PERIOD(6, "SANCTION_PERIOD", "受到党纪政务处分影响期未满的", ReviewBody.DISCIPLINE, 0),
  TEXTBOOKS(
      7,
      "TEXTBOOKS",
      "在推行国家统编教材工作中，因不担当、不作为受到党纪政务处分，或利用民族问题蛊惑、煽动他人消极抵制造成不良影响的",
      ReviewBody.DISCIPLINE,
      0),
  MISAPPROPRIATION(
      8,
      "MISAPPROPRIATION",
      "在担任嘎查村、社区“两委”干部期间，因侵占集体资金资产资源或涉农涉牧资金、帮扶资金、社会救助资金被有关部门查处的",
      ReviewBody.DISCIPLINE,
      0),
  AUDIT_LEADS(9, "AUDIT_LEADS", "在任期经济责任审计或其他专项审计中存在问题线索尚未查清的", ReviewBody.AUDIT, 0),
  UNDER_INVESTIGATION(
      10, "UNDER_INVESTIGATION", "涉嫌违纪违法正在接受纪律审查、监察调查或涉嫌犯罪司法程序尚未终结的", ReviewBody.DISCIPLINE, 0),
  DISMISSED(
      11,
      "DISMISSED",
      "原社区“两委”成员近2年内被责令辞职及以上或罢免，民主评议连续两次不称职或被评议为不合格党员的",
      ReviewBody.ORGANISATION,
      2),
  MORALS(12, "MORALS", "道德品行低劣，在群众中影响较坏的", ReviewBody.ORGANISATION, 0),
  PETITIONING(13, "PETITIONING", "长期无理上访或组织、煽动群众上访，影响社会稳定的", ReviewBody.PETITIONS, 0),
  ELECTION_MISCONDUCT(
      14,
      "ELECTION_MISCONDUCT",
      "存在拉票贿选等违反换届纪律行为，或以造谣、诬告、暴力、威胁、欺骗等手段干扰破坏换届的",
      ReviewBody.DISCIPLINE,
      0),
  IMPROPER_ADMISSION(
      15,
      "IMPROPER_ADMISSION",
      "党员发展过程中存在“带病入党”、弄虚作假、徇私舞弊、严重违反入党程序等4类违规违纪问题，且经分析认定本人不符合党员条件、不予承认党员身份的",
      ReviewBody.ORGANISATION,
      0),
  EPIDEMIC(16, "EPIDEMIC", "在新冠肺炎疫情防控工作中，因不担当、不作为受到党纪政务处分，或造成严重不良影响的", ReviewBody.DISCIPLINE, 0),
  INCAPACITY(17, "INCAPACITY", "丧失行为能力等其他不宜确定为候选人的情形", ReviewBody.CIVIL_AFFAIRS, 0);

  private static final Citation SOURCE =
      Citation.of(CommunityRule.Src.PLAN_002, "三（二）", "seed-rules §3.3 A", Confidence.PLAN);

  private final int number;
  private final String code;
  private final String textZh;
  private final ReviewBody usualBody;
  private final int periodYears;

  BarringCase(int number, String name, String textZh, ReviewBody usualBody, int periodYears) {
    this.number = number;
    this.code = String.format("COMMUNITY.BAR.%02d_%s", number, name);
    this.textZh = textZh;
    this.usualBody = usualBody;
    this.periodYears = periodYears;
  }

  /** The number in the seed's list, 1–17. */
  public int number() {
    return number;
  }

  /** The case as the seed words it, e.g. {@code 涉及黑恶势力或被认定为“村霸”的}. */
  public String textZh() {
    return textZh;
  }

  /** The body that usually holds the record. */
  public ReviewBody usualBody() {
    return usualBody;
  }

  /**
   * Years after which the case no longer bars (4: 处理未满3年; 11: 近2年内被责令辞职或罢免), 0 when it always bars.
   * For case 11 the period applies to the resignation or recall; the appraisal parts have no date
   * and always bar.
   */
  public int periodYears() {
    return periodYears;
  }

  /**
   * Whether a case decided on {@code decided} still bars on {@code referenceDay}: always for a case
   * without a period or without a date; otherwise while fewer than {@link #periodYears()} full
   * years have passed ("未满3年": on the third anniversary it no longer bars).
   */
  public boolean bars(LocalDate decided, LocalDate referenceDay) {
    if (periodYears == 0 || decided == null) {
      return true;
    }
    return referenceDay.isBefore(decided.plusYears(periodYears));
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
    return "不能确定为社区“两委”候选人（第" + number + "项）：" + textZh;
  }

  @Override
  public Citation citation() {
    return SOURCE;
  }
}
