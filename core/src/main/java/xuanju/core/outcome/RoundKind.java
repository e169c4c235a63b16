package xuanju.core.outcome;

/** What kind of vote a round is (投票轮次类型). */
public enum RoundKind {
  /** 正式选举（第一次投票）. */
  FIRST,
  /** 另行选举：补足第一次投票未选足的名额. */
  FURTHER,
  /** 再次投票：仅就票数相等的候选人投票，以得票多的当选. */
  TIE_REVOTE
}
