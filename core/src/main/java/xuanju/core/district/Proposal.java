package xuanju.core.district;

import java.util.List;
import xuanju.core.rule.Step;

/**
 * A proposed allocation of seats to districts (代表名额分配建议方案).
 *
 * @param seats the seats of every district, in input order (fixed districts keep theirs)
 * @param proposed per district, whether its seats were proposed (false: fixed by the input)
 * @param maxDeviation the largest deviation among the proposed districts: no allocation of the same
 *     seats to them can have a smaller one
 * @param bottleneck the index of the first proposed district whose deviation equals {@code
 *     maxDeviation}; -1 when no district was proposed
 * @param trail the steps (method, then one step per seat given)
 */
public record Proposal(
    List<Integer> seats,
    List<Boolean> proposed,
    Deviation maxDeviation,
    int bottleneck,
    List<Step> trail) {
  public Proposal {
    seats = List.copyOf(seats);
    proposed = List.copyOf(proposed);
    trail = List.copyOf(trail);
  }
}
