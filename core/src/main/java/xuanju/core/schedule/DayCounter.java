package xuanju.core.schedule;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working-day arithmetic over a {@link HolidayCalendar} that remembers which years it looked at, so
 * a computation can warn when it relied on a year without holiday data. One instance per
 * computation; not shared.
 */
final class DayCounter {
  /** More than any election period needs; guards against an endless loop on absurd input. */
  private static final int MAX_STEPS = 20_000;

  private final HolidayCalendar calendar;
  private final SortedSet<Integer> consulted = new TreeSet<>();

  DayCounter(HolidayCalendar calendar) {
    this.calendar = calendar;
  }

  boolean isWorkday(LocalDate d) {
    consulted.add(d.getYear());
    return calendar.isWorkday(d);
  }

  CalendarDay day(LocalDate d) {
    consulted.add(d.getYear());
    return calendar.day(d);
  }

  LocalDate plusWorkdays(LocalDate start, int n) {
    requireNonNegative(n);
    LocalDate d = start;
    int counted = 0;
    int steps = 0;
    while (counted < n) {
      d = d.plusDays(1);
      if (isWorkday(d)) {
        counted++;
      }
      guard(++steps);
    }
    return d;
  }

  LocalDate minusWorkdays(LocalDate start, int n) {
    requireNonNegative(n);
    LocalDate d = start;
    int counted = 0;
    int steps = 0;
    while (counted < n) {
      d = d.minusDays(1);
      if (isWorkday(d)) {
        counted++;
      }
      guard(++steps);
    }
    return d;
  }

  LocalDate workdayOnOrAfter(LocalDate date) {
    LocalDate d = date;
    int steps = 0;
    while (!isWorkday(d)) {
      d = d.plusDays(1);
      guard(++steps);
    }
    return d;
  }

  LocalDate workdayOnOrBefore(LocalDate date) {
    LocalDate d = date;
    int steps = 0;
    while (!isWorkday(d)) {
      d = d.minusDays(1);
      guard(++steps);
    }
    return d;
  }

  /** The years looked up so far. */
  SortedSet<Integer> consultedYears() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(consulted));
  }

  HolidayCalendar calendar() {
    return calendar;
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
  }

  private static void guard(int steps) {
    if (steps > MAX_STEPS) {
      throw new IllegalStateException("no working day within " + MAX_STEPS + " days");
    }
  }
}
