package xuanju.core.schedule;

/**
 * What to do when the computed last day of a period falls on a rest day (期限末日遇休息日的处理).
 *
 * <p>A "rest day" is any day the {@link HolidayCalendar} does not count as a working day: a legal
 * holiday or an ordinary weekend that is not an adjusted working day. Treating weekends as 法定休假日
 * follows the usual reading of 民法典 第二百零三条 (tag I: its application to election deadlines is an
 * engineering reading, see {@code docs/formats/timeline.md}).
 */
public enum HolidayShift {
  /** Keep the computed date (不顺延). */
  NONE("不顺延"),
  /** 民法典 第二百零三条: the period ends on the first working day after the rest days (顺延). */
  NEXT_WORKDAY("顺延至休息日后第一个工作日"),
  /** Practical choice, not a legal rule: move to the last working day before (提前). */
  PREVIOUS_WORKDAY("提前至此前最后一个工作日");

  private final String labelZh;

  HolidayShift(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
