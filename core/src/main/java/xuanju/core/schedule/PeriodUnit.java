package xuanju.core.schedule;

/** How a period is counted (期间计算单位): calendar days or working days. */
public enum PeriodUnit {
  /** Calendar days (日), weekends and holidays included. */
  CALENDAR_DAYS("日"),
  /** Working days (工作日) per the {@link HolidayCalendar}, with 调休 Saturdays counted. */
  WORKING_DAYS("个工作日");

  private final String suffixZh;

  PeriodUnit(String suffixZh) {
    this.suffixZh = suffixZh;
  }

  /** The unit after a number: {@code 5日}, {@code 5个工作日}. */
  public String suffixZh() {
    return suffixZh;
  }
}
