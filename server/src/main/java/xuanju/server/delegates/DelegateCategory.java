package xuanju.server.delegates;

import java.util.Optional;

/**
 * The category a recommended person is counted in (人选类别), by occupation at the time of the election
 * (代表身份界定): the two levels of leading cadres and the grassroots front line. Each carries the core
 * quota tag it counts for ({@code 领导干部} or {@code 基层一线}).
 */
public enum DelegateCategory {
  /** 局级领导干部. */
  BUREAU("局级领导干部", "局级", QuotaTags.LEADING_CADRE),
  /** 处级领导干部. */
  DIVISION("处级领导干部", "处级", QuotaTags.LEADING_CADRE),
  /** 基层一线. */
  GRASSROOTS("基层一线", "基层", QuotaTags.GRASSROOTS);

  private final String labelZh;
  private final String shortZh;
  private final String quotaTag;

  DelegateCategory(String labelZh, String shortZh, String quotaTag) {
    this.labelZh = labelZh;
    this.shortZh = shortZh;
    this.quotaTag = quotaTag;
  }

  public String labelZh() {
    return labelZh;
  }

  public String shortZh() {
    return shortZh;
  }

  /** The core quota tag the category counts for. */
  public String quotaTag() {
    return quotaTag;
  }

  public boolean cadre() {
    return this != GRASSROOTS;
  }

  /** Reads 局级/局级领导干部, 处级/处级领导干部, 基层/基层一线 (or the stable key). */
  public static Optional<DelegateCategory> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    for (DelegateCategory c : values()) {
      if (t.equals(c.labelZh) || t.equals(c.shortZh) || t.equals(c.name())) {
        return Optional.of(c);
      }
    }
    if (t.equals("基层一线人选")) {
      return Optional.of(GRASSROOTS);
    }
    return Optional.empty();
  }
}
