package xuanju.core.district;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One district's seats checked (选区名额核对): its seats, where they came from, its population per deputy
 * and its deviation from the town's average.
 *
 * @param district the district
 * @param seats its seats (应选代表名额)
 * @param proposed whether the seats come from the proposal (建议) rather than the input
 * @param deviation its deviation from the average; null when the seats are below 1
 * @param exceedsLimit whether the deviation is larger than the limit (a warning)
 */
public record DistrictResult(
    District district, int seats, boolean proposed, Deviation deviation, boolean exceedsLimit) {

  /** Population per deputy (每一代表所代表的人口数), one decimal; empty when the seats are below 1. */
  public Optional<BigDecimal> perDeputy() {
    if (seats < 1) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(district.population())
            .divide(BigDecimal.valueOf(seats), 1, RoundingMode.HALF_UP));
  }

  /** Whether the seats lie in 1 … 3. */
  public boolean seatsAllowed() {
    return seats >= Apportionment.MIN_SEATS && seats <= Apportionment.MAX_SEATS;
  }
}
