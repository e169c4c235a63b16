package xuanju.core.quorum;

/** Which meeting holds the vote (会议类型). */
public enum Meeting {
  /** 党员大会、党员（党的）代表大会，或选民/代表投票. */
  ELECTORAL,
  /** 委员会全体会议（选举书记、副书记、常委）. Party profiles only. */
  PLENUM
}
