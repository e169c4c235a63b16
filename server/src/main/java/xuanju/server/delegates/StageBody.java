package xuanju.server.delegates;

/**
 * The bodies that decide, consent to or review a stage of the delegates' list (seed 003 §4.6): the
 * electing unit's party committee in its standing committee or its plenum, its discipline organ,
 * and the higher party committee and its organisation department.
 */
public enum StageBody {
  /** 区委常委会: proposes the 考察对象 and the 初步人选. */
  STANDING_COMMITTEE("区委常委会"),
  /** 区委全会: selects the 预备人选. */
  PLENUM("区委全会"),
  /** 区纪委 (同级纪检机关): consulted before the 初步人选 are fixed. */
  DISCIPLINE("区纪委（同级纪检机关）"),
  /** 市委组织部: receives the 考察对象名册, reviews the 预备人选. */
  UPPER_ORGANISATION("市委组织部"),
  /** 市委: consents to the 初步人选 and approves (批复) the 预备人选. */
  UPPER_COMMITTEE("市委");

  private final String labelZh;

  StageBody(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
