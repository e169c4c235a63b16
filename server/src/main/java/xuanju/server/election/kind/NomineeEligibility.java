package xuanju.server.election.kind;

/** Who may stand (被选举资格) in an election kind. */
public enum NomineeEligibility {
  /** 有被选举权的正式党员，至选举日党龄满1年 (the party branch's rules). */
  PARTY_MEMBER_ONE_YEAR("有被选举权的正式党员，党龄1年以上"),
  /** 年满十八周岁、未被剥夺政治权利的选民 (direct elections; party membership is not required). */
  VOTER("年满十八周岁的选民");

  private final String labelZh;

  NomineeEligibility(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
