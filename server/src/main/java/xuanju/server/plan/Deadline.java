package xuanju.server.plan;

import java.time.LocalDate;

/**
 * A coming deadline of an election for the dashboard (近期截止事项).
 *
 * @param date the day it is due (for a publicity period: the latest posting day)
 * @param daysLeft days from today; negative when overdue
 * @param ruleCode the rule that sets the date
 */
public record Deadline(
    long electionId,
    String electionTitle,
    String organisationName,
    String titleZh,
    LocalDate date,
    long daysLeft,
    String ruleCode,
    String citation) {
  public boolean overdue() {
    return daysLeft < 0;
  }

  /** E.g. {@code 还有 5 天}, {@code 今天}, {@code 已逾期 2 天}. */
  public String daysLeftZh() {
    if (daysLeft == 0) {
      return "今天";
    }
    return daysLeft > 0 ? "还有 " + daysLeft + " 天" : "已逾期 " + (-daysLeft) + " 天";
  }
}
