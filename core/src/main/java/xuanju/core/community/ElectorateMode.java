package xuanju.core.community;

/**
 * The three lawful ways of electing a residents' committee (居民委员会的选举方式), 居组法 第八条: by all residents
 * with the vote, by one representative of each household (户代表), or, if the residents wish, by two
 * or three representatives of each residents' group (居民小组代表). Each way fixes who the electors are,
 * the base of the turnout test (过半数参加投票) and what check-in counts.
 */
public enum ElectorateMode {
  ALL_VOTERS("全体有选举权的居民直接选举", "登记参加选举的全体居民", "登记参加选举的居民人数", "选民本人凭选民证签到领票，每人一张"),
  HOUSEHOLD_REPRESENTATIVES("每户派代表选举", "每户确定的一名户代表", "登记参加选举的户数", "户代表签到领票，每户一张；同一户已有人领票的不再发票"),
  GROUP_REPRESENTATIVES("居民小组代表选举", "每个居民小组选举的代表二至三人", "各居民小组选出的代表总数", "居民小组代表本人签到领票，每人一张；非代表不发票");

  private final String labelZh;
  private final String electorsZh;
  private final String turnoutBaseZh;
  private final String checkInZh;

  ElectorateMode(String labelZh, String electorsZh, String turnoutBaseZh, String checkInZh) {
    this.labelZh = labelZh;
    this.electorsZh = electorsZh;
    this.turnoutBaseZh = turnoutBaseZh;
    this.checkInZh = checkInZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Who the electors are (选举人). */
  public String electorsZh() {
    return electorsZh;
  }

  /** What the turnout is measured against (参加投票人数的计算基数). */
  public String turnoutBaseZh() {
    return turnoutBaseZh;
  }

  /**
   * The turnout base as the decision's trail names it, with its unit: 登记选民数 (人), 登记参加选举的户数 (户),
   * 居民小组代表总数 (人).
   */
  public TrailBase baseInTrailZh() {
    return switch (this) {
      case ALL_VOTERS -> new TrailBase("登记选民数", "人");
      case HOUSEHOLD_REPRESENTATIVES -> new TrailBase("登记参加选举的户数", "户");
      case GROUP_REPRESENTATIVES -> new TrailBase("居民小组代表总数", "人");
    };
  }

  /** The turnout base's name and unit in the decision's trail. */
  public record TrailBase(String labelZh, String unitZh) {}

  /** What check-in counts (签到领票). */
  public String checkInZh() {
    return checkInZh;
  }

  /** The check-in key of a voter: the voter, or the household when households vote. */
  public String checkInKey(RollEntry e) {
    return this == HOUSEHOLD_REPRESENTATIVES
        ? "household:" + e.householdId()
        : "voter:" + e.voterId();
  }

  /**
   * One registered resident (登记参加选举的居民).
   *
   * @param voterId the person
   * @param name the name shown
   * @param householdId the household (户)
   * @param groupId the residents' group (居民小组)
   */
  public record RollEntry(String voterId, String name, String householdId, String groupId) {
    public RollEntry {
      if (voterId == null || voterId.isBlank()) {
        throw new xuanju.core.rule.InvalidInputException("voterId", "选民名册缺少人员编号");
      }
      name = name == null || name.isBlank() ? voterId : name;
      householdId = householdId == null ? "" : householdId;
      groupId = groupId == null ? "" : groupId;
    }
  }
}
