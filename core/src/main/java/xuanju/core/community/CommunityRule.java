package xuanju.core.community;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Rules of the community "two committees" election (社区“两委”换届规则) other than the 17 barring cases
 * ({@link BarringCase}). The residents' committee law (居组法) says little about procedure; where a
 * rule is read from the villagers' committee law (村组法) by analogy, the citation says so and is
 * tagged {@link Confidence#I}. The 内蒙古 implementing rules are not in the reference material (see
 * {@code ProvincialVariants}); the seed plan 002 of a 内蒙古 community is cited as {@link
 * Confidence#PLAN}.
 */
public enum CommunityRule implements Rule {
  ELECTION_COMMITTEE_ODD(
      "RESIDENTS.ELECTION_COMMITTEE.ODD", Severity.ERROR, "居民选举委员会成员人数应为奇数", Src.SZ09),
  ELECTION_COMMITTEE_AT_LEAST_3(
      "RESIDENTS.ELECTION_COMMITTEE.AT_LEAST_3", Severity.ERROR, "居民选举委员会成员不少于三人", Src.R9),
  ELECTION_COMMITTEE_SIZE(
      "RESIDENTS.ELECTION_COMMITTEE.SIZE",
      Severity.WARNING,
      "居民选举委员会成员人数与选举工作方案的规定不符（诺恩吉雅社区方案为5人）",
      Src.SZ09),
  ELECTION_COMMITTEE_CHOSEN_BY(
      "RESIDENTS.ELECTION_COMMITTEE.CHOSEN_BY",
      Severity.ERROR,
      "居民选举委员会成员由居民会议、居民代表会议或者各居民小组会议推选产生，不得指定",
      Src.VILLAGE_12),
  ELECTION_COMMITTEE_CANDIDATE(
      "RESIDENTS.ELECTION_COMMITTEE.CANDIDATE",
      Severity.ERROR,
      "居民选举委员会成员被提名为居民委员会成员候选人的，应当退出居民选举委员会",
      Src.VILLAGE_12),
  ELECTION_COMMITTEE_VACANCY(
      "RESIDENTS.ELECTION_COMMITTEE.VACANCY",
      Severity.ERROR,
      "居民选举委员会成员退出或者出缺的，按照原推选结果依次递补，也可以另行推选；须记录递补或另行推选的人员",
      Src.VILLAGE_12),
  ELECTION_COMMITTEE_REPLACED(
      "RESIDENTS.ELECTION_COMMITTEE.REPLACED",
      Severity.NOTICE,
      "居民选举委员会出缺的成员已依次递补或者另行推选",
      Src.VILLAGE_12),
  ELECTORATE_MODE(
      "RESIDENTS.ELECTORATE.MODE",
      Severity.NOTICE,
      "居民委员会由本居住地区全体有选举权的居民或者由每户派代表选举产生；根据居民意见，也可以由每个居民小组选举代表二至三人选举产生",
      Src.RESIDENTS_8),
  ELECTORATE_HOUSEHOLD_ONE(
      "RESIDENTS.ELECTORATE.HOUSEHOLD_ONE", Severity.ERROR, "户代表选举时，每户只能派一名代表", Src.RESIDENTS_8),
  ELECTORATE_GROUP_2_3(
      "RESIDENTS.ELECTORATE.GROUP_2_3",
      Severity.ERROR,
      "居民小组代表选举时，每个居民小组选举代表二至三人",
      Src.RESIDENTS_8),
  ELECTORATE_UNIT_KNOWN(
      "RESIDENTS.ELECTORATE.UNIT_KNOWN",
      Severity.ERROR,
      "每户派代表选举须知道每名登记选民的户号，居民小组代表选举须知道每名登记选民所在的居民小组，否则无法计算户数或确定代表",
      Src.RESIDENTS_8),
  ELECTORATE_NOT_ON_ROLL(
      "RESIDENTS.ELECTORATE.NOT_ON_ROLL", Severity.ERROR, "户代表或居民小组代表须是登记参加选举的居民", Src.RESIDENTS_8),
  ELECTORATE_NOT_ELECTOR(
      "RESIDENTS.ELECTORATE.NOT_ELECTOR",
      Severity.ERROR,
      "按本次选举方式，该居民不是选举人（不是本户代表或本居民小组代表），不能领取选票",
      Src.RESIDENTS_8),
  ELECTORATE_ALREADY_CHECKED_IN(
      "RESIDENTS.ELECTORATE.ALREADY_CHECKED_IN",
      Severity.ERROR,
      "已经签到领票（户代表选举时，同一户已有人签到领票），不能再次领票",
      Src.RESIDENTS_8),
  REVIEW_OPINION_MISSING(
      "COMMUNITY.REVIEW.OPINION_MISSING",
      Severity.ERROR,
      "资格联审须收到各联审部门的书面反馈意见后，方能确定审查合格",
      Src.PLAN_REVIEW),
  REVIEW_NOT_WRITTEN("COMMUNITY.REVIEW.NOT_WRITTEN", Severity.ERROR, "联审意见须书面反馈", Src.PLAN_REVIEW),
  REVIEW_EVIDENCE_MISSING(
      "COMMUNITY.REVIEW.EVIDENCE_MISSING",
      Severity.WARNING,
      "联审部门提出的负面清单情形没有写明事实依据，须核实后方能认定",
      Src.PLAN_REVIEW),
  REVIEW_PERIOD_EXPIRED(
      "COMMUNITY.REVIEW.PERIOD_EXPIRED",
      Severity.NOTICE,
      "该情形的期限（如恶意失信处理未满3年、近2年内被责令辞职或罢免）已满，不再构成不能确定为候选人的情形",
      Src.PLAN_BARS),
  REVIEW_CLEARED(
      "COMMUNITY.REVIEW.CLEARED", Severity.NOTICE, "资格联审合格：各联审部门均已书面反馈，未认定负面清单情形", Src.PLAN_REVIEW),
  RELATIVES_TWO_COMMITTEES(
      "COMMUNITY.RELATIVES.TWO_COMMITTEES",
      Severity.ERROR,
      "社区“两委”成员实行近亲属（配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女）回避",
      Src.PLAN_RELATIVES),
  SUPERVISION_RC_RELATIVE(
      "RESIDENTS.SUPERVISION.RC_RELATIVE",
      Severity.WARNING,
      "居民委员会成员的近亲属不宜担任居务监督委员会成员（参照村民委员会组织法）",
      Src.VILLAGE_32),
  STAFF_CANDIDATE("RESIDENTS.STAFF.CANDIDATE", Severity.ERROR, "候选人不得担任监票人、计票人", Src.ELECTORAL_43),
  STAFF_CANDIDATE_RELATIVE(
      "RESIDENTS.STAFF.CANDIDATE_RELATIVE", Severity.ERROR, "候选人的近亲属不得担任监票人、计票人", Src.ELECTORAL_43),
  WRITER_NOT_VETTED(
      "RESIDENTS.WRITER.NOT_VETTED", Severity.ERROR, "代写人须经居民选举委员会审查并登记", Src.PLAN_WRITER),
  WRITER_CANDIDATE("RESIDENTS.WRITER.CANDIDATE", Severity.ERROR, "候选人不得为他人代写选票", Src.LOCAL_31),
  WRITER_CANDIDATE_RELATIVE(
      "RESIDENTS.WRITER.CANDIDATE_RELATIVE",
      Severity.ERROR,
      "代写人不能与竞选人有近亲属（配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女）关系",
      Src.PLAN_WRITER),
  SUPERVISION_SIZE(
      "RESIDENTS.SUPERVISION.SIZE", Severity.ERROR, "社区居务监督委员会由3人组成", Src.PLAN_SUPERVISION),
  SUPERVISION_RC_MEMBER(
      "RESIDENTS.SUPERVISION.RC_MEMBER",
      Severity.ERROR,
      "社区居民委员会成员不得兼任居务监督委员会组成人员",
      Src.PLAN_SUPERVISION),
  SUPERVISION_CHAIR(
      "RESIDENTS.SUPERVISION.CHAIR",
      Severity.WARNING,
      "居务监督委员会主任原则上由社区党组织纪委书记或纪检委员担任",
      Src.PLAN_SUPERVISION),
  SUPERVISION_CHOSEN_BY(
      "RESIDENTS.SUPERVISION.CHOSEN_BY",
      Severity.ERROR,
      "居务监督委员会成员由居民代表会议（或居民会议）推选产生",
      Src.PLAN_SUPERVISION),
  COUNT_CARRY_DOWN(
      "RESIDENTS.COUNT.CARRY_DOWN",
      Severity.NOTICE,
      "主任、副主任、委员在一张选票上选举时，落选的主任候选人所得票数计入其副主任、委员得票，落选的副主任候选人所得票数计入其委员得票",
      Src.R10_CARRY),
  COUNT_SEPARATE(
      "RESIDENTS.COUNT.SEPARATE",
      Severity.NOTICE,
      "主任、副主任、委员分别计票，落选的主任、副主任候选人所得票数不计入其他职位",
      Src.R10_CARRY),
  ONE_SHOULDER(
      "COMMUNITY.TWO_COMMITTEES.ONE_SHOULDER",
      Severity.WARNING,
      "社区党组织书记应当通过法定程序担任居民委员会主任（“一肩挑”）",
      Src.PLAN_CROSS),
  CROSS_POST(
      "COMMUNITY.TWO_COMMITTEES.CROSS_POST",
      Severity.NOTICE,
      "推行社区党组织委员会和居民委员会成员交叉任职",
      Src.PLAN_CROSS),
  METHOD_CONTENTS(
      "RESIDENTS.METHOD.CONTENTS",
      Severity.NOTICE,
      "选举办法应当写明居委会成员条件、不宜确定为候选人的情形、候选人产生办法、选民资格认定、委托投票、违法行为的认定处理、有效选票认定和回避",
      Src.PLAN_METHOD),
  METHOD_QUORUM(
      "RESIDENTS.METHOD.QUORUM",
      Severity.ERROR,
      "居民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意",
      Src.VILLAGE_26),
  METHOD_ADOPTED(
      "RESIDENTS.METHOD.ADOPTED",
      Severity.ERROR,
      "选举办法由居民代表会议讨论通过后张榜公布；通过后选举方式等内容不得擅自变更",
      Src.PLAN_METHOD),
  METHOD_PROXY_CAP(
      "RESIDENTS.METHOD.PROXY_CAP", Severity.ERROR, "每一选民接受的委托不得超过三人（选举办法可规定更少）", Src.ELECTORAL_42),
  /** 居务监督委员会 elected at a 居民代表会议: over half of the attendees (the quorum rule of 第二十六条). */
  SUPERVISION_MAJORITY(
      "RESIDENTS.SUPERVISION.MAJORITY",
      Severity.ERROR,
      "居务监督委员会成员由推选会议到会人员的过半数同意方可当选；居民代表会议须有三分之二以上的组成人员参加",
      Src.VILLAGE_26),
  /** A 居民会议 is held with over half present and decides by over half of them. */
  RESIDENTS_MEETING_QUORUM(
      "RESIDENTS.MEETING.QUORUM",
      Severity.ERROR,
      "居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行；会议的决定，由出席人的过半数通过",
      Src.RESIDENTS_9),
  /** 居民代表: one per about 50 households of a grid (三级网格). */
  REPRESENTATIVES_SEATS(
      "RESIDENTS.REPRESENTATIVES.SEATS",
      Severity.ERROR,
      "居民代表按三级网格区域每50户左右划分若干选区，各推选1人；推选的代表人数不得超过本网格的名额",
      Src.PLAN_REPRESENTATIVES),
  /** The households' meeting of a grid: two thirds of the households represented. */
  REPRESENTATIVES_TURNOUT(
      "RESIDENTS.REPRESENTATIVES.TURNOUT",
      Severity.ERROR,
      "推选居民代表，应当有本选区三分之二以上的户的代表参加",
      Src.VILLAGE_28),
  /** A representative is elected by over half of the households present. */
  REPRESENTATIVES_MAJORITY(
      "RESIDENTS.REPRESENTATIVES.MAJORITY",
      Severity.ERROR,
      "居民代表须获得到会户代表的过半数同意方可当选；每户所投人数不得超过本选区名额",
      Src.VILLAGE_28),
  /** A representative lives in the grid that elects them. */
  REPRESENTATIVES_GRID(
      "RESIDENTS.REPRESENTATIVES.GRID",
      Severity.ERROR,
      "居民代表由本网格（居民小组）的居民推选，须是本网格登记在册的居民",
      Src.PLAN_REPRESENTATIVES),
  /** The plan encourages electing party members as representatives: the share is shown. */
  REPRESENTATIVES_PARTY(
      "RESIDENTS.REPRESENTATIVES.PARTY",
      Severity.NOTICE,
      "提倡依法将党员推选为居民代表",
      Src.PLAN_REPRESENTATIVES),
  PARTY_COMMITTEE_SIZE(
      "COMMUNITY.PARTY.COMMITTEE_SIZE",
      Severity.WARNING,
      "社区党组织委员会职数为5人（诺恩吉雅社区方案）",
      Src.PLAN_POSTS),
  PARTY_FULL_TIME_DEPUTY(
      "COMMUNITY.PARTY.FULL_TIME_DEPUTY", Severity.ERROR, "社区党组织委员会含专职副书记1名", Src.PLAN_POSTS),
  PARTY_SECRETARY(
      "COMMUNITY.PARTY.SECRETARY",
      Severity.ERROR,
      "新选举产生的社区党组织委员会设书记1名，由委员会会议选举产生",
      Src.PLAN_PARTY_VOTE),
  PARTY_DEPUTY_DIRECTOR(
      "COMMUNITY.PARTY.DEPUTY_DIRECTOR",
      Severity.WARNING,
      "社区党组织委员会成员中应有1名拟通过法定程序担任居民委员会副主任（交叉任职）",
      Src.PLAN_POSTS),
  TERM_PARTY_FIRST(
      "COMMUNITY.TERM.PARTY_FIRST",
      Severity.NOTICE,
      "社区党组织换届先行（1月中旬前完成），居民委员会选举在社区党组织领导下进行",
      Src.PLAN_SCHEDULE),
  TERM_DEADLINE(
      "COMMUNITY.TERM.DEADLINE",
      Severity.WARNING,
      "社区“两委”换届各部分应在工作方案规定的时限前完成：党组织1月中旬前，居民委员会1月底前，居务监督委员会3月底前",
      Src.PLAN_SCHEDULE),
  /**
   * ST-03: the share of the 两委 team (distinct persons on both committees) with 大专（含大专）以上 higher
   * than the previous term's; compared as exact fractions, an equal share is not higher.
   */
  COLLEGE_ABOVE_PREVIOUS(
      "COMMUNITY.TWO_COMMITTEES.COLLEGE_ABOVE_PREVIOUS",
      Severity.WARNING,
      "社区“两委”班子成员中大专（含大专）以上文化程度的比例要高于上届",
      Src.PLAN_STRUCTURE_03),
  /** ST-04: the residents' committee's share of party members higher than the previous term's. */
  PARTY_ABOVE_PREVIOUS(
      "RESIDENTS.STRUCTURE.PARTY_ABOVE_PREVIOUS",
      Severity.WARNING,
      "居民委员会成员中党员比例高于上届",
      Src.PLAN_STRUCTURE_04),
  /**
   * Each box's tally sheet of a post is entered by two clerks; it counts once both entries agree
   * (the plan's 规范唱票计票方式; as the congress's {@code NPC.POLL.DOUBLE_ENTRY}).
   */
  COUNT_DOUBLE_ENTRY(
      "RESIDENTS.COUNT.DOUBLE_ENTRY",
      Severity.ERROR,
      "规范唱票计票方式：计票单由两名计票人分别录入，两次录入完全一致方可确认",
      Src.PLAN_WRITER),
  /** The election meeting opens with the formal candidates' statements, then the vote. */
  DAY_STATEMENTS(
      "RESIDENTS.DAY.STATEMENTS", Severity.ERROR, "选举大会首先组织正式候选人进行竞职陈述，然后组织选民投票", Src.PLAN_WRITER),
  /** 候选人现场回避: the candidates vote together first, then all leave the meeting place. */
  DAY_CANDIDATES_FIRST(
      "RESIDENTS.DAY.CANDIDATES_FIRST",
      Severity.ERROR,
      "实行候选人现场回避制度，候选人在选举日应先集中投票、再集体回避，不得在选举现场影响选民自主投票",
      Src.PLAN_WRITER);

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  CommunityRule(String code, Severity severity, String messageZh, Citation citation) {
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

  /** The sources. */
  static final class Src {
    private Src() {}

    static final String PLAN_002 = "大沁他拉街道诺恩吉雅社区“两委”选举工作方案（种子 002）";
    static final String RESIDENTS_LAW = "城市居民委员会组织法（2018）";
    static final String VILLAGE_LAW = "村民委员会组织法（2018）（居民委员会参照适用）";
    static final Citation SZ09 = Citation.of(PLAN_002, "四（二）2（1）", "SZ-09", Confidence.PLAN);
    static final Citation R9 =
        Citation.of("民政部《村民委员会选举规程》（居民委员会参照适用）", "", "R9; legal-rules C1.16", Confidence.S);
    static final Citation VILLAGE_12 =
        Citation.of(VILLAGE_LAW, "第十二条", "L3; legal-rules C1.2", Confidence.I);
    static final Citation VILLAGE_32 =
        Citation.of(VILLAGE_LAW, "第三十二条", "L3; seed-rules §1.4", Confidence.I);
    static final Citation RESIDENTS_8 =
        Citation.of(RESIDENTS_LAW, "第八条", "L4; legal-rules C2.1", Confidence.V);
    static final Citation PLAN_REVIEW =
        Citation.of(PLAN_002, "三（三）、四（二）2（4）", "seed-rules §3.3 A, §4.4", Confidence.PLAN);
    static final Citation PLAN_BARS =
        Citation.of(PLAN_002, "三（二）", "seed-rules §3.3 A", Confidence.PLAN);
    static final Citation PLAN_RELATIVES =
        Citation.of(PLAN_002, "三（三）", "seed-rules §3.4 R-1", Confidence.PLAN);
    static final Citation PLAN_WRITER =
        Citation.of(PLAN_002, "四（二）2（5）", "seed-rules §3.4 R-2, §3.5", Confidence.PLAN);
    static final Citation PLAN_SUPERVISION =
        Citation.of(PLAN_002, "四（二）3（1）", "SZ-10; seed-rules §1.4", Confidence.PLAN);
    static final Citation PLAN_CROSS =
        Citation.of(PLAN_002, "三（一）、三（四）", "seed-rules §1.9", Confidence.PLAN);
    static final Citation ELECTORAL_43 =
        Citation.of(
            "全国人民代表大会和地方各级人民代表大会选举法（2020）（居民委员会参照适用）",
            "第四十三条",
            "L1; R10; legal-rules B3.3, C1.9",
            Confidence.I);
    static final Citation LOCAL_31 =
        Citation.of(
            "中国共产党地方组织选举工作条例（2020）（居民委员会参照适用）", "第三十一条", "P15; legal-rules D6", Confidence.I);
    static final Citation PLAN_METHOD =
        Citation.of(PLAN_002, "四（二）2（2）", "PB-17; seed-rules §4.4", Confidence.PLAN);
    static final Citation VILLAGE_26 = Citation.of(VILLAGE_LAW, "第二十六条", "L3", Confidence.I);
    static final Citation VILLAGE_28 = Citation.of(VILLAGE_LAW, "第二十八条", "L3", Confidence.I);
    static final Citation RESIDENTS_9 = Citation.of(RESIDENTS_LAW, "第九条", "L4", Confidence.V);
    static final Citation PLAN_REPRESENTATIVES =
        Citation.of(PLAN_002, "四（二）3（2）", "seed 002", Confidence.PLAN);
    static final Citation ELECTORAL_42 =
        Citation.of(
            "全国人民代表大会和地方各级人民代表大会选举法（2020）（居民委员会参照适用）",
            "第四十二条",
            "L1; legal-rules B3.5",
            Confidence.I);
    static final Citation PLAN_POSTS =
        Citation.of(PLAN_002, "三（一）", "SZ-08; seed-rules §1.2", Confidence.PLAN);
    static final Citation PLAN_PARTY_VOTE =
        Citation.of(PLAN_002, "四（二）1（4）", "seed-rules §1.2", Confidence.PLAN);
    static final Citation PLAN_SCHEDULE =
        Citation.of(PLAN_002, "二、四（二）", "seed-rules §1.5", Confidence.PLAN);
    static final Citation PLAN_STRUCTURE_03 =
        Citation.of(PLAN_002, "三（四）", "ST-03; seed-rules §2.9", Confidence.PLAN);
    static final Citation PLAN_STRUCTURE_04 =
        Citation.of(PLAN_002, "三（四）", "ST-04; seed-rules §2.9", Confidence.PLAN);
    static final Citation R10_CARRY =
        Citation.of("省级村民委员会选举办法（样本）", "", "R10; legal-rules C1.10", Confidence.S);
  }
}
