package xuanju.core.roster;

/**
 * Whether a member has a vote (表决权、选举权和被选举权) and why.
 *
 * @param hasVote true for a full member whose rights are not suspended
 * @param reason the rule that decided it, e.g. {@code PARTY.VOTE.PROBATIONARY}
 */
public record VotingRight(boolean hasVote, RosterRule reason) {
  /** The reason in Chinese, e.g. {@code 预备党员没有表决权、选举权和被选举权}. */
  public String reasonZh() {
    return reason.messageZh();
  }

  /** The reason's rule code. */
  public String code() {
    return reason.code();
  }
}
