package xuanju.core.community;

/** A place a person holds in the "two committees" election (任职或选举工作岗位). */
public enum Role {
  PARTY_COMMITTEE("社区党组织委员会成员"),
  RESIDENTS_COMMITTEE("居民委员会成员"),
  SUPERVISION_COMMITTEE("居务监督委员会成员"),
  CANDIDATE("居民委员会成员候选人"),
  SCRUTINEER("监票人"),
  COUNTER("计票人"),
  WRITER("代写人");

  private final String labelZh;

  Role(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** A member of the 两委 (party organisation or residents' committee). */
  public boolean twoCommittees() {
    return this == PARTY_COMMITTEE || this == RESIDENTS_COMMITTEE;
  }

  /** Election staff who may not be candidates or their relatives. */
  public boolean staff() {
    return this == SCRUTINEER || this == COUNTER || this == WRITER;
  }
}
