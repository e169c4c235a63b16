package xuanju.core.community;

/**
 * A step of the residents' committee election meeting that is recorded as it happens (选举大会程序环节),
 * seed 002 四（二）2（5）: the formal candidates' statements, then the candidates vote together, then
 * they all leave the meeting place (候选人现场回避), then the voters vote.
 */
public enum DayStep {
  STATEMENTS("正式候选人竞职陈述"),
  CANDIDATES_VOTED("候选人集中投票"),
  CANDIDATES_WITHDREW("候选人集体回避（离开选举会场）");

  private final String labelZh;

  DayStep(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
