package xuanju.server.attendance;

/** The stage of the exclusion list (不参加党员大会党员名单的进度). */
public enum ExclusionStatus {
  /** 起草中（或被上级退回） */
  DRAFT("起草中"),
  /** 已报上级党组织待批复 */
  SUBMITTED("已报上级待批复"),
  /** 上级党组织已同意，待公示 */
  APPROVED("上级已同意，待公示"),
  /** 公示中 */
  PUBLISHED("已公示"),
  /** 党员大会已通过 */
  ADOPTED("党员大会已通过");

  private final String labelZh;

  ExclusionStatus(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
