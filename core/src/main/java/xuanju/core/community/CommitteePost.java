package xuanju.core.community;

/** A post on the residents' committee (居民委员会职位), from the highest. */
public enum CommitteePost {
  DIRECTOR("主任"),
  DEPUTY_DIRECTOR("副主任"),
  MEMBER("委员");

  private final String labelZh;

  CommitteePost(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
