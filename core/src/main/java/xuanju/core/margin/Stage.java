package xuanju.core.margin;

/** The nomination stage whose list is checked (候选人产生阶段). */
public enum Stage {
  /** 候选人初步人选. */
  PRELIMINARY,
  /** 候选人预备人选. */
  PRE_CANDIDATES,
  /** 正式候选人（选票上的名单），也用于另行选举. */
  FORMAL,
  /** 补选. */
  BY_ELECTION
}
