package xuanju.core.quota;

import java.util.List;
import java.util.Objects;
import xuanju.core.rule.Step;

/**
 * The outcome of one requirement (单项结构要求的检查结果).
 *
 * @param requirement the requirement
 * @param count how many people on the list have the attribute (people with unknown data excluded)
 * @param total how many people are on the list
 * @param bound the number the count is held to: the least count needed for a minimum, the most
 *     allowed for a cap (for a share: computed from the total, e.g. more than 50% of 9 → 5)
 * @param met whether the requirement holds
 * @param missing for a minimum: how many more qualifying people are needed (0 if met)
 * @param excess for a cap: how many too many (0 if met)
 * @param unknown ids of people whose attribute is unknown, not counted
 * @param step the comparison as a rule-trail step, numbers filled in
 */
public record QuotaResult(
    QuotaRequirement requirement,
    long count,
    long total,
    long bound,
    boolean met,
    long missing,
    long excess,
    List<String> unknown,
    Step step) {
  public QuotaResult {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(step, "step");
    unknown = List.copyOf(unknown);
  }
}
