package xuanju.core.rule;

import java.util.List;
import java.util.Objects;

/**
 * A decision (判定) together with the rule trail that produced it. Every public counting or validity
 * function in core returns a decision, so that reports and tests read the same data.
 *
 * @param <T> the outcome type
 * @param outcome what was decided
 * @param trail the steps, in the order they were applied
 */
public record Decision<T>(T outcome, List<Step> trail) {
  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    trail = List.copyOf(trail);
  }

  /** The rule codes of the trail, in order. */
  public List<String> codes() {
    return trail.stream().map(Step::code).toList();
  }
}
