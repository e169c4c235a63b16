package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.rule.InvalidInputException;

/**
 * A decision to suspend the exercise of voting rights (停止行使选举权利) of a person held in custody while
 * under investigation, prosecution or trial: only when the 人民检察院 or 人民法院 so decides (若干规定 第四条). The
 * person keeps the right to vote and stays on the list; everyone else held in custody, on bail or
 * under residential surveillance votes (若干规定 第五条).
 *
 * @param decidedBy the procuratorate or court, e.g. {@code 乌审旗人民检察院}; required
 * @param documentRef the decision (文号); required
 * @param decidedOn the day of the decision
 * @param endedOn the first day the suspension no longer applies (e.g. release), null if it still
 *     does
 */
public record VotingSuspension(
    String decidedBy, String documentRef, LocalDate decidedOn, LocalDate endedOn) {
  public VotingSuspension {
    if (decidedBy == null || decidedBy.isBlank()) {
      throw new InvalidInputException("suspension.decidedBy", "停止行使选举权利须记录作出决定的人民检察院或人民法院");
    }
    if (documentRef == null || documentRef.isBlank()) {
      throw new InvalidInputException("suspension.documentRef", "停止行使选举权利须记录决定文号");
    }
    if (decidedOn == null) {
      throw new InvalidInputException("suspension.decidedOn", "停止行使选举权利须记录决定日期");
    }
    decidedBy = decidedBy.strip();
    documentRef = documentRef.strip();
    if (endedOn != null && endedOn.isBefore(decidedOn)) {
      throw new InvalidInputException(
          "suspension.endedOn", "停止行使选举权利的结束日期 " + endedOn + " 早于决定日期 " + decidedOn);
    }
  }

  /** Whether the suspension is in force on {@code day}. */
  public boolean activeOn(LocalDate day) {
    return !decidedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
  }
}
