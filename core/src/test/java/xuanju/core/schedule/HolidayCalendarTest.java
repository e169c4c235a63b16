package xuanju.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.InvalidInputException;

class HolidayCalendarTest {
  private static final HolidayCalendar CAL = HolidayCalendar.tyme4j();

  /** A made-up 2027 arrangement, as an operator would type it before the State Council notice. */
  static final String OPERATOR_2027 =
      """
      # 2027 年放假安排（示例数据，非官方）
      date,kind,name,source
      2027-01-01,休,元旦,示例通知
      2027-02-06..2027-02-12,休,春节,示例通知
      2027-02-13,班,春节,示例通知
      2027-02-14,班,春节,示例通知
      """;

  @Test
  void stackFigure_10WorkdaysAfter2026_02_10_is2026_03_02() {
    // counts the 调休 Saturdays 02-14 and 02-28, skips 春节 02-15..02-23
    assertThat(CAL.plusWorkdays(LocalDate.of(2026, 2, 10), 10)).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void stackFigure_5WorkdaysAfter2025_09_26_is2025_10_10() {
    // 09-28 (Sunday) is a 调休 working day; 10-01..10-08 are off
    assertThat(CAL.plusWorkdays(LocalDate.of(2025, 9, 26), 5))
        .isEqualTo(LocalDate.of(2025, 10, 10));
  }

  @Test
  void classifiesTheOfficial2026Arrangement() {
    assertThat(CAL.day(LocalDate.of(2026, 2, 14)).kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);
    assertThat(CAL.day(LocalDate.of(2026, 2, 14)).source()).isEqualTo(CalendarSource.TYME4J);
    assertThat(CAL.day(LocalDate.of(2026, 2, 16)).kind()).isEqualTo(DayKind.HOLIDAY);
    assertThat(CAL.day(LocalDate.of(2026, 2, 16)).name()).isEqualTo("春节");
    assertThat(CAL.day(LocalDate.of(2026, 10, 1)).kind()).isEqualTo(DayKind.HOLIDAY);
    assertThat(CAL.day(LocalDate.of(2026, 10, 10)).kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);
    assertThat(CAL.day(LocalDate.of(2026, 3, 7)).kind()).isEqualTo(DayKind.WEEKEND);
    assertThat(CAL.day(LocalDate.of(2026, 3, 9)).kind()).isEqualTo(DayKind.WORKDAY);
    assertThat(CAL.day(LocalDate.of(2026, 3, 9)).source()).isEqualTo(CalendarSource.WEEKDAY_RULE);
  }

  @Test
  void knowsTyme4jYearsAndNothingAfter2026() {
    assertThat(CAL.knowsYear(2002)).isTrue();
    assertThat(CAL.knowsYear(2026)).isTrue();
    assertThat(CAL.knowsYear(2027)).isFalse();
    assertThat(CAL.knowsYear(2001)).as("only the 2002 New Year swap is in 2001").isFalse();
    assertThat(CAL.unknownYears(LocalDate.of(2025, 12, 1), LocalDate.of(2028, 1, 5)))
        .containsExactly(2027, 2028);
    assertThat(CAL.day(LocalDate.of(2027, 1, 1)).yearKnown()).isFalse();
  }

  @Test
  void operatorEntriesExtend2027() {
    HolidayCalendar ext =
        CAL.withEntries(HolidayCalendar.parse(OPERATOR_2027, "holidays-2027.csv"));
    assertThat(ext.knowsYear(2027)).isTrue();
    assertThat(ext.operatorEntries()).hasSize(10);
    CalendarDay newYear = ext.day(LocalDate.of(2027, 1, 1));
    assertThat(newYear.kind()).isEqualTo(DayKind.HOLIDAY);
    assertThat(newYear.source()).isEqualTo(CalendarSource.OPERATOR);
    assertThat(newYear.name()).isEqualTo("元旦");
    assertThat(ext.day(LocalDate.of(2027, 2, 13)).kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);

    // 2027-02-04 (Thu) + 5 working days: without data Fri 02-05, Mon 02-08 .. Thu 02-11;
    // with the operator arrangement: Fri 02-05, then 春节 off until the 调休 weekend 02-13/14, Mon
    // 02-15
    LocalDate start = LocalDate.of(2027, 2, 4);
    assertThat(CAL.plusWorkdays(start, 5)).isEqualTo(LocalDate.of(2027, 2, 11));
    assertThat(ext.plusWorkdays(start, 5)).isEqualTo(LocalDate.of(2027, 2, 16));
    // a source defaults to the file label, and round-trips through the line format
    assertThat(ext.operatorEntries().get(0).source()).isEqualTo("示例通知");
    assertThat(ext.operatorEntries().get(0).toLine()).isEqualTo("2027-01-01,休,元旦,示例通知");
  }

  @Test
  void operatorEntryOverridesTyme4j() {
    HolidayCalendar ext =
        CAL.withEntries(List.of(CalendarEntry.holiday(LocalDate.of(2026, 10, 10), "国庆节", "更正")));
    assertThat(CAL.isWorkday(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(ext.isWorkday(LocalDate.of(2026, 10, 10))).isFalse();
    assertThat(ext.day(LocalDate.of(2026, 10, 10)).source()).isEqualTo(CalendarSource.OPERATOR);
  }

  @Test
  void parseDefaultsSourceAndAcceptsFullWidthCommasAndEnglishKinds() {
    List<CalendarEntry> e = HolidayCalendar.parse("2028-01-01，休，元旦\n2028-01-08,workday", "ops.csv");
    assertThat(e)
        .containsExactly(
            CalendarEntry.holiday(LocalDate.of(2028, 1, 1), "元旦", "ops.csv"),
            CalendarEntry.workday(LocalDate.of(2028, 1, 8), "", "ops.csv"));
  }

  @Test
  void parseRejectsBadLinesNamingTheLine() {
    assertThatThrownBy(() -> HolidayCalendar.parse("2027-01-01,休\n2027-02-30,休", "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2027-02-30")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("calendar[2]");
    assertThatThrownBy(() -> HolidayCalendar.parse("2027-01-01,放", "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("休");
    assertThatThrownBy(() -> HolidayCalendar.parse("2027-01-01", "f"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> HolidayCalendar.parse("2027-01-01,休\n\n2027-01-01,班", "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("重复")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("calendar[3]");
    assertThatThrownBy(() -> HolidayCalendar.parse("2027-01-05..2027-01-01,休", "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("早于");
    assertThatThrownBy(() -> HolidayCalendar.parse("2027-01-01..2027-06-01,休", "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("过长");
  }

  @Test
  void weekdayRuleInUnknownYears() {
    LocalDate sat = LocalDate.of(2030, 6, 1);
    assertThat(sat.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(CAL.isWorkday(sat)).isFalse();
    assertThat(CAL.nextWorkday(sat)).isEqualTo(LocalDate.of(2030, 6, 3));
    assertThat(CAL.previousWorkday(sat)).isEqualTo(LocalDate.of(2030, 5, 31));
    assertThat(CAL.plusWorkdays(sat, 0)).isEqualTo(sat);
  }

  static Stream<Arguments> randomStarts() {
    long seed = 20261120L;
    Random r = new Random(seed);
    return IntStream.range(0, 300)
        .mapToObj(
            i ->
                Arguments.of(
                    seed,
                    LocalDate.of(2002, 1, 1).plusDays(r.nextInt(365 * 25)),
                    1 + r.nextInt(25)));
  }

  /** Property (seed 20261120): plusWorkdays lands on a working day with exactly n in between. */
  @ParameterizedTest(name = "seed {0}: {1} + {2} workdays")
  @MethodSource("randomStarts")
  void plusWorkdaysCountsExactlyNWorkingDays(long seed, LocalDate start, int n) {
    LocalDate end = CAL.plusWorkdays(start, n);
    assertThat(CAL.isWorkday(end)).isTrue();
    long counted = start.plusDays(1).datesUntil(end.plusDays(1)).filter(CAL::isWorkday).count();
    assertThat(counted).isEqualTo(n);
    // going back n working days from the end reaches the last working day on or before the start
    assertThat(CAL.minusWorkdays(end, n)).isEqualTo(CAL.previousWorkday(start));
  }
}
