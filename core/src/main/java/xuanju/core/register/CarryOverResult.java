package xuanju.core.register;

import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Step;

/**
 * The register of a new cycle and how it came from the previous one (选民登记结转结果).
 *
 * @param register the new register: carried-over registrations (moved ones with their new place) in
 *     previous order, then the additions in population order
 * @param changes every 增/减, in the order they were found
 * @param districts the 增减 summary per district, by unit id then district id
 * @param total the summary of the whole register
 * @param carriedOver how many voters were carried over unchanged (same district)
 * @param movedBetweenDistricts how many voters moved from one district of the register to another;
 *     each counts as 迁出 in the old district and 迁入 in the new one, so the total's 迁入 and 迁出 both
 *     include them
 * @param findings warnings (voters not found in the population, other removals) and errors (a
 *     district that does not balance)
 */
public record CarryOverResult(
    List<Registration> register,
    List<RegisterChange> changes,
    List<DistrictSummary> districts,
    DistrictSummary total,
    int carriedOver,
    int movedBetweenDistricts,
    Findings findings) {
  public CarryOverResult {
    register = List.copyOf(register);
    changes = List.copyOf(changes);
    districts = List.copyOf(districts);
  }

  /** The summary of one district, by unit and district id. */
  public Optional<DistrictSummary> district(String unitId, String districtId) {
    return districts.stream()
        .filter(d -> d.place().unitId().equals(unitId) && d.place().districtId().equals(districtId))
        .findFirst();
  }

  /** The balance checks, one per district and the total last. */
  public List<Step> balanceTrail() {
    List<Step> out =
        new java.util.ArrayList<>(districts.stream().map(DistrictSummary::balance).toList());
    out.add(total.balance());
    return List.copyOf(out);
  }
}
