package xuanju.server.delegates;

/**
 * A decision or approval of a stage (seed 003 §4.6), with the body that must take it: the lists are
 * decided by the 区委常委会 (考察对象, 初步人选) and the 区委全会 (预备人选); the 考察对象名册 is reported to the 市委组织部; the
 * 区纪委 is consulted and the 市委 consents before the 初步人选 are published; the 市委组织部 reviews the 预备人选.
 */
public enum StageStep {
  SUBJECTS_DECIDED(DelegateStage.SUBJECTS, StageBody.STANDING_COMMITTEE, "研究提出考察对象名单"),
  SUBJECTS_REPORTED(DelegateStage.SUBJECTS, StageBody.UPPER_ORGANISATION, "报送初步人选考察对象名册"),
  DISCIPLINE_CONSULTED(DelegateStage.PRELIMINARY, StageBody.DISCIPLINE, "征求同级纪检机关意见"),
  PRELIMINARY_DECIDED(DelegateStage.PRELIMINARY, StageBody.STANDING_COMMITTEE, "研究提出初步人选名单"),
  UPPER_CONSENT(DelegateStage.PRELIMINARY, StageBody.UPPER_COMMITTEE, "同意初步人选"),
  PREPARATORY_DECIDED(DelegateStage.PREPARATORY, StageBody.PLENUM, "圈选确定预备人选"),
  PREPARATORY_REVIEWED(DelegateStage.PREPARATORY, StageBody.UPPER_ORGANISATION, "初步审查预备人选");

  private final DelegateStage stage;
  private final StageBody body;
  private final String labelZh;

  StageStep(DelegateStage stage, StageBody body, String labelZh) {
    this.stage = stage;
    this.body = body;
    this.labelZh = labelZh;
  }

  public DelegateStage stage() {
    return stage;
  }

  /** The body that must take this step. */
  public StageBody body() {
    return body;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Whether this step decides a list (the list is stored with it). */
  public boolean decidesList() {
    return this == SUBJECTS_DECIDED || this == PRELIMINARY_DECIDED || this == PREPARATORY_DECIDED;
  }
}
