package xuanju.server.congress;

/**
 * The level of a deputies' contest (代表选举的层级): town deputies elected in each town district, or
 * county (旗) deputies elected in county-level districts formed from one or more town districts, on
 * the same day with separate ballots (选举法第二条、第二十四条).
 */
public enum ContestLevel {
  /** 镇人民代表大会代表. */
  TOWN("镇人大代表", "镇人民代表大会代表"),
  /** 县（旗）人民代表大会代表. */
  COUNTY("县(旗)人大代表", "县（旗）人民代表大会代表");

  private final String labelZh;
  private final String fullZh;

  ContestLevel(String labelZh, String fullZh) {
    this.labelZh = labelZh;
    this.fullZh = fullZh;
  }

  public String labelZh() {
    return labelZh;
  }

  public String fullZh() {
    return fullZh;
  }

  /** The level named in a request; TOWN when absent. */
  public static ContestLevel of(String name) {
    if (name == null || name.isBlank()) {
      return TOWN;
    }
    for (ContestLevel l : values()) {
      if (l.name().equalsIgnoreCase(name.strip())) {
        return l;
      }
    }
    throw new xuanju.core.rule.InvalidInputException("level", "选举层级只能是镇人大代表或县(旗)人大代表");
  }
}
