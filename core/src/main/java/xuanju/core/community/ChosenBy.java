package xuanju.core.community;

/** How a member of a residents' body was chosen (推选方式). */
public enum ChosenBy {
  RESIDENTS_MEETING("居民会议推选"),
  REPRESENTATIVES_MEETING("居民代表会议推选"),
  RESIDENT_GROUPS("各居民小组会议推选"),
  OTHER("其他方式（如指定、委派）");

  private final String labelZh;

  ChosenBy(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
