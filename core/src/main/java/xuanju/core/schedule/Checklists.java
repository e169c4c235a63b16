package xuanju.core.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;

/**
 * Work checklists (工作进度清单): a step's state from its last day, the day it was done and today. Pure.
 * A step done on its last day is on time; a step still open on the day after its last day is
 * overdue. An event (election day) is overdue only once the day has passed without it being done.
 */
public final class Checklists {
  private Checklists() {}

  /** Steps due within this many days are {@link StepState#DUE_SOON} (default 3). */
  public static final int DEFAULT_SOON_DAYS = 3;

  /**
   * The state of a step.
   *
   * @param due its last day
   * @param done the day it was done, or null
   * @param today the day it is looked at
   * @param soonDays how many days ahead a step is due soon (≥ 0)
   */
  public static StepState state(LocalDate due, LocalDate done, LocalDate today, int soonDays) {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(today, "today");
    if (soonDays < 0) {
      throw new InvalidInputException("soonDays", "提前提醒天数不能为负数：" + soonDays);
    }
    if (done != null) {
      return done.isAfter(due) ? StepState.DONE_LATE : StepState.DONE;
    }
    if (today.isAfter(due)) {
      return StepState.OVERDUE;
    }
    return ChronoUnit.DAYS.between(today, due) <= soonDays ? StepState.DUE_SOON : StepState.OPEN;
  }

  /** A step of a computed milestone: its last day is the milestone's ({@link Milestone#to()}). */
  public static ChecklistStep step(Milestone m, LocalDate done, LocalDate today, String noteZh) {
    return new ChecklistStep(
        m.id(),
        m.titleZh(),
        m.to(),
        done,
        state(m.to(), done, today, DEFAULT_SOON_DAYS),
        m.rule(),
        noteZh);
  }

  /** A step that is not in a timeline template (e.g. a local plan's step). */
  public static ChecklistStep step(
      String id,
      String titleZh,
      LocalDate due,
      LocalDate done,
      LocalDate today,
      Rule rule,
      String noteZh) {
    return new ChecklistStep(
        id, titleZh, due, done, state(due, done, today, DEFAULT_SOON_DAYS), rule, noteZh);
  }
}
