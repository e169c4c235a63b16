package xuanju.server.delegates;

/**
 * The stages of the delegates' list after 推荐提名 (seed 003 §4.6), each chosen from the one before:
 * 考察对象 from the recommended names, 初步人选 from the 考察对象 still in the list, 预备人选 from the 初步人选.
 */
public enum DelegateStage {
  /** 初步人选考察对象: ⌈1.5 × seats⌉ (24 for 16) unless the election sets it, by the 区委常委会. */
  SUBJECTS("初步人选考察对象", "推荐人选"),
  /** 代表候选人初步人选: ⌈1.3 × seats⌉ (21 for 16) unless the election sets it, by the 区委常委会. */
  PRELIMINARY("代表候选人初步人选", "考察对象"),
  /** 代表候选人预备人选: at most the 初步人选, more than the seats, selected by the 区委全会. */
  PREPARATORY("代表候选人预备人选", "初步人选");

  private final String labelZh;
  private final String fromZh;

  DelegateStage(String labelZh, String fromZh) {
    this.labelZh = labelZh;
    this.fromZh = fromZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** What the stage's list is chosen from. */
  public String fromZh() {
    return fromZh;
  }

  /** The stage before, null for the first. */
  DelegateStage previous() {
    return ordinal() == 0 ? null : values()[ordinal() - 1];
  }

  /** The step that decides the list. */
  StageStep decision() {
    return switch (this) {
      case SUBJECTS -> StageStep.SUBJECTS_DECIDED;
      case PRELIMINARY -> StageStep.PRELIMINARY_DECIDED;
      case PREPARATORY -> StageStep.PREPARATORY_DECIDED;
    };
  }

  /**
   * The count the list must have for an election of {@code seats} with the election's {@link
   * StageCounts} (by default the seed's 24 and 21 for 16): the exact count, or for the 预备人选 the
   * most it may have.
   */
  int requiredCount(int seats, int preliminaryCount, StageCounts counts) {
    return switch (this) {
      case SUBJECTS -> counts.subjects(seats);
      case PRELIMINARY -> counts.preliminary(seats);
      case PREPARATORY -> preliminaryCount;
    };
  }
}
