package xuanju.server.election;

/** The kind of election (选举类型); each has a default rule profile and timeline template. */
public enum ElectionKind {
  /** 党支部委员会换届选举 */
  PARTY_BRANCH("党支部委员会换届选举", "PARTY_GRASSROOTS", "PARTY_BRANCH"),
  /** 社区居民委员会选举 */
  RESIDENTS_COMMITTEE("社区居民委员会选举", "RESIDENTS_COMMITTEE", "RESIDENTS_COMMITTEE"),
  /** 村民委员会选举 */
  VILLAGE_COMMITTEE("村民委员会选举", "VILLAGE_COMMITTEE", "VILLAGE_COMMITTEE"),
  /** 乡镇人大代表选举 */
  TOWN_PEOPLES_CONGRESS("乡镇人民代表大会代表选举", "PEOPLES_CONGRESS_DIRECT", "NPC_DIRECT");

  private final String labelZh;
  private final String defaultProfile;
  private final String timelineTemplate;

  ElectionKind(String labelZh, String defaultProfile, String timelineTemplate) {
    this.labelZh = labelZh;
    this.defaultProfile = defaultProfile;
    this.timelineTemplate = timelineTemplate;
  }

  public String labelZh() {
    return labelZh;
  }

  public String defaultProfile() {
    return defaultProfile;
  }

  public String timelineTemplate() {
    return timelineTemplate;
  }
}
