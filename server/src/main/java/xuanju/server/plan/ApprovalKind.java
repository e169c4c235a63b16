package xuanju.server.plan;

/** What a request to the upper organisation is about (请示事项). */
public enum ApprovalKind {
  /** 换届选举请示（选举工作方案） */
  PLAN("换届选举请示"),
  /** 不参加党员大会的党员名单（五类人员） */
  EXCLUSIONS("不参加党员大会的党员名单"),
  /** 委员候选人预备人选 */
  PRE_CANDIDATES("委员候选人预备人选"),
  /** 正式候选人 */
  FORMAL_CANDIDATES("正式候选人"),
  /** 选举结果 */
  RESULTS("选举结果");

  private final String labelZh;

  ApprovalKind(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
