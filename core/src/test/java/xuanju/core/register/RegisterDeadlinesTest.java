package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.HolidayShift;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.TimelineTemplates;

/**
 * The voter list's statutory days, worked by hand for election day Friday 2026-11-20 (legal-rules
 * G14): list by Saturday 10-31, objections 11-01 … 11-05, court by 11-15.
 */
class RegisterDeadlinesTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final LocalDate PUB = LocalDate.of(2026, 10, 31);

  @Test
  void deadlinesFromElectionDayAndPublication() {
    assertThat(HolidayCalendar.tyme4jKnowsYear(2026)).isTrue();
    VoterListDeadlines d = RegisterDeadlines.deadlines(TimelineTemplates.NPC_DIRECT, D, PUB, null);
    assertThat(d.latestPublication()).isEqualTo(PUB);
    assertThat(d.publishedOn()).contains(PUB);
    assertThat(d.objectionsFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(d.objectionsTo()).isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(d.courtBy()).contains(LocalDate.of(2026, 11, 15));
    assertThat(d.changesBy()).isEqualTo(LocalDate.of(2026, 11, 18));
    assertThat(d.publication().ruleCode()).isEqualTo("NPC.DEADLINE.VOTER_LIST_D20");
    assertThat(d.publication().citation().article()).isEqualTo("第二十八条");
    assertThat(d.objections().citation().article()).isEqualTo("第二十九条");
    assertThat(d.findings().all()).isEmpty();
  }

  @Test
  void earlierPublicationMovesTheObjectionWindow() {
    VoterListDeadlines d =
        RegisterDeadlines.deadlines(
            TimelineTemplates.NPC_DIRECT, D, LocalDate.of(2026, 10, 26), null);
    assertThat(d.objectionsFrom()).isEqualTo(LocalDate.of(2026, 10, 27));
    // 10-31 is a Saturday: the fifth day moves to Monday 11-02 (民法典 第二百零三条, default setting)
    assertThat(d.objectionsTo()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(d.findings().codes()).containsExactly("SCHEDULE.HOLIDAY.EXTENDED");
    VoterListDeadlines unmoved =
        RegisterDeadlines.deadlines(
            TimelineTemplates.NPC_DIRECT,
            D,
            LocalDate.of(2026, 10, 26),
            null,
            ScheduleSettings.defaults().withForwardPeriods(HolidayShift.NONE),
            HolidayCalendar.tyme4j());
    assertThat(unmoved.objectionsTo()).isEqualTo(LocalDate.of(2026, 10, 31));
  }

  @Test
  void latePublicationIsAnErrorWithTheDaysLate() {
    VoterListDeadlines d =
        RegisterDeadlines.deadlines(
            TimelineTemplates.NPC_DIRECT, D, LocalDate.of(2026, 11, 2), null);
    Finding f = d.findings().errors().get(0);
    assertThat(f.code()).isEqualTo("NPC.DEADLINE.VOTER_LIST_D20");
    assertThat(f.facts())
        .containsEntry("daysLate", 2L)
        .containsEntry("latestPublication", "2026-10-31");
    assertThat(f.messageZh())
        .contains("选民名单于2026-11-02公布，晚于最迟公布日期2026-10-31")
        .contains("晚2日")
        .contains("第二十八条");
  }

  @Test
  void dashboardWarnsWhenTheListIsOverdue() {
    assertThat(
            RegisterDeadlines.deadlines(TimelineTemplates.NPC_DIRECT, D, null, PUB)
                .findings()
                .all())
        .isEmpty();
    VoterListDeadlines late =
        RegisterDeadlines.deadlines(TimelineTemplates.NPC_DIRECT, D, null, PUB.plusDays(1));
    assertThat(late.findings().errors())
        .singleElement()
        .satisfies(f -> assertThat(f.messageZh()).contains("至2026-11-01尚未公布"));
  }

  @Test
  void objectionAfterTheWindowNamesObjectorDeadlineAndRule() {
    Objection o = Objection.filed("申-3", "王五", "本人未被列入", LocalDate.of(2026, 11, 6));
    ObjectionCheck c =
        RegisterDeadlines.checkObjection(TimelineTemplates.NPC_DIRECT, D, PUB, o, null);
    assertThat(c.filedInTime()).isFalse();
    Finding f = c.findings().all().get(0);
    assertThat(f.code()).isEqualTo("NPC.DEADLINE.OBJECTION_5D");
    assertThat(f.messageZh())
        .startsWith("申诉人王五（申-3）于2026-11-06提出申诉，不在申诉期限内")
        .contains("申诉期为2026-11-01至2026-11-05（公布当日不计）")
        .contains("第二十九条")
        .contains("五日内");
    assertThat(f.facts()).containsEntry("to", "2026-11-05");
  }

  @Test
  void decisionDueThreeDaysAfterReceiptMovedOffTheWeekend() {
    Objection o = Objection.filed("申-1", "李四", "", LocalDate.of(2026, 11, 4));
    ObjectionCheck open =
        RegisterDeadlines.checkObjection(TimelineTemplates.NPC_DIRECT, D, PUB, o, null);
    assertThat(open.filedInTime()).isTrue();
    // 11-07 is a Saturday: 民法典 第二百零三条 (default setting) moves it to Monday 11-09
    assertThat(open.decisionDueBy()).isEqualTo(LocalDate.of(2026, 11, 9));
    assertThat(open.findings().codes()).containsExactly("SCHEDULE.HOLIDAY.EXTENDED");
    assertThat(open.courtBy()).contains(LocalDate.of(2026, 11, 15));

    ObjectionCheck notMoved =
        RegisterDeadlines.checkObjection(
            TimelineTemplates.NPC_DIRECT,
            D,
            PUB,
            o,
            null,
            ScheduleSettings.defaults().withForwardPeriods(HolidayShift.NONE),
            HolidayCalendar.tyme4j());
    assertThat(notMoved.decisionDueBy()).isEqualTo(LocalDate.of(2026, 11, 7));

    assertThat(
            RegisterDeadlines.checkObjection(
                    TimelineTemplates.NPC_DIRECT,
                    D,
                    PUB,
                    o.decided(LocalDate.of(2026, 11, 9)),
                    null)
                .findings()
                .errors())
        .isEmpty();
    ObjectionCheck late =
        RegisterDeadlines.checkObjection(
            TimelineTemplates.NPC_DIRECT, D, PUB, o.decided(LocalDate.of(2026, 11, 10)), null);
    assertThat(late.findings().errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("NPC.DEADLINE.OBJECTION_DECISION_3D");
              assertThat(f.messageZh())
                  .contains("申诉人李四（申-1）2026-11-04提出的申诉，应在2026-11-09前作出处理决定，实际于2026-11-10作出，晚1日");
            });
    ObjectionCheck overdue =
        RegisterDeadlines.checkObjection(
            TimelineTemplates.NPC_DIRECT, D, PUB, o, LocalDate.of(2026, 11, 10));
    assertThat(overdue.findings().errors().get(0).messageZh()).contains("至2026-11-10尚未作出");
  }

  @Test
  void suitAfterDMinus5IsLate() {
    Objection o =
        Objection.filed("申-2", "赵六", "", LocalDate.of(2026, 11, 2))
            .decided(LocalDate.of(2026, 11, 4));
    assertThat(
            RegisterDeadlines.checkObjection(
                    TimelineTemplates.NPC_DIRECT, D, PUB, o.sued(LocalDate.of(2026, 11, 15)), null)
                .findings()
                .all())
        .isEmpty();
    ObjectionCheck late =
        RegisterDeadlines.checkObjection(
            TimelineTemplates.NPC_DIRECT, D, PUB, o.sued(LocalDate.of(2026, 11, 16)), null);
    assertThat(late.findings().warnings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("NPC.DEADLINE.COURT_D5");
              assertThat(f.messageZh()).contains("晚于最后期限2026-11-15（选举日2026-11-20的五日以前）");
            });
  }

  @Test
  void residentsCommitteeHasNoCourtDay() {
    ObjectionCheck c =
        RegisterDeadlines.checkObjection(
            TimelineTemplates.RESIDENTS_COMMITTEE,
            D,
            PUB,
            Objection.filed("1", "居民甲", "", LocalDate.of(2026, 11, 3)),
            null);
    assertThat(c.courtBy()).isEmpty();
    assertThat(c.windowTo()).isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(
            RegisterDeadlines.deadlines(TimelineTemplates.RESIDENTS_COMMITTEE, D, PUB, null)
                .publication()
                .ruleCode())
        .isEqualTo("RESIDENTS.DEADLINE.VOTER_LIST_D20");
  }

  @Test
  void changesAfterPublicationBeforeDMinus2() {
    assertThat(
            RegisterDeadlines.checkChange(
                D,
                new ListChange(ListChange.Kind.ADDITION, "孙七", LocalDate.of(2026, 11, 18), "漏登补登")))
        .isEmpty();
    assertThat(
            RegisterDeadlines.checkChange(
                D, new ListChange(ListChange.Kind.REMOVAL, "孙七", LocalDate.of(2026, 11, 19), "死亡")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("REGISTER.LIST.CHANGE_D2");
              assertThat(f.messageZh())
                  .startsWith("孙七的名单除名于2026-11-19作出，晚于选举日2026-11-20的二日以前（2026-11-18）");
            });
    assertThatThrownBy(() -> new ListChange(ListChange.Kind.CORRECTION, "孙七", D, " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("更正");
  }

  @Test
  void badInputNamesTheField() {
    assertThatThrownBy(
            () -> RegisterDeadlines.deadlines(TimelineTemplates.PARTY_BRANCH, D, null, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("template"));
    assertThatThrownBy(
            () ->
                RegisterDeadlines.checkObjection(
                    TimelineTemplates.NPC_DIRECT, D, null, Objection.filed("1", "甲", "", D), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("尚未公布");
    assertThatThrownBy(
            () ->
                new Objection(
                    "1", "甲", "", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 2), null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            x -> assertThat(((InvalidInputException) x).field()).isEqualTo("objection.decidedOn"));
    assertThatThrownBy(() -> RegisterDeadlines.deadlines(TimelineTemplates.NPC_DIRECT, D, D, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("publishedOn"));
  }
}
