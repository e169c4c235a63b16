package xuanju.core.schedule;

import java.util.Objects;

/**
 * Settings of a timeline computation (期限计算设置).
 *
 * @param forwardPeriods rest-day handling for periods counted forward from an event, such as the
 *     five-day objection window, the three-day decision and publicity periods. Default {@link
 *     HolidayShift#NEXT_WORKDAY} (民法典 第二百零三条, tag I).
 * @param fixedDeadlines rest-day handling for "at the latest N days before election day" deadlines
 *     (选举日的N日以前). Default {@link HolidayShift#NONE}: they are fixed dates counted back from
 *     election day, not periods that run out, so 第二百零三条 is not applied (tag I).
 * @param publicityUnit the unit of publicity periods (公示期) whose template leaves it open: the party
 *     branch plans say "3天/5天", seed 003 uses "5个工作日". Default {@link PeriodUnit#CALENDAR_DAYS}.
 */
public record ScheduleSettings(
    HolidayShift forwardPeriods, HolidayShift fixedDeadlines, PeriodUnit publicityUnit) {
  public ScheduleSettings {
    Objects.requireNonNull(forwardPeriods, "forwardPeriods");
    Objects.requireNonNull(fixedDeadlines, "fixedDeadlines");
    Objects.requireNonNull(publicityUnit, "publicityUnit");
  }

  private static final ScheduleSettings DEFAULTS =
      new ScheduleSettings(HolidayShift.NEXT_WORKDAY, HolidayShift.NONE, PeriodUnit.CALENDAR_DAYS);

  public static ScheduleSettings defaults() {
    return DEFAULTS;
  }

  public ScheduleSettings withForwardPeriods(HolidayShift shift) {
    return new ScheduleSettings(shift, fixedDeadlines, publicityUnit);
  }

  public ScheduleSettings withFixedDeadlines(HolidayShift shift) {
    return new ScheduleSettings(forwardPeriods, shift, publicityUnit);
  }

  public ScheduleSettings withPublicityUnit(PeriodUnit unit) {
    return new ScheduleSettings(forwardPeriods, fixedDeadlines, unit);
  }
}
