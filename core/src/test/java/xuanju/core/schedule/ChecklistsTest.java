package xuanju.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.InvalidInputException;

class ChecklistsTest {
  private static final LocalDate DUE = LocalDate.of(2026, 11, 10);

  @ParameterizedTest
  @CsvSource({
    // done, today, state
    "2026-11-10, 2026-12-01, DONE",
    "2026-11-01, 2026-11-02, DONE",
    "2026-11-11, 2026-11-11, DONE_LATE",
    ", 2026-11-11, OVERDUE",
    ", 2026-11-10, DUE_SOON",
    ", 2026-11-07, DUE_SOON",
    ", 2026-11-06, OPEN",
  })
  void boundaries(LocalDate done, LocalDate today, StepState expected) {
    assertThat(Checklists.state(DUE, done, today, 3)).isEqualTo(expected);
  }

  static Stream<Arguments> random() {
    Random r = new Random(20261205);
    return IntStream.range(0, 200)
        .mapToObj(
            i -> {
              LocalDate due = DUE.plusDays(r.nextInt(60) - 30);
              LocalDate done = r.nextBoolean() ? null : due.plusDays(r.nextInt(21) - 10);
              LocalDate today = due.plusDays(r.nextInt(41) - 20);
              return Arguments.of(due, done, today, r.nextInt(6));
            });
  }

  /** Late exactly when done after the day, or not done and the day has passed. */
  @ParameterizedTest
  @MethodSource("random")
  void lateIffAfterTheDay(LocalDate due, LocalDate done, LocalDate today, int soon) {
    StepState s = Checklists.state(due, done, today, soon);
    boolean late = done != null ? done.isAfter(due) : today.isAfter(due);
    assertThat(s.late()).isEqualTo(late);
    assertThat(s == StepState.DONE || s == StepState.DONE_LATE).isEqualTo(done != null);
    if (s == StepState.OPEN) {
      assertThat(today.plusDays(soon)).isBefore(due);
    }
  }

  @Test
  void negativeWarningDaysRefused() {
    assertThatThrownBy(() -> Checklists.state(DUE, null, DUE, -1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("提前提醒天数");
  }

  @Test
  void milestoneStepUsesTheLastDayOfTheTimeline() {
    LocalDate day = LocalDate.of(2026, 12, 20);
    Timeline t =
        Schedules.check(
            TimelineTemplates.NPC_DIRECT,
            day,
            ScheduleSettings.defaults(),
            HolidayCalendar.tyme4j(),
            Map.of());
    Milestone formal = t.milestone("formalList").orElseThrow();
    ChecklistStep s = Checklists.step(formal, day.minusDays(6), day, "已公布");
    assertThat(s.due()).isEqualTo(day.minusDays(7));
    assertThat(s.state()).isEqualTo(StepState.DONE_LATE);
    assertThat(s.rule().code()).isEqualTo("NPC.DEADLINE.FORMAL_LIST_D7");
  }
}
