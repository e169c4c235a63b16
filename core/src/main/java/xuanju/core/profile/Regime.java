package xuanju.core.profile;

/**
 * The kind of election a profile governs (选举类型). The rule-code prefix of the regime's own rules is
 * given by {@link #codePrefix()}.
 */
public enum Regime {
  /** 党的基层组织选举（党员大会/党员代表大会）. */
  PARTY_GRASSROOTS("PARTY"),
  /** 党的地方组织选举（党代会、地方委员会全会）. */
  PARTY_LOCAL("PARTY_LOCAL"),
  /** 县乡两级人大代表直接选举. */
  PEOPLES_CONGRESS_DIRECT("NPC"),
  /** 县级以上人大选举上一级人大代表（间接选举）. */
  PEOPLES_CONGRESS_INDIRECT("NPC"),
  /** 村民委员会选举. */
  VILLAGE_COMMITTEE("VILLAGE"),
  /** 居民委员会选举. */
  RESIDENTS_COMMITTEE("RESIDENTS");

  private final String codePrefix;

  Regime(String codePrefix) {
    this.codePrefix = codePrefix;
  }

  /** The rule-code prefix, e.g. {@code PARTY} or {@code NPC}. */
  public String codePrefix() {
    return codePrefix;
  }

  /** Whether electors are a meeting checked by a quorum (present vs expected). */
  public boolean isParty() {
    return this == PARTY_GRASSROOTS || this == PARTY_LOCAL;
  }
}
