package xuanju.server.election.kind;

/**
 * Which tabs and pages an election kind has (页面组): the tab bar ({@code election/tabs.html}) shows
 * the set the kind's configuration declares, so that an election never falls into another kind's
 * pages.
 */
public enum PageSet {
  /** 应到会人数、候选人推荐、选举大会、结果与归档: one meeting or election assembly. */
  MEETING,
  /** 投票与计票、选举结果 per electoral district (the deputies' election). */
  DISTRICT_CONTESTS,
  /** 名额与推荐提名: delegates to a higher party congress (出席上级党代会代表选举, package delegates). */
  DELEGATES;

  /** Whether the kind uses the meeting pages (attendance, nomination, voting, results). */
  public boolean meeting() {
    return this == MEETING;
  }

  /**
   * Whether the kind uses the generic page 方案与请示 (plan, request, reply). The delegates' plan (工作方案
   * with the leading group, the timeline of seed 003) is not built yet, and the generic page speaks
   * of a branch committee and the members' meeting, so it is not offered to them.
   */
  public boolean plan() {
    return this != DELEGATES;
  }

  public boolean districtContests() {
    return this == DISTRICT_CONTESTS;
  }

  public boolean delegates() {
    return this == DELEGATES;
  }
}
