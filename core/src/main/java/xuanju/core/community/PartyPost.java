package xuanju.core.community;

/** A post on the community party organisation's committee (社区党组织委员会职务). */
public enum PartyPost {
  SECRETARY("书记"),
  DEPUTY_SECRETARY("副书记"),
  /** 专职副书记: seed 002 三（一） puts one in the five-member community party committee. */
  FULL_TIME_DEPUTY_SECRETARY("专职副书记"),
  DISCIPLINE_SECRETARY("纪委书记"),
  DISCIPLINE_MEMBER("纪检委员"),
  MEMBER("委员");

  private final String labelZh;

  PartyPost(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** The posts seed 002 prefers for the supervision committee's chair. */
  public boolean discipline() {
    return this == DISCIPLINE_SECRETARY || this == DISCIPLINE_MEMBER;
  }
}
