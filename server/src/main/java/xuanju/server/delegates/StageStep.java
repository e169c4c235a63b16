package xuanju.server.delegates;

/**
 * A decision or approval of a stage (seed 003 §4.6), with the body that must take it: the lists are
 * decided by the 区委常委会 (考察对象, 初步人选) and the 区委全会 (预备人选); the 考察对象名册 is reported to the 市委组织部; the
 * 区纪委 is consulted and the 市委 consents before the 初步人选 are published; the 市委组织部 reviews the 预备人选
 * and the 市委 approves them (批复) before the conference.
 */
public enum StageStep {
  SUBJECTS_DECIDED(DelegateStage.SUBJECTS, StageBody.STANDING_COMMITTEE, "研究提出考察对象名单"),
  SUBJECTS_REPORTED(DelegateStage.SUBJECTS, StageBody.UPPER_ORGANISATION, "报送初步人选考察对象名册"),
  DISCIPLINE_CONSULTED(DelegateStage.PRELIMINARY, StageBody.DISCIPLINE, "征求同级纪检机关意见"),
  PRELIMINARY_DECIDED(DelegateStage.PRELIMINARY, StageBody.STANDING_COMMITTEE, "研究提出初步人选名单"),
  UPPER_CONSENT(DelegateStage.PRELIMINARY, StageBody.UPPER_COMMITTEE, "同意初步人选"),
  PREPARATORY_DECIDED(DelegateStage.PREPARATORY, StageBody.PLENUM, "圈选确定预备人选"),
  PREPARATORY_REVIEWED(DelegateStage.PREPARATORY, StageBody.UPPER_ORGANISATION, "初步审查预备人选"),
  /** 市委批复预备人选名单 (seed 003 step 8), after the 市委组织部's review; the conference needs it. */
  UPPER_APPROVAL(DelegateStage.PREPARATORY, StageBody.UPPER_COMMITTEE, "批复预备人选名单");

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

  /** The step that must be recorded before this one. */
  StageStep before() {
    return switch (this) {
      case SUBJECTS_DECIDED -> null;
      case SUBJECTS_REPORTED, DISCIPLINE_CONSULTED -> SUBJECTS_DECIDED;
      case PRELIMINARY_DECIDED -> DISCIPLINE_CONSULTED;
      case UPPER_CONSENT -> PRELIMINARY_DECIDED;
      case PREPARATORY_DECIDED -> UPPER_CONSENT;
      case PREPARATORY_REVIEWED -> PREPARATORY_DECIDED;
      case UPPER_APPROVAL -> PREPARATORY_REVIEWED;
    };
  }

  /** Whether this step decides a list (the list is stored with it). */
  public boolean decidesList() {
    return this == SUBJECTS_DECIDED || this == PRELIMINARY_DECIDED || this == PREPARATORY_DECIDED;
  }
}
