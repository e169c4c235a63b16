package xuanju.server.delegates;

/**
 * The five things every member must be told (党员“五必知”, seed 003 "工作要求"): 本支部推荐提名人选必知、党(工)委遴选结果必知、
 * 候选人初步人选必知、候选人预备人选必知、选举结果必知.
 */
public enum FiveMustKnow {
  RECOMMENDED("本支部推荐提名人选"),
  SELECTED("党（工）委遴选结果"),
  PRELIMINARY("候选人初步人选"),
  PREPARATORY("候选人预备人选"),
  RESULT("选举结果");

  private final String labelZh;

  FiveMustKnow(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
