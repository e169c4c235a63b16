package xuanju.server.delegates;

import java.time.LocalDate;
import xuanju.core.schedule.HolidayCalendar;

/** Working days (工作日) between two dates, both included, by core's holiday calendar. */
final class WorkingDays {
  private WorkingDays() {}

  private static final HolidayCalendar CALENDAR = HolidayCalendar.tyme4j();

  /**
   * The working days from {@code from} to {@code to}, both included; 0 when {@code to} is before.
   */
  static int between(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from; !d.isAfter(to) && n < 10_000; d = d.plusDays(1)) {
      if (CALENDAR.isWorkday(d)) {
        n++;
      }
    }
    return n;
  }
}
