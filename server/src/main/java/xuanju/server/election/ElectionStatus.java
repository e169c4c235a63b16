package xuanju.server.election;

/**
 * The stage an election is in (选举进度). The order is the order of the work; each capability moves the
 * election forward through {@link ElectionService#transition}.
 */
public enum ElectionStatus {
  /** 方案起草中 */
  DRAFT("方案起草中"),
  /** 请示已报上级 */
  PLAN_SUBMITTED("请示已报上级待批复"),
  /** 上级已批复同意，进入提名 (两推一选) */
  PLAN_APPROVED("上级已批复，候选人推荐中"),
  /** 正式候选人已经上级批准 */
  CANDIDATES_APPROVED("正式候选人已确定"),
  /** 选举大会进行中 */
  VOTING("选举进行中"),
  /** 选举结果已报上级 */
  RESULTS_SUBMITTED("选举结果已报上级"),
  /** 上级已批复选举结果 */
  COMPLETED("选举完成"),
  /** 已归档 */
  ARCHIVED("已归档");

  private final String labelZh;

  ElectionStatus(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
