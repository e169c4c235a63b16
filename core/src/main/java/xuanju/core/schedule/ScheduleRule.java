package xuanju.core.schedule;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * The deadline and timeline rules (期限规则): one constant per milestone of the built-in timeline
 * templates, plus the day-counting and calendar rules that every computation shares.
 *
 * <p>Severity: a missed pre-election deadline that the law or plan states as a duty of the election
 * body is an {@link Severity#ERROR}; a window that belongs to voters (objections, court) and
 * post-election paperwork are {@link Severity#WARNING}s.
 */
public enum ScheduleRule implements Rule {
  // --- people's congress, direct election (选举法 2020, L1) ---
  NPC_VOTER_LIST_D20(
      "NPC.DEADLINE.VOTER_LIST_D20",
      Severity.ERROR,
      "选民名单应在选举日的二十日以前公布",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第二十八条", "L1", Confidence.V)),
  NPC_OBJECTION_5D(
      "NPC.DEADLINE.OBJECTION_5D",
      Severity.WARNING,
      "对选民名单有不同意见的，可以在选民名单公布之日起五日内向选举委员会提出申诉",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第二十九条", "L1", Confidence.V)),
  NPC_OBJECTION_DECISION_3D(
      "NPC.DEADLINE.OBJECTION_DECISION_3D",
      Severity.ERROR,
      "选举委员会对申诉意见应在三日内作出处理决定",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第二十九条", "L1", Confidence.V)),
  NPC_COURT_D5(
      "NPC.DEADLINE.COURT_D5",
      Severity.WARNING,
      "申诉人对处理决定不服的，可以在选举日的五日以前向人民法院起诉",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第二十九条", "L1", Confidence.V)),
  NPC_CANDIDATE_LIST_D15(
      "NPC.DEADLINE.CANDIDATE_LIST_D15",
      Severity.ERROR,
      "代表候选人名单及候选人的基本情况应在选举日的十五日以前公布",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第三十二条", "L1", Confidence.V)),
  NPC_FORMAL_LIST_D7(
      "NPC.DEADLINE.FORMAL_LIST_D7",
      Severity.ERROR,
      "正式代表候选人名单及候选人的基本情况应在选举日的七日以前公布（2020年修正前为五日）",
      Citation.of("全国人民代表大会和地方各级人民代表大会选举法（2020）", "第三十二条", "L1", Confidence.V)),

  // --- village committee (村民委员会组织法, L3) ---
  VILLAGE_VOTER_LIST_D20(
      "VILLAGE.DEADLINE.VOTER_LIST_D20",
      Severity.ERROR,
      "登记参加选举的村民名单应当在选举日的二十日前由村民选举委员会公布",
      Citation.of("中华人民共和国村民委员会组织法（2018）", "第十四条", "L3", Confidence.V)),
  VILLAGE_OBJECTION_5D(
      "VILLAGE.DEADLINE.OBJECTION_5D",
      Severity.WARNING,
      "对登记参加选举的村民名单有异议的，应当自名单公布之日起五日内向村民选举委员会申诉",
      Citation.of("中华人民共和国村民委员会组织法（2018）", "第十四条", "L3", Confidence.V)),
  VILLAGE_OBJECTION_DECISION_3D(
      "VILLAGE.DEADLINE.OBJECTION_DECISION_3D",
      Severity.ERROR,
      "村民选举委员会应当自收到申诉之日起三日内作出处理决定，并公布处理结果",
      Citation.of("中华人民共和国村民委员会组织法（2018）", "第十四条", "L3", Confidence.V)),

  // --- residents' committee (no national rule; R8 community rule, engine default C2.3) ---
  RESIDENTS_VOTER_LIST_D20(
      "RESIDENTS.DEADLINE.VOTER_LIST_D20",
      Severity.ERROR,
      "选民登记日（名单公布）应在选举日的二十日以前（社区选举规则；各省居委会选举办法另有规定的从其规定）",
      Citation.of("社区居民委员会选举规则（2009，R8）", "第十一条至第十四条", "R8", Confidence.S)),
  RESIDENTS_OBJECTION_5D(
      "RESIDENTS.DEADLINE.OBJECTION_5D",
      Severity.WARNING,
      "对选民名单有异议的，自名单公布之日起五日内申诉（参照村民委员会组织法，须按本省规定核实）",
      Citation.of("中华人民共和国村民委员会组织法（2018）（参照适用）", "第十四条", "C2.3", Confidence.I)),
  RESIDENTS_OBJECTION_DECISION_3D(
      "RESIDENTS.DEADLINE.OBJECTION_DECISION_3D",
      Severity.ERROR,
      "居民选举委员会自收到申诉之日起三日内作出处理决定（参照村民委员会组织法，须按本省规定核实）",
      Citation.of("中华人民共和国村民委员会组织法（2018）（参照适用）", "第十四条", "C2.3", Confidence.I)),

  // --- party branch (seed plans 000 and 001) ---
  PARTY_PUBLICITY_FIVE_CATEGORIES_3D(
      "PARTY.PUBLICITY.FIVE_CATEGORIES_3D",
      Severity.ERROR,
      "不参加党员大会的五类人员名单应在党员大会召开前公示3天以上",
      Citation.of("代力吉镇机关支部委员会换届选举工作方案（000）", "", "PB-01", Confidence.PLAN)),
  PARTY_PUBLICITY_PRELIMINARY_5D(
      "PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D",
      Severity.ERROR,
      "支部委员会委员候选人初步人选应公示，公示期不少于5天",
      Citation.of("代力吉镇机关支部委员会换届选举工作方案（000）", "", "PB-02", Confidence.PLAN)),
  PARTY_MEETING_NOTICE_2D(
      "PARTY.NOTICE.MEETING_2D",
      Severity.ERROR,
      "党员大会的会议通知至少提前2天发出",
      Citation.of("党支部换届选举工作方案十九篇（001）第15篇", "", "DL-04", Confidence.PLAN)),
  PARTY_REPORT_1_WEEK(
      "PARTY.REPORT.WITHIN_1_WEEK",
      Severity.WARNING,
      "选举工作结束后一周内向上级党组织报送选举情况报告（一式三份）",
      Citation.of("党支部换届选举工作方案十九篇（001）第13篇", "", "DL-03", Confidence.PLAN)),
  PARTY_SECRETARY_FILE_15D(
      "PARTY.FILING.SECRETARY_15D",
      Severity.WARNING,
      "换届选举工作结束后15天内将书记“一人一档”材料报县委组织部备案",
      Citation.of("党支部换届选举工作方案十九篇（001）第15篇", "", "DL-04", Confidence.PLAN)),

  // --- delegates to a higher party congress (seed 003 "程序步骤", DL-07; the conference is 4/10) ---
  DELEGATES_PLAN_D61(
      "DELEGATES.DEADLINE.PLAN",
      Severity.WARNING,
      "制定代表选举工作方案（2月8日前，即党代表会议召开日前61日）",
      plan003("制定工作方案")),
  DELEGATES_DEPLOYMENT_D59(
      "DELEGATES.DEADLINE.DEPLOYMENT",
      Severity.WARNING,
      "召开代表选举工作部署会，启动推荐提名（2月10日前，即党代表会议召开日前59日）",
      plan003("进行工作部署")),
  DELEGATES_RECOMMENDATION_D48(
      "DELEGATES.DEADLINE.RECOMMENDATION",
      Severity.ERROR,
      "各推荐单位完成推荐提名并报送推荐人选（2月21日前，即党代表会议召开日前48日）",
      plan003("开展推荐提名")),
  DELEGATES_SUBJECTS_D40(
      "DELEGATES.DEADLINE.SUBJECTS",
      Severity.ERROR,
      "区委常委会研究提出初步人选考察对象名单（3月1日前，即党代表会议召开日前40日）",
      plan003("确定初步人选考察对象名单")),
  DELEGATES_VETTING_D31(
      "DELEGATES.DEADLINE.VETTING",
      Severity.ERROR,
      "组织考察并在考察对象所在单位公示（3月10日前，即党代表会议召开日前31日）",
      plan003("组织考察并公示")),
  DELEGATES_VETTING_PUBLICITY_5WD(
      "DELEGATES.DEADLINE.VETTING_PUBLICITY_5WD",
      Severity.ERROR,
      "考察对象在所在单位公示5个工作日，须在考察截止日前期满",
      plan003("组织考察并公示")),
  DELEGATES_PRELIMINARY_D21(
      "DELEGATES.DEADLINE.PRELIMINARY",
      Severity.ERROR,
      "区委常委会研究提出初步人选并经市委同意后公示（3月20日前，即党代表会议召开日前21日）",
      plan003("确定代表候选人初步人选并公示")),
  DELEGATES_PRELIMINARY_PUBLICITY_5WD(
      "DELEGATES.DEADLINE.PRELIMINARY_PUBLICITY_5WD",
      Severity.ERROR,
      "初步人选在全区范围内公示5个工作日，须在初步人选截止日前期满",
      plan003("确定代表候选人初步人选并公示")),
  DELEGATES_PREPARATORY_D10(
      "DELEGATES.DEADLINE.PREPARATORY",
      Severity.ERROR,
      "区委全会圈选代表候选人预备人选并报市委组织部（3月31日前，即党代表会议召开日前10日）",
      plan003("确定代表候选人预备人选")),
  DELEGATES_CONFERENCE(
      "DELEGATES.DEADLINE.CONFERENCE",
      Severity.NOTICE,
      "市委批复预备人选后召开党代表会议选举代表，并向市委报送代表选举情况报告、代表名册和代表登记表（4月10日前）",
      plan003("代表选举并上报市委")),

  // --- shared: anchor, day counting, calendar ---
  ELECTION_DAY(
      "SCHEDULE.ANCHOR.ELECTION_DAY",
      Severity.NOTICE,
      "选举日（或党员大会召开日）由选举工作方案确定，是倒排各期限的基准日",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.PLAN)),
  HOLIDAY_EXTENDED(
      "SCHEDULE.HOLIDAY.EXTENDED",
      Severity.NOTICE,
      "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（是否适用于选举期限属推断）",
      Citation.of("中华人民共和国民法典", "第二百零三条", "B1.8", Confidence.I)),
  HOLIDAY_MOVED_EARLIER(
      "SCHEDULE.HOLIDAY.MOVED_EARLIER",
      Severity.NOTICE,
      "期限末日为休息日，按本次设置提前到此前最后一个工作日（工作安排，非法律要求）",
      Citation.of("选举工作方案（本地方案）", "", "B1.8", Confidence.I)),
  CALENDAR_YEAR_UNKNOWN(
      "SCHEDULE.CALENDAR.YEAR_UNKNOWN",
      Severity.WARNING,
      "计算涉及的年份没有节假日和调休数据（tyme4j 与本地日历均未收录），已按周一至周五为工作日计算，结果可能有误，请补录该年放假安排",
      Citation.of("国务院办公厅关于部分节假日安排的通知（逐年发布）", "", "", Confidence.S));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  ScheduleRule(String code, Severity severity, String messageZh, Citation citation) {
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

  private static Citation plan003(String section) {
    return Citation.of(
        "XX区选举出席XX市第十二次党代会代表工作方案（003）", "“" + section + "”", "DL-07", Confidence.PLAN);
  }
}
