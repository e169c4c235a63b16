package xuanju.server.election.kind;

/**
 * The stages of an election (选举阶段) an election kind declares.
 *
 * @param firstZh the first stage, e.g. {@code 党员大会} or {@code 选举大会}
 * @param plenumElectsOfficers whether a second stage exists: the new committee's first plenum
 *     (委员会第一次全体会议) elects the officers (书记、副书记) from among its members
 * @param secondZh the second stage's name, empty without one
 */
public record Stages(String firstZh, boolean plenumElectsOfficers, String secondZh) {
  /** One stage only. */
  public static Stages single(String firstZh) {
    return new Stages(firstZh, false, "");
  }

  /**
   * Whether an election of this kind with (or without) a committee has the second stage (第二阶段):
   * only kinds whose plenum elects the officers, and only when a committee is elected.
   */
  public boolean hasSecondStage(boolean hasCommittee) {
    return plenumElectsOfficers && hasCommittee;
  }
}
