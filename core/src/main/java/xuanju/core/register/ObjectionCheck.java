package xuanju.core.register;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.Findings;

/**
 * The statutory days of one objection and whether they were kept (申诉期限审核).
 *
 * @param objection the objection checked
 * @param windowFrom first day objections may be filed (the day after publication)
 * @param windowTo last day objections may be filed
 * @param decisionDueBy last day of the committee's decision (three days after receipt)
 * @param courtBy last day to go to court (D − 5), when the election kind has it
 * @param findings a late objection, a late or missing decision, a late suit
 */
public record ObjectionCheck(
    Objection objection,
    LocalDate windowFrom,
    LocalDate windowTo,
    LocalDate decisionDueBy,
    Optional<LocalDate> courtBy,
    Findings findings) {
  public ObjectionCheck {
    Objects.requireNonNull(objection, "objection");
    Objects.requireNonNull(courtBy, "courtBy");
    Objects.requireNonNull(findings, "findings");
  }

  /** Whether the objection was filed within the window. */
  public boolean filedInTime() {
    return !objection.filedOn().isBefore(windowFrom) && !objection.filedOn().isAfter(windowTo);
  }
}
