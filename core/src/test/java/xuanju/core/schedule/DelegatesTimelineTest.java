package xuanju.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed-003 timeline (出席上级党代会代表选举, DL-07): with the conference on 2019-04-10 the template gives
 * the plan's own dates 2/8, 2/10, 2/21, 3/1, 3/10, 3/20 and 3/31; the two publicities of 5 working
 * days are counted with the holiday calendar and end before their deadlines.
 */
class DelegatesTimelineTest {
  private static final HolidayCalendar CAL = HolidayCalendar.tyme4j();
  private static final LocalDate D = LocalDate.of(2019, 4, 10);

  private static Timeline timeline() {
    return Schedules.timeline(
        TimelineTemplates.PARTY_CONGRESS_DELEGATES, D, ScheduleSettings.defaults(), CAL);
  }

  @Test
  void theSeedsDeadlinesFollowFromTheConferenceDay() {
    Timeline t = timeline();
    Map<String, LocalDate> expected =
        Map.of(
            "plan", LocalDate.of(2019, 2, 8),
            "deployment", LocalDate.of(2019, 2, 10),
            "recommendation", LocalDate.of(2019, 2, 21),
            "subjects", LocalDate.of(2019, 3, 1),
            "vetting", LocalDate.of(2019, 3, 10),
            "preliminary", LocalDate.of(2019, 3, 20),
            "preparatory", LocalDate.of(2019, 3, 31),
            "conference", D);
    expected.forEach(
        (id, day) -> assertThat(t.milestone(id).orElseThrow().to()).as(id).isEqualTo(day));
    assertThat(t.milestone("subjects").orElseThrow().ruleCode())
        .isEqualTo("DELEGATES.DEADLINE.SUBJECTS");
    assertThat(t.milestone("conference").orElseThrow().citation().display())
        .contains("XX区选举出席XX市第十二次党代会代表工作方案");
  }

  @Test
  void thePublicitiesAreFiveWorkingDaysBeforeTheirDeadlines() {
    Timeline t = timeline();
    // vetting by Sunday 3/10: posted at the latest on Sunday 3/3, 3/4 (Mon) … 3/8 (Fri)
    Milestone v = t.milestone("vettingPublicity").orElseThrow();
    assertThat(v.from()).isEqualTo(LocalDate.of(2019, 3, 3));
    assertThat(v.to()).isEqualTo(LocalDate.of(2019, 3, 8));
    // 初步人选 by Wednesday 3/20: posted on 3/12, 3/13 … 3/19 over a weekend (5 working days)
    Milestone p = t.milestone("preliminaryPublicity").orElseThrow();
    assertThat(p.from()).isEqualTo(LocalDate.of(2019, 3, 12));
    assertThat(p.to()).isEqualTo(LocalDate.of(2019, 3, 19));
    assertThat(p.computationZh()).contains("5个工作日");
    // over the 2026 Spring Festival the working days stretch: conference on 2026-03-20,
    // vetting deadline D−31 = 2026-02-17 (春节), so its 5 working days end before the holiday
    Timeline y =
        Schedules.timeline(
            TimelineTemplates.PARTY_CONGRESS_DELEGATES,
            LocalDate.of(2026, 3, 20),
            ScheduleSettings.defaults(),
            CAL);
    Milestone w = y.milestone("vettingPublicity").orElseThrow();
    assertThat(w.to()).isBefore(LocalDate.of(2026, 2, 17));
    assertThat(CAL.day(w.to()).working()).isTrue();
  }
}
