package xuanju.core.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One operator entry of the holiday calendar (本地节假日条目): a legal holiday (休) or an adjusted working
 * day (调休上班, 班) on a given date, with its name and the notice it comes from.
 *
 * @param date the day
 * @param workday {@code true} for an adjusted working day (班), {@code false} for a day off (休)
 * @param name e.g. {@code 元旦}, {@code 春节}; may be empty
 * @param source where the entry comes from, e.g. {@code 国务院办公厅通知} or a file name; may be empty
 */
public record CalendarEntry(LocalDate date, boolean workday, String name, String source) {
  public CalendarEntry {
    Objects.requireNonNull(date, "date");
    name = name == null ? "" : name.strip();
    source = source == null ? "" : source.strip();
  }

  public static CalendarEntry holiday(LocalDate date, String name, String source) {
    return new CalendarEntry(date, false, name, source);
  }

  public static CalendarEntry workday(LocalDate date, String name, String source) {
    return new CalendarEntry(date, true, name, source);
  }

  /** The entry in the file format: {@code 2027-01-01,休,元旦,国务院办公厅通知}. */
  public String toLine() {
    return date + "," + (workday ? "班" : "休") + "," + name + "," + source;
  }
}
