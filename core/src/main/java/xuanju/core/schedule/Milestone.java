package xuanju.core.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Rule;

/**
 * A computed milestone of a timeline (时间节点).
 *
 * <ul>
 *   <li>{@link MilestoneKind#DEADLINE}: {@code to} is the last allowed day; {@code from} is null.
 *   <li>{@link MilestoneKind#WINDOW}: the period {@code from} … {@code to}. For a publicity period
 *       {@code from} is the latest posting day and {@code to} the day the period runs out.
 *   <li>{@link MilestoneKind#EVENT}: {@code from} and {@code to} are the anchor day.
 * </ul>
 *
 * @param id the template milestone id
 * @param kind deadline, window or event
 * @param from first day of a window, latest posting day of a publicity period; null for a deadline
 * @param to the last day
 * @param rule the rule applied (code, message, citation)
 * @param titleZh short Chinese title
 * @param computationZh how the dates were computed, numbers filled in
 * @param actual the actual date given for a check, or null
 * @param status planned, met or missed
 */
public record Milestone(
    String id,
    MilestoneKind kind,
    LocalDate from,
    LocalDate to,
    Rule rule,
    String titleZh,
    String computationZh,
    LocalDate actual,
    MilestoneStatus status) {
  public Milestone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
  }

  /** The date the milestone is ordered by: a window's first day, otherwise its last day. */
  public LocalDate date() {
    return kind == MilestoneKind.WINDOW && from != null ? from : to;
  }

  public String ruleCode() {
    return rule.code();
  }

  public Citation citation() {
    return rule.citation();
  }

  public Optional<LocalDate> actualDate() {
    return Optional.ofNullable(actual);
  }

  /** The dates in Chinese, e.g. {@code 2026-10-31前}, {@code 2026-11-01至2026-11-05}. */
  public String datesZh() {
    return switch (kind) {
      case DEADLINE -> to + "前";
      case WINDOW -> from + "至" + to;
      case EVENT -> to.toString();
    };
  }
}
