package xuanju.core.district;

import java.math.BigDecimal;
import java.math.RoundingMode;
import xuanju.core.profile.Ratio;

/**
 * How far a district's population per deputy lies from the town's average (偏离幅度), as an exact
 * signed fraction: {@code (p/s − P/T) ÷ (P/T) = (p·T − P·s) ÷ (P·s)} for a district of population
 * {@code p} with {@code s} seats in a town of population {@code P} with {@code T} seats. Positive:
 * each deputy represents more people than the average (the district is under-represented).
 *
 * @param numerator {@code p·T − P·s}
 * @param denominator {@code P·s}, &gt; 0
 */
public record Deviation(long numerator, long denominator) implements Comparable<Deviation> {
  public Deviation {
    if (denominator <= 0) {
      throw new IllegalArgumentException("denominator must be positive");
    }
  }

  /** The deviation of a district of {@code population} with {@code seats} seats. */
  public static Deviation of(long population, int seats, long townPopulation, int totalSeats) {
    if (seats < 1 || totalSeats < 1 || townPopulation < 1) {
      throw new IllegalArgumentException("seats, total and town population must be positive");
    }
    return new Deviation(
        Math.subtractExact(
            Math.multiplyExact(population, totalSeats), Math.multiplyExact(townPopulation, seats)),
        Math.multiplyExact(townPopulation, seats));
  }

  public static final Deviation ZERO = new Deviation(0, 1);

  /** Whether {@code |this| > limit}, by cross-multiplication. */
  public boolean exceeds(Ratio limit) {
    return Math.multiplyExact(Math.abs(numerator), limit.denominator())
        > Math.multiplyExact(limit.numerator(), denominator);
  }

  /** Compares magnitudes: {@code |this|} against {@code |other|}. */
  @Override
  public int compareTo(Deviation o) {
    return Long.compare(
        Math.multiplyExact(Math.abs(numerator), o.denominator),
        Math.multiplyExact(Math.abs(o.numerator), denominator));
  }

  /** The signed percentage, one decimal, half away from zero, e.g. {@code 3.8} or {@code -12.0}. */
  public BigDecimal percent() {
    return BigDecimal.valueOf(numerator)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }

  /** The signed deviation in basis points (万分之一), rounded half away from zero, for rule steps. */
  public long basisPoints() {
    return BigDecimal.valueOf(numerator)
        .multiply(BigDecimal.valueOf(10_000))
        .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** The magnitude as a percentage, e.g. {@code 12.0%}. */
  public String magnitudeZh() {
    return percent().abs().toPlainString() + "%";
  }

  /** E.g. {@code 比平均数多3.8%}, {@code 比平均数少12.0%}, {@code 与平均数相同}. */
  public String zh() {
    if (numerator == 0) {
      return "与平均数相同";
    }
    return (numerator > 0 ? "比平均数多" : "比平均数少") + magnitudeZh();
  }
}
