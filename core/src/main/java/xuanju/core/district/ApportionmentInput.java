package xuanju.core.district;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.InvalidInputException;

/**
 * Everything the committee has for dividing a town into districts (选区划分与名额分配的输入): the town, its
 * districts and, where already decided, each district's seats.
 *
 * @param townName e.g. {@code 示例镇}; may be empty
 * @param town the town's kind, population, extra 5 % and decided total
 * @param districts the districts, at least one
 * @param seats per district its seats, or null where the seats are to be proposed; same size as
 *     {@code districts}
 * @param limit the largest deviation from the average population per deputy accepted without a
 *     warning, 0 &lt; limit ≤ 1 (default {@link Apportionment#DEFAULT_LIMIT}, 20 %)
 */
public record ApportionmentInput(
    String townName,
    TownSeatsQuery town,
    List<District> districts,
    List<Integer> seats,
    Ratio limit) {
  public ApportionmentInput {
    townName = townName == null ? "" : townName.strip();
    Objects.requireNonNull(town, "town");
    if (districts == null || districts.isEmpty()) {
      throw new InvalidInputException("districts", "至少需要一个选区");
    }
    districts = List.copyOf(districts);
    if (seats == null) {
      seats = Collections.nCopies(districts.size(), null);
    }
    if (seats.size() != districts.size()) {
      throw new IllegalArgumentException("one seats entry per district");
    }
    seats = Collections.unmodifiableList(new ArrayList<>(seats));
    limit = limit == null ? Apportionment.DEFAULT_LIMIT : limit;
  }

  /** Districts whose seats are all to be proposed. */
  public static ApportionmentInput propose(
      String townName, TownSeatsQuery town, List<District> ds) {
    return new ApportionmentInput(townName, town, ds, null, null);
  }
}
