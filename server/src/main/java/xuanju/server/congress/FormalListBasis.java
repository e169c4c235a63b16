package xuanju.server.congress;

/** How a district's formal candidate list was settled (正式代表候选人名单的确定方式), 选举法第三十一条、第三十二条. */
public enum FormalListBasis {
  /** 初步代表候选人人数未超过差额上限，直接列为正式代表候选人. */
  WITHIN_MARGIN("初步代表候选人人数未超过差额上限"),
  /** 由各选民小组讨论、协商，根据较多数选民的意见确定. */
  CONSULTATION("经各选民小组讨论、协商，根据较多数选民的意见确定"),
  /** 对意见不能一致的，进行预选，根据预选结果确定. */
  PRESELECTION("经预选，根据预选时得票多少的顺序确定");

  private final String labelZh;

  FormalListBasis(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
