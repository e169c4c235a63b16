package xuanju.core.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date as the calendar sees it (日历中的一天): its kind, the holiday name if any, where that came from,
 * and whether the calendar has any data for its year at all.
 *
 * @param date the day
 * @param kind working day, weekend, holiday or adjusted working day
 * @param name the holiday name (e.g. {@code 春节}); empty for ordinary days
 * @param source tyme4j, an operator entry, or the plain weekday rule
 * @param yearKnown {@code false} when neither tyme4j nor the operator has any entry for the year,
 *     so the kind is a guess from the day of the week
 */
public record CalendarDay(
    LocalDate date, DayKind kind, String name, CalendarSource source, boolean yearKnown) {
  public CalendarDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    name = name == null ? "" : name;
  }

  public boolean working() {
    return kind.working();
  }
}
