package xuanju.core.schedule;

/** The kind of a timeline milestone (时间节点类型). */
public enum MilestoneKind {
  /** Must be done on or before a date (截止). */
  DEADLINE("截止"),
  /** A period from one date to another (期间), e.g. the objection window or a publicity period. */
  WINDOW("期间"),
  /** The anchor day itself (基准日): election day or the members' meeting. */
  EVENT("基准日");

  private final String labelZh;

  MilestoneKind(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
