package xuanju.core.schedule;

import java.util.List;
import java.util.Optional;

/** The built-in timeline templates (内置时间表模板), one per election type. */
public final class TimelineTemplates {
  private TimelineTemplates() {}

  /**
   * County and township people's congress, direct election (县乡两级人大代表直接选举), 选举法 2020: voter list ≥
   * D−20 (第二十八条); objections within 5 days of publication, decided within 3 days, court ≥ D−5
   * (第二十九条); candidate list ≥ D−15, formal list ≥ D−7 (第三十二条).
   */
  public static final TimelineTemplate NPC_DIRECT =
      new TimelineTemplate(
          "NPC_DIRECT",
          "县乡两级人民代表大会代表直接选举",
          "选举日",
          List.of(
              MilestoneSpec.daysBefore("voterList", 20, ScheduleRule.NPC_VOTER_LIST_D20, "公布选民名单"),
              MilestoneSpec.daysAfter(
                  "objections",
                  MilestoneKind.WINDOW,
                  "voterList",
                  5,
                  ScheduleRule.NPC_OBJECTION_5D,
                  "对选民名单提出申诉"),
              MilestoneSpec.daysAfter(
                  "objectionDecision",
                  MilestoneKind.DEADLINE,
                  "objections",
                  3,
                  ScheduleRule.NPC_OBJECTION_DECISION_3D,
                  "选举委员会作出申诉处理决定"),
              MilestoneSpec.daysBefore("court", 5, ScheduleRule.NPC_COURT_D5, "不服处理决定向人民法院起诉"),
              MilestoneSpec.daysBefore(
                  "candidateList", 15, ScheduleRule.NPC_CANDIDATE_LIST_D15, "公布代表候选人名单及基本情况"),
              MilestoneSpec.daysBefore(
                  "formalList", 7, ScheduleRule.NPC_FORMAL_LIST_D7, "公布正式代表候选人名单及基本情况"),
              MilestoneSpec.event("electionDay", ScheduleRule.ELECTION_DAY, "选举日（投票）")));

  /**
   * Village committee (村民委员会选举), 村民委员会组织法 第十四条: list ≥ D−20, objections within 5 days of
   * publication, decision within 3 days of receipt.
   */
  public static final TimelineTemplate VILLAGE_COMMITTEE =
      new TimelineTemplate(
          "VILLAGE_COMMITTEE",
          "村民委员会选举",
          "选举日",
          List.of(
              MilestoneSpec.daysBefore(
                  "voterList", 20, ScheduleRule.VILLAGE_VOTER_LIST_D20, "公布登记参加选举的村民名单"),
              MilestoneSpec.daysAfter(
                  "objections",
                  MilestoneKind.WINDOW,
                  "voterList",
                  5,
                  ScheduleRule.VILLAGE_OBJECTION_5D,
                  "对村民名单提出申诉"),
              MilestoneSpec.daysAfter(
                  "objectionDecision",
                  MilestoneKind.DEADLINE,
                  "objections",
                  3,
                  ScheduleRule.VILLAGE_OBJECTION_DECISION_3D,
                  "村民选举委员会作出处理决定并公布"),
              MilestoneSpec.event("electionDay", ScheduleRule.ELECTION_DAY, "选举日（投票）")));

  /**
   * Residents' committee (居民委员会选举): no national deadline; the community rule R8 puts registration ≥
   * D−20 and the engine applies the village 5 + 3 days by default (C2.3, tag I). Check the
   * province's 居民委员会选举办法.
   */
  public static final TimelineTemplate RESIDENTS_COMMITTEE =
      new TimelineTemplate(
          "RESIDENTS_COMMITTEE",
          "居民委员会选举",
          "选举日",
          List.of(
              MilestoneSpec.daysBefore(
                  "voterList", 20, ScheduleRule.RESIDENTS_VOTER_LIST_D20, "选民登记并公布选民名单"),
              MilestoneSpec.daysAfter(
                  "objections",
                  MilestoneKind.WINDOW,
                  "voterList",
                  5,
                  ScheduleRule.RESIDENTS_OBJECTION_5D,
                  "对选民名单提出申诉"),
              MilestoneSpec.daysAfter(
                  "objectionDecision",
                  MilestoneKind.DEADLINE,
                  "objections",
                  3,
                  ScheduleRule.RESIDENTS_OBJECTION_DECISION_3D,
                  "居民选举委员会作出处理决定"),
              MilestoneSpec.event("electionDay", ScheduleRule.ELECTION_DAY, "选举日（投票）")));

  /**
   * Party branch committee election (党支部委员会换届选举), seed plans 000 and 001: five-category list
   * published ≥ 3 days before the members' meeting, preliminary candidates published ≥ 5 days,
   * meeting notice ≥ 2 days before (001 篇15), report within 1 week after (001 篇13), secretary's
   * file within 15 days after (001 篇15). Publicity unit per {@link
   * ScheduleSettings#publicityUnit()}.
   */
  public static final TimelineTemplate PARTY_BRANCH =
      new TimelineTemplate(
          "PARTY_BRANCH",
          "党支部委员会换届选举",
          "党员大会召开日",
          List.of(
              MilestoneSpec.publicity(
                  "preliminaryCandidatesPublicity",
                  5,
                  ScheduleRule.PARTY_PUBLICITY_PRELIMINARY_5D,
                  "公示委员候选人初步人选"),
              MilestoneSpec.publicity(
                  "fiveCategoriesPublicity",
                  3,
                  ScheduleRule.PARTY_PUBLICITY_FIVE_CATEGORIES_3D,
                  "公示不参加大会的五类人员名单"),
              MilestoneSpec.daysBefore(
                  "meetingNotice", 2, ScheduleRule.PARTY_MEETING_NOTICE_2D, "发出党员大会会议通知"),
              MilestoneSpec.event("meeting", ScheduleRule.ELECTION_DAY, "召开党员大会（选举）"),
              MilestoneSpec.daysAfter(
                  "report",
                  MilestoneKind.DEADLINE,
                  null,
                  7,
                  ScheduleRule.PARTY_REPORT_1_WEEK,
                  "报送选举情况报告"),
              MilestoneSpec.daysAfter(
                  "secretaryFile",
                  MilestoneKind.DEADLINE,
                  null,
                  15,
                  ScheduleRule.PARTY_SECRETARY_FILE_15D,
                  "书记“一人一档”报县委组织部备案")));

  /**
   * Delegates to a higher party congress (出席上级党代会代表选举), seed 003 "程序步骤" (DL-07): the plan's
   * deadlines 2/8 … 3/31 counted back from the conference day (党代表会议, by 4/10) in calendar days, as
   * they fall in the seed's year 2019 (2/8 is D−61, 2/10 D−59, 2/21 D−48, 3/1 D−40, 3/10 D−31, 3/20
   * D−21, 3/31 D−10); the two publicities of 5 working days (考察对象所在单位, 初步人选 in the district) must
   * run out before the vetting and the 初步人选 deadlines, counted with the working-day calendar.
   */
  public static final TimelineTemplate PARTY_CONGRESS_DELEGATES =
      new TimelineTemplate(
          "PARTY_CONGRESS_DELEGATES",
          "出席上级党代会代表选举",
          "党代表会议召开日",
          List.of(
              MilestoneSpec.daysBefore("plan", 61, ScheduleRule.DELEGATES_PLAN_D61, "制定工作方案"),
              MilestoneSpec.daysBefore(
                  "deployment", 59, ScheduleRule.DELEGATES_DEPLOYMENT_D59, "进行工作部署"),
              MilestoneSpec.daysBefore(
                  "recommendation", 48, ScheduleRule.DELEGATES_RECOMMENDATION_D48, "开展推荐提名，报送推荐人选"),
              MilestoneSpec.daysBefore(
                  "subjects", 40, ScheduleRule.DELEGATES_SUBJECTS_D40, "确定初步人选考察对象名单"),
              MilestoneSpec.daysBefore(
                  "vetting", 31, ScheduleRule.DELEGATES_VETTING_D31, "组织考察并公示"),
              workingDayPublicity(
                  "vettingPublicity",
                  "vetting",
                  ScheduleRule.DELEGATES_VETTING_PUBLICITY_5WD,
                  "考察对象在所在单位公示5个工作日"),
              MilestoneSpec.daysBefore(
                  "preliminary", 21, ScheduleRule.DELEGATES_PRELIMINARY_D21, "确定代表候选人初步人选并公示"),
              workingDayPublicity(
                  "preliminaryPublicity",
                  "preliminary",
                  ScheduleRule.DELEGATES_PRELIMINARY_PUBLICITY_5WD,
                  "初步人选在全区范围内公示5个工作日"),
              MilestoneSpec.daysBefore(
                  "preparatory", 10, ScheduleRule.DELEGATES_PREPARATORY_D10, "确定代表候选人预备人选"),
              MilestoneSpec.event(
                  "conference", ScheduleRule.DELEGATES_CONFERENCE, "召开党代表会议选举代表并上报市委")));

  /** A publicity of 5 working days that must run out before the deadline {@code anchor}. */
  private static MilestoneSpec workingDayPublicity(
      String id, String anchor, ScheduleRule rule, String titleZh) {
    return new MilestoneSpec(
        id,
        MilestoneKind.WINDOW,
        MilestoneSpec.Relation.PUBLICITY_BEFORE,
        anchor,
        5,
        PeriodUnit.WORKING_DAYS,
        false,
        rule,
        titleZh);
  }

  private static final List<TimelineTemplate> ALL =
      List.of(
          NPC_DIRECT,
          VILLAGE_COMMITTEE,
          RESIDENTS_COMMITTEE,
          PARTY_BRANCH,
          PARTY_CONGRESS_DELEGATES);

  public static List<TimelineTemplate> all() {
    return ALL;
  }

  public static Optional<TimelineTemplate> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
