package xuanju.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

class SchedulesTest {
  private static final HolidayCalendar CAL = HolidayCalendar.tyme4j();
  private static final ScheduleSettings DEFAULTS = ScheduleSettings.defaults();
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static Milestone m(Timeline t, String id) {
    return t.milestone(id).orElseThrow();
  }

  /** legal-rules.md G14: people's congress direct, D = 2026-11-20. */
  @Test
  void g14_npcDirect() {
    Timeline t = Schedules.timeline(TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL);
    assertThat(m(t, "voterList").to()).isEqualTo(d("2026-10-31"));
    assertThat(m(t, "objections").from()).isEqualTo(d("2026-11-01"));
    assertThat(m(t, "objections").to()).isEqualTo(d("2026-11-05"));
    assertThat(m(t, "court").to()).isEqualTo(d("2026-11-15"));
    assertThat(m(t, "candidateList").to()).isEqualTo(d("2026-11-05"));
    assertThat(m(t, "formalList").to()).isEqualTo(d("2026-11-13"));
    assertThat(m(t, "electionDay").to()).isEqualTo(D);
    assertThat(m(t, "voterList").ruleCode()).isEqualTo("NPC.DEADLINE.VOTER_LIST_D20");
    assertThat(m(t, "voterList").citation().article()).isEqualTo("第二十八条");
    assertThat(m(t, "voterList").computationZh()).contains("选举日2026-11-20的20日以前：最迟2026-10-31");
    assertThat(t.findings().warnings()).isEmpty();
  }

  /** G14, village: list ≤ 10-31 (D−20), same 5 + 3 days. */
  @Test
  void g14_village() {
    Timeline t = Schedules.timeline(TimelineTemplates.VILLAGE_COMMITTEE, D, DEFAULTS, CAL);
    assertThat(m(t, "voterList").to()).isEqualTo(d("2026-10-31"));
    assertThat(m(t, "objections").to()).isEqualTo(d("2026-11-05"));
    assertThat(m(t, "voterList").citation().document()).contains("村民委员会组织法");
  }

  /**
   * The 3-day decision runs from 11-05 to Sunday 11-08; 民法典 第二百零三条 (default for forward periods)
   * moves it to Monday 11-09, and says so in a notice.
   */
  @Test
  void forwardPeriodEndingOnSundayIsExtendedByDefault() {
    Timeline t = Schedules.timeline(TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL);
    assertThat(m(t, "objectionDecision").to()).isEqualTo(d("2026-11-09"));
    assertThat(m(t, "objectionDecision").computationZh()).contains("顺延至2026-11-09");
    assertThat(t.findings().notices())
        .extracting(Finding::code)
        .containsExactly("SCHEDULE.HOLIDAY.EXTENDED");
    Timeline plain =
        Schedules.timeline(
            TimelineTemplates.NPC_DIRECT, D, DEFAULTS.withForwardPeriods(HolidayShift.NONE), CAL);
    assertThat(m(plain, "objectionDecision").to()).isEqualTo(d("2026-11-08"));
    assertThat(plain.findings().all()).isEmpty();
  }

  /** Court D−5 = Sunday 11-15: fixed by default; the settings can move it either way. */
  @Test
  void fixedDeadlineOnSundayFollowsTheSetting() {
    assertThat(court(HolidayShift.NONE)).isEqualTo(d("2026-11-15"));
    assertThat(court(HolidayShift.NEXT_WORKDAY)).isEqualTo(d("2026-11-16"));
    assertThat(court(HolidayShift.PREVIOUS_WORKDAY)).isEqualTo(d("2026-11-13"));
  }

  private static LocalDate court(HolidayShift shift) {
    return m(
            Schedules.timeline(
                TimelineTemplates.NPC_DIRECT, D, DEFAULTS.withFixedDeadlines(shift), CAL),
            "court")
        .to();
  }

  /** National Day 2026: the objection window 09-29 … 10-03 runs to the first workday, 10-08. */
  @Test
  void objectionWindowOverNationalDayUsesTyme4jHolidays() {
    Timeline t =
        Schedules.timeline(TimelineTemplates.VILLAGE_COMMITTEE, d("2026-10-18"), DEFAULTS, CAL);
    assertThat(m(t, "voterList").to()).isEqualTo(d("2026-09-28"));
    assertThat(m(t, "objections").to()).isEqualTo(d("2026-10-08"));
    assertThat(m(t, "objections").computationZh()).contains("国庆节");
    // 10-08 + 3 = Sunday 10-11 (Saturday 10-10 is a 调休 working day) -> Monday 10-12
    assertThat(m(t, "objectionDecision").to()).isEqualTo(d("2026-10-12"));
  }

  @Test
  void milestonesAreOrderedByDate() {
    for (TimelineTemplate tpl : TimelineTemplates.all()) {
      List<Milestone> ms = Schedules.timeline(tpl, D, DEFAULTS, CAL).milestones();
      assertThat(ms).hasSize(tpl.milestones().size());
      for (int i = 1; i < ms.size(); i++) {
        assertThat(ms.get(i).date()).isAfterOrEqualTo(ms.get(i - 1).date());
      }
    }
    assertThat(
            Schedules.timeline(TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL).milestones().stream()
                .map(Milestone::id))
        .containsExactly(
            "voterList",
            "objections",
            "candidateList",
            "objectionDecision",
            "formalList",
            "court",
            "electionDay");
  }

  @Test
  void checkReportsLateVoterListAndRecountsFromTheActualDate() {
    Timeline t =
        Schedules.check(
            TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL, Map.of("voterList", d("2026-11-02")));
    assertThat(t.allMet()).isFalse();
    assertThat(m(t, "voterList").status()).isEqualTo(MilestoneStatus.MISSED);
    Finding late = t.findings().errors().get(0);
    assertThat(late.code()).isEqualTo("NPC.DEADLINE.VOTER_LIST_D20");
    assertThat(late.facts())
        .containsEntry("deadline", "2026-10-31")
        .containsEntry("actual", "2026-11-02")
        .containsEntry("daysLate", 2L);
    assertThat(late.messageZh()).contains("晚2日");
    assertThat(late.fields()).containsExactly("actual.voterList");
    // the window follows the actual publication: 11-03 .. Saturday 11-07 -> Monday 11-09
    assertThat(m(t, "objections").from()).isEqualTo(d("2026-11-03"));
    assertThat(m(t, "objections").to()).isEqualTo(d("2026-11-09"));
    assertThat(m(t, "objections").computationZh()).contains("公布选民名单（实际）2026-11-02");
    assertThat(m(t, "objectionDecision").to()).isEqualTo(d("2026-11-12"));
  }

  @Test
  void checkOnTimeDatesMeetEveryMilestone() {
    Timeline t =
        Schedules.check(
            TimelineTemplates.NPC_DIRECT,
            D,
            DEFAULTS,
            CAL,
            Map.of(
                "voterList", d("2026-10-31"),
                "objections", d("2026-11-04"),
                "objectionDecision", d("2026-11-06"),
                "candidateList", d("2026-11-05"),
                "formalList", d("2026-11-13")));
    assertThat(t.allMet()).isTrue();
    assertThat(t.findings().errors()).isEmpty();
    assertThat(m(t, "formalList").status()).isEqualTo(MilestoneStatus.MET);
    assertThat(m(t, "court").status()).isEqualTo(MilestoneStatus.PLANNED);
    // decision within 3 days of the actual objection (11-04): 11-07 is Saturday -> 11-09
    assertThat(m(t, "objectionDecision").to()).isEqualTo(d("2026-11-09"));
  }

  @Test
  void formalListOneDayLateIsAnError() {
    Timeline t =
        Schedules.check(
            TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL, Map.of("formalList", d("2026-11-14")));
    assertThat(t.findings().errors())
        .extracting(Finding::code)
        .containsExactly("NPC.DEADLINE.FORMAL_LIST_D7");
  }

  @Test
  void lateObjectionIsAWarningOutsideTheWindow() {
    Timeline t =
        Schedules.check(
            TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL, Map.of("objections", d("2026-11-06")));
    assertThat(t.findings().errors()).isEmpty();
    assertThat(t.findings().warnings())
        .extracting(Finding::code)
        .containsExactly("NPC.DEADLINE.OBJECTION_5D");
    assertThat(t.findings().warnings().get(0).messageZh()).contains("不在期间内");
  }

  @Test
  void unknownOrEventActualIsInvalidInput() {
    assertThatThrownBy(
            () ->
                Schedules.check(TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL, Map.of("nope", D)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("voterList")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("actual.nope");
    assertThatThrownBy(
            () ->
                Schedules.check(
                    TimelineTemplates.NPC_DIRECT, D, DEFAULTS, CAL, Map.of("electionDay", D)))
        .isInstanceOf(InvalidInputException.class);
  }

  /** 2027 has no data in tyme4j: forward periods that consult the calendar warn. */
  @Test
  void year2027WithoutDataWarnsAndOperatorEntriesSilenceIt() {
    LocalDate d2027 = d("2027-11-19");
    Timeline t = Schedules.timeline(TimelineTemplates.NPC_DIRECT, d2027, DEFAULTS, CAL);
    assertThat(t.findings().warnings())
        .extracting(Finding::code)
        .containsExactly("SCHEDULE.CALENDAR.YEAR_UNKNOWN");
    Finding w = t.findings().warnings().get(0);
    assertThat(w.facts()).containsEntry("year", 2027);
    assertThat(w.facts().get("milestones").toString()).contains("objections");
    assertThat(w.messageZh()).contains("2027年");

    HolidayCalendar ext =
        CAL.withEntries(HolidayCalendar.parse(HolidayCalendarTest.OPERATOR_2027, "ops"));
    Timeline t2 = Schedules.timeline(TimelineTemplates.NPC_DIRECT, d2027, DEFAULTS, ext);
    assertThat(t2.findings().warnings()).isEmpty();
  }

  /** Plain D−N deadlines never consult the calendar, so they do not warn about unknown years. */
  @Test
  void fixedDeadlinesAloneDoNotNeedTheCalendar() {
    Timeline t =
        Schedules.timeline(
            TimelineTemplates.NPC_DIRECT,
            d("2031-11-20"),
            DEFAULTS.withForwardPeriods(HolidayShift.NONE),
            CAL);
    assertThat(t.findings().all()).isEmpty();
    assertThat(m(t, "voterList").to()).isEqualTo(d("2031-10-31"));
  }

  /** Party branch, meeting on Wednesday 2026-06-10, calendar-day publicity. */
  @Test
  void partyBranchCalendarDays() {
    Timeline t = Schedules.timeline(TimelineTemplates.PARTY_BRANCH, d("2026-06-10"), DEFAULTS, CAL);
    // 3 days after posting, run out by 06-09: posted 06-06, period 06-07..06-09
    assertThat(m(t, "fiveCategoriesPublicity").from()).isEqualTo(d("2026-06-06"));
    assertThat(m(t, "fiveCategoriesPublicity").to()).isEqualTo(d("2026-06-09"));
    assertThat(m(t, "preliminaryCandidatesPublicity").from()).isEqualTo(d("2026-06-04"));
    assertThat(m(t, "meetingNotice").to()).isEqualTo(d("2026-06-08"));
    assertThat(m(t, "report").to()).isEqualTo(d("2026-06-17"));
    assertThat(m(t, "secretaryFile").to()).isEqualTo(d("2026-06-25"));
    assertThat(m(t, "meeting").ruleCode()).isEqualTo("SCHEDULE.ANCHOR.ELECTION_DAY");
  }

  /**
   * Party branch, meeting Friday 2026-10-09, publicity in working days (seed 003 style): back from
   * 10-08 over National Day and 中秋 (09-25..27): 10-08, 09-30, 09-29, 09-28, 09-24 → post by 09-23.
   */
  @Test
  void partyBranchWorkingDaysAcrossNationalDay() {
    Timeline t =
        Schedules.timeline(
            TimelineTemplates.PARTY_BRANCH,
            d("2026-10-09"),
            DEFAULTS.withPublicityUnit(PeriodUnit.WORKING_DAYS),
            CAL);
    assertThat(m(t, "preliminaryCandidatesPublicity").from()).isEqualTo(d("2026-09-23"));
    assertThat(m(t, "preliminaryCandidatesPublicity").to()).isEqualTo(d("2026-10-08"));
    assertThat(m(t, "preliminaryCandidatesPublicity").computationZh()).contains("5个工作日");
    assertThat(m(t, "fiveCategoriesPublicity").from()).isEqualTo(d("2026-09-28"));
    // 10-09 + 15 = Saturday 10-24 -> Monday 10-26 (第二百零三条)
    assertThat(m(t, "secretaryFile").to()).isEqualTo(d("2026-10-26"));

    Timeline late =
        Schedules.check(
            TimelineTemplates.PARTY_BRANCH,
            d("2026-10-09"),
            DEFAULTS.withPublicityUnit(PeriodUnit.WORKING_DAYS),
            CAL,
            Map.of("preliminaryCandidatesPublicity", d("2026-09-24")));
    assertThat(late.findings().errors())
        .extracting(Finding::code)
        .containsExactly("PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D");
    assertThat(late.findings().errors().get(0).facts()).containsEntry("actualEnd", "2026-10-09");
  }

  @Test
  void templateRejectsAnchorThatComesLater() {
    assertThatThrownBy(
            () ->
                new TimelineTemplate(
                    "X",
                    "测试",
                    "选举日",
                    List.of(
                        MilestoneSpec.daysAfter(
                            "a", MilestoneKind.WINDOW, "b", 5, ScheduleRule.NPC_OBJECTION_5D, "甲"),
                        MilestoneSpec.daysBefore("b", 20, ScheduleRule.NPC_VOTER_LIST_D20, "乙"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("b");
    assertThat(TimelineTemplates.byId("PARTY_BRANCH")).contains(TimelineTemplates.PARTY_BRANCH);
    assertThat(TimelineTemplates.byId("nope")).isEmpty();
  }

  static Stream<Arguments> randomDays() {
    long seed = 4242L;
    Random r = new Random(seed);
    return IntStream.range(0, 120)
        .mapToObj(
            i ->
                Arguments.of(
                    seed,
                    TimelineTemplates.all().get(r.nextInt(TimelineTemplates.all().size())),
                    LocalDate.of(2003, 1, 1).plusDays(r.nextInt(365 * 23)),
                    r.nextBoolean() ? PeriodUnit.CALENDAR_DAYS : PeriodUnit.WORKING_DAYS));
  }

  /**
   * Property (seed 4242): fixed deadlines are exactly D − N; forward periods end on a working day
   * with only rest days between anchor + N and the end; publicity periods run out before the anchor
   * day and the posting day is the latest possible.
   */
  @ParameterizedTest(name = "seed {0}: {1} {2} {3}")
  @MethodSource("randomDays")
  void timelineInvariants(long seed, TimelineTemplate tpl, LocalDate day, PeriodUnit unit) {
    ScheduleSettings s = DEFAULTS.withPublicityUnit(unit);
    Timeline t = Schedules.timeline(tpl, day, s, CAL);
    for (MilestoneSpec spec : tpl.milestones()) {
      Milestone m = m(t, spec.id());
      switch (spec.relation()) {
        case AT_LATEST_BEFORE -> assertThat(m.to()).isEqualTo(day.minusDays(spec.days()));
        case WITHIN_AFTER -> {
          LocalDate anchor = spec.anchor() == null ? day : m(t, spec.anchor()).to();
          LocalDate plain = anchor.plusDays(spec.days());
          assertThat(CAL.isWorkday(m.to())).isTrue();
          assertThat(m.to()).isAfterOrEqualTo(plain);
          assertThat(plain.datesUntil(m.to()).filter(CAL::isWorkday)).isEmpty();
        }
        case PUBLICITY_BEFORE -> {
          // before the anchor day, or before an earlier milestone's last day (seed 003's
          // publicities)
          LocalDate end = spec.anchor() == null ? day : m(t, spec.anchor()).to();
          assertThat(m.to()).isBefore(end);
          LocalDate laterPosting = m.from().plusDays(1);
          LocalDate laterEnd =
              spec.unitUnder(s) == PeriodUnit.WORKING_DAYS
                  ? CAL.plusWorkdays(laterPosting, spec.days())
                  : CAL.nextWorkday(laterPosting.plusDays(spec.days()));
          assertThat(laterEnd)
              .as("posting one day later runs into the meeting")
              .isAfterOrEqualTo(end);
        }
        case ON -> assertThat(m.to()).isEqualTo(day);
      }
    }
  }
}
