package xuanju.core.schedule;

/** What kind of day a date is (日期类型). */
public enum DayKind {
  /** An ordinary Monday–Friday working day (工作日). */
  WORKDAY("工作日", true),
  /** An ordinary Saturday or Sunday (休息日). */
  WEEKEND("休息日", false),
  /** A legal holiday or a day off of the holiday arrangement (法定节假日/放假). */
  HOLIDAY("节假日", false),
  /** A weekend day worked under the holiday arrangement (调休上班日). */
  ADJUSTED_WORKDAY("调休上班", true);

  private final String labelZh;
  private final boolean working;

  DayKind(String labelZh, boolean working) {
    this.labelZh = labelZh;
    this.working = working;
  }

  public String labelZh() {
    return labelZh;
  }

  public boolean working() {
    return working;
  }
}
