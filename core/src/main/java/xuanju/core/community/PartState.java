package xuanju.core.community;

/** The state of a part of a community's 换届 (换届进度). */
public enum PartState {
  NOT_STARTED("未开始"),
  IN_PROGRESS("进行中"),
  DONE("已完成"),
  /** Not done after the plan's deadline. */
  OVERDUE("已逾期");

  private final String labelZh;

  PartState(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
