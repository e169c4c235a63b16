package xuanju.server.plan;

/** The upper organisation's answer to a request (批复意见). */
public enum ApprovalDecision {
  /** 同意 */
  APPROVED("同意"),
  /** 退回修改 */
  RETURNED("退回修改");

  private final String labelZh;

  ApprovalDecision(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
