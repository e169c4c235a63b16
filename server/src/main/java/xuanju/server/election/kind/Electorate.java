package xuanju.server.election.kind;

/** Who elects (选举人): the electorate an election kind declares. */
public enum Electorate {
  /** 党员大会: the branch's members with a vote, from the party roster. */
  MEMBERS_MEETING("党员大会"),
  /** 选区选民: registered voters, by electoral district (the voter register, 选民登记). */
  REGISTERED_VOTERS_BY_DISTRICT("选区选民"),
  /** 代表大会/代表会议: a conference of deputies or representatives. */
  CONFERENCE("代表大会/代表会议"),
  /** 委员会全体会议: the members of a committee in plenum. */
  PLENUM("委员会全体会议");

  private final String labelZh;

  Electorate(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /**
   * Whether the electorate is a voter register by district (选民登记): such an election has districts,
   * polling stations, an election committee, a voter list, voter cards and proxies.
   */
  public boolean registersVoters() {
    return this == REGISTERED_VOTERS_BY_DISTRICT;
  }
}
