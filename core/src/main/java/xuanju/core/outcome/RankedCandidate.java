package xuanju.core.outcome;

/**
 * One line of the result table (得票排序): a printed candidate or a write-in, with its votes and what
 * became of it.
 *
 * @param id candidate id (write-ins: the name)
 * @param name display name
 * @param writeIn whether this is a write-in (另选他人)
 * @param eligible whether the person may be elected
 * @param yes 赞成
 * @param no 不赞成 (0 for write-ins)
 * @param abstain 弃权 (0 for write-ins)
 * @param rank 1-based rank by 赞成 (equal votes share a rank)
 * @param passed whether the threshold was met (always true in a tie re-vote)
 * @param status the result for this person
 */
public record RankedCandidate(
    String id,
    String name,
    boolean writeIn,
    boolean eligible,
    long yes,
    long no,
    long abstain,
    int rank,
    boolean passed,
    Status status) {

  /** 结果. */
  public enum Status {
    /** 当选. */
    ELECTED,
    /** 票数相等，须再次投票. */
    TIED,
    /** 未当选. */
    NOT_ELECTED,
    /** 不具备被选举资格，不能当选. */
    INELIGIBLE,
    /** 本轮未产生结果（会议无效、选举无效、待认定）. */
    UNDECIDED
  }
}
