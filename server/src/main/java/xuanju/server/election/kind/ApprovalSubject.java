package xuanju.server.election.kind;

/** What is approved, decided or filed (审批事项). */
public enum ApprovalSubject {
  /** 选举工作方案（请示）. */
  PLAN("选举工作方案"),
  /** 选区划分和代表名额. */
  DISTRICTS("选区划分和代表名额"),
  /** 选民名单. */
  VOTER_LIST("选民名单"),
  /** 候选人（预备人选、正式候选人）. */
  CANDIDATES("候选人"),
  /** 选举结果（确认、批准）. */
  RESULTS("选举结果"),
  /** 选举结果备案. */
  RESULTS_FILING("选举结果备案");

  private final String labelZh;

  ApprovalSubject(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
