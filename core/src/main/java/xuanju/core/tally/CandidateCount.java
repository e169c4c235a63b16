package xuanju.core.tally;

/**
 * The votes of one candidate (候选人得票): 赞成, 不赞成, 弃权. For a write-in only {@code yes} is meaningful
 * (write-ins are not printed on the ballot).
 */
public record CandidateCount(long yes, long no, long abstain) {
  public long sum() {
    return yes + no + abstain;
  }
}
