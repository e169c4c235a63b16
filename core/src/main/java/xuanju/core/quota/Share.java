package xuanju.core.quota;

import java.math.BigInteger;
import xuanju.core.rule.InvalidInputException;

/**
 * A share as an exact fraction (比例), e.g. 1/2 or 45/100. Compared by cross-multiplication, never as
 * a floating-point number.
 *
 * @param numerator ≥ 0
 * @param denominator &gt; 0, numerator ≤ denominator
 */
public record Share(long numerator, long denominator) {
  public Share {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new InvalidInputException("share", "比例应在0到1之间，实际为 " + numerator + "/" + denominator);
    }
    long g = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValue();
    if (g > 1) {
      numerator /= g;
      denominator /= g;
    }
  }

  public static Share of(long numerator, long denominator) {
    return new Share(numerator, denominator);
  }

  /** Reads {@code 45%}, {@code 1/2} or {@code 2/3}. */
  public static Share parse(String text) {
    String t = text == null ? "" : text.strip().replace('％', '%');
    try {
      if (t.endsWith("%")) {
        return new Share(Long.parseLong(t.substring(0, t.length() - 1).strip()), 100);
      }
      int slash = t.indexOf('/');
      if (slash > 0) {
        return new Share(
            Long.parseLong(t.substring(0, slash).strip()),
            Long.parseLong(t.substring(slash + 1).strip()));
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new InvalidInputException("share", "比例应写成 45% 或 1/2 的形式，实际为 \"" + text + "\"");
  }

  /** The smallest count c with {@code c/total >= share}: ceil(total·p/q). */
  long ceilOf(long total) {
    return Math.floorDiv(Math.multiplyExact(total, numerator) + denominator - 1, denominator);
  }

  /** The largest count c with {@code c/total <= share}: floor(total·p/q). */
  long floorOf(long total) {
    return Math.floorDiv(Math.multiplyExact(total, numerator), denominator);
  }

  /** {@code 50%} when exact in whole percent, else {@code 2/3}. */
  public String displayZh() {
    if ((numerator * 100) % denominator == 0) {
      return (numerator * 100 / denominator) + "%";
    }
    return numerator + "/" + denominator;
  }
}
