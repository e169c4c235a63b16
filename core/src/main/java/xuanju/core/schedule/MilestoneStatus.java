package xuanju.core.schedule;

/** Where a milestone stands against an actual date (完成情况). */
public enum MilestoneStatus {
  /** No actual date given (待办). */
  PLANNED("待办"),
  /** The actual date meets the milestone (按期). */
  MET("按期"),
  /** The actual date misses it: too late, or outside the window (逾期). */
  MISSED("逾期");

  private final String labelZh;

  MilestoneStatus(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
