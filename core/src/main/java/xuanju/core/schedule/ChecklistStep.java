package xuanju.core.schedule;

import java.time.LocalDate;
import java.util.Objects;
import xuanju.core.rule.Rule;

/**
 * One step of a work checklist (工作进度事项): what must be done, by which day, under which rule, and
 * when it was done.
 *
 * @param id stable id, e.g. {@code voterList}
 * @param titleZh e.g. {@code 公布选民名单}
 * @param due the last day it may be done on
 * @param done the day it was done, or null
 * @param state where it stands
 * @param rule the rule that sets the day (code, message, citation)
 * @param noteZh what was done or what is missing, in words (may be empty)
 */
public record ChecklistStep(
    String id,
    String titleZh,
    LocalDate due,
    LocalDate done,
    StepState state,
    Rule rule,
    String noteZh) {
  public ChecklistStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rule, "rule");
    noteZh = noteZh == null ? "" : noteZh;
  }

  public boolean late() {
    return state.late();
  }
}
