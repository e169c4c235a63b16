package xuanju.core.quota;

/** How a count is compared with the requirement (比较方式). */
public enum Comparison {
  /** ≥ (不少于 / 以上). */
  AT_LEAST(">=", "至少", "不低于", true),
  /** &gt; (多于 / 超过 / 高于). */
  MORE_THAN(">", "多于", "高于", true),
  /** ≤ (不超过 / 以下). */
  AT_MOST("<=", "不超过", "不高于", false),
  /** &lt; (少于 / 低于). */
  LESS_THAN("<", "少于", "低于", false);

  private final String symbol;
  private final String countZh;
  private final String shareZh;
  private final boolean minimum;

  Comparison(String symbol, String countZh, String shareZh, boolean minimum) {
    this.symbol = symbol;
    this.countZh = countZh;
    this.shareZh = shareZh;
    this.minimum = minimum;
  }

  public String symbol() {
    return symbol;
  }

  /** Wording before a number of people: {@code 至少7名}. */
  public String countZh() {
    return countZh;
  }

  /** Wording before a share: {@code 比例高于50%}. */
  public String shareZh() {
    return shareZh;
  }

  /** Whether this is a lower bound (a minimum) rather than a cap. */
  public boolean minimum() {
    return minimum;
  }

  public boolean test(long left, long right) {
    return switch (this) {
      case AT_LEAST -> left >= right;
      case MORE_THAN -> left > right;
      case AT_MOST -> left <= right;
      case LESS_THAN -> left < right;
    };
  }
}
