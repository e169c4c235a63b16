package xuanju.core.district;

import java.util.Optional;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Findings;

/**
 * The town's total, the proposal where seats were missing, and the check of the districts' seats
 * (选区划分与名额分配结果).
 *
 * @param input what was given
 * @param town the total number of deputies with its arithmetic
 * @param proposal the proposal, or null when every district's seats were given
 * @param check the districts' seats checked (proposed or given)
 * @param best the smallest largest-deviation any allocation of the total to these districts can
 *     have, or null when the total cannot be allocated 1 … 3 per district
 * @param findings the town's and the districts' findings together
 */
public record ApportionmentResult(
    ApportionmentInput input,
    Decision<TownSeats> town,
    Proposal proposal,
    DistrictCheck check,
    Deviation best,
    Findings findings) {

  public Optional<Proposal> proposalIfAny() {
    return Optional.ofNullable(proposal);
  }

  public Optional<Deviation> bestIfAny() {
    return Optional.ofNullable(best);
  }

  /** No error: every district has 1 … 3 seats and they add up to the total. */
  public boolean ok() {
    return findings.ok();
  }
}
