package xuanju.core.schedule;

/** Where one step of a work checklist stands on a given day (工作进度状态). */
public enum StepState {
  /** Done on or before its day (按期完成). */
  DONE("按期完成", false),
  /** Done, but after its day (逾期完成). */
  DONE_LATE("逾期完成", true),
  /** Not done and its day has passed (已逾期). */
  OVERDUE("已逾期", true),
  /** Not done; its day is within the warning period (即将到期). */
  DUE_SOON("即将到期", false),
  /** Not done; its day is still ahead (待办). */
  OPEN("待办", false);

  private final String labelZh;
  private final boolean late;

  StepState(String labelZh, boolean late) {
    this.labelZh = labelZh;
    this.late = late;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Whether the step is late: done late or overdue (shown in red). */
  public boolean late() {
    return late;
  }
}
