package xuanju.server.nomination;

/** The stage of the nomination of one election (两推一选进度). */
public enum Phase {
  /** 党员推荐、上级党组织推荐 */
  RECOMMENDATION("党员推荐与上级党组织推荐"),
  /** 初步人选已确定，公示中 */
  PUBLICITY("初步人选公示中"),
  /** 公示结束，预备人选资格审查 */
  REVIEW("预备人选资格审查"),
  /** 预备人选已报上级党组织审批 */
  SUBMITTED("预备人选已报上级审批"),
  /** 上级已批准，正式候选人已确定 */
  APPROVED("正式候选人已确定");

  private final String labelZh;

  Phase(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
