package xuanju.core.district;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Step;

/**
 * The districts' seats checked against the law (选区名额检查结果): every district 1 … 3 seats, seats adding
 * up to the total, populations adding up to the town's, and population per deputy 大体相等 within the
 * limit.
 *
 * @param townPopulation the town's population P
 * @param total the town's total number of deputies T
 * @param limit the largest deviation accepted without a warning
 * @param results one per district, in input order
 * @param seatsSum the seats of all districts
 * @param populationSum the population of all districts
 * @param trail one step per district (the deviation test), then the sums
 * @param findings errors and warnings
 */
public record DistrictCheck(
    long townPopulation,
    int total,
    Ratio limit,
    List<DistrictResult> results,
    long seatsSum,
    long populationSum,
    List<Step> trail,
    Findings findings) {
  public DistrictCheck {
    results = List.copyOf(results);
    trail = List.copyOf(trail);
  }

  /** Average population per deputy, P ÷ T, one decimal. */
  public BigDecimal average() {
    return BigDecimal.valueOf(townPopulation)
        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
  }

  /** The largest deviation among the districts with at least one seat, or zero. */
  public Deviation maxDeviation() {
    return results.stream()
        .map(DistrictResult::deviation)
        .filter(d -> d != null)
        .max(Deviation::compareTo)
        .orElse(Deviation.ZERO);
  }

  public boolean ok() {
    return findings.ok();
  }
}
