package xuanju.core.quota;

import java.time.LocalDate;
import java.util.List;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Findings;

/**
 * The result of checking a list against composition requirements (结构要求检查结果): one result per
 * requirement, in the given order, and the findings (one error per unmet requirement, warnings for
 * missing data).
 *
 * @param referenceDate the date ages were computed on, or null if no age requirement
 * @param total the number of people checked
 * @param results one per requirement
 * @param findings rule findings
 */
public record QuotaCheck(
    LocalDate referenceDate, long total, List<QuotaResult> results, Findings findings) {
  public QuotaCheck {
    results = List.copyOf(results);
  }

  public boolean allMet() {
    return results.stream().allMatch(QuotaResult::met);
  }

  /** Whether all requirements hold, with one trail step per requirement. */
  public Decision<Boolean> decision() {
    return new Decision<>(allMet(), results.stream().map(QuotaResult::step).toList());
  }
}
