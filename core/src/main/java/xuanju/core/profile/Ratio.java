package xuanju.core.profile;

/**
 * An exact fraction (比例), e.g. {@code 4/5} or {@code 1/5}, used for quorums and margins so that no
 * rule ever compares doubles. Rounding is named where it happens: {@link #ceilOf(long)} (进一法) and
 * {@link #floorOf(long)} (去尾法).
 *
 * @param numerator the numerator, ≥ 0
 * @param denominator the denominator, &gt; 0
 */
public record Ratio(long numerator, long denominator) {
  public Ratio {
    if (numerator < 0 || denominator <= 0) {
      throw new IllegalArgumentException("ratio must be n/d with n >= 0 and d > 0");
    }
  }

  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  /**
   * Parses {@code "4/5"}, {@code "1"} or {@code "0"}.
   *
   * @throws IllegalArgumentException if the text is not a non-negative fraction
   */
  public static Ratio parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    try {
      if (slash < 0) {
        return new Ratio(Long.parseLong(t), 1);
      }
      return new Ratio(
          Long.parseLong(t.substring(0, slash).trim()),
          Long.parseLong(t.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a fraction: " + text, e);
    }
  }

  /** {@code ceil(n × this)}, rounding up (进一法). */
  public long ceilOf(long n) {
    long p = Math.multiplyExact(n, numerator);
    return -Math.floorDiv(-p, denominator);
  }

  /** {@code floor(n × this)}, rounding down (去尾法). */
  public long floorOf(long n) {
    return Math.floorDiv(Math.multiplyExact(n, numerator), denominator);
  }

  /** Whether {@code part > whole × this}, by cross-multiplication. */
  public boolean exceededBy(long part, long whole) {
    return Math.multiplyExact(part, denominator) > Math.multiplyExact(whole, numerator);
  }

  /** Whether {@code part ≥ whole × this}, by cross-multiplication. */
  public boolean reachedBy(long part, long whole) {
    return Math.multiplyExact(part, denominator) >= Math.multiplyExact(whole, numerator);
  }

  /** The Chinese reading, e.g. {@code 五分之四}, {@code 百分之二十}; {@code 1} for one. */
  public String zh() {
    if (denominator == 1) {
      return Long.toString(numerator);
    }
    if (denominator == 10 || denominator == 5 && numerator == 1) {
      return "百分之" + numerator * 100 / denominator;
    }
    return digit(denominator) + "分之" + digit(numerator);
  }

  private static String digit(long n) {
    String d = "零一二三四五六七八九十";
    return n >= 0 && n <= 10 ? String.valueOf(d.charAt((int) n)) : Long.toString(n);
  }

  /** The text form, e.g. {@code 4/5}. */
  @Override
  public String toString() {
    return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
  }
}
