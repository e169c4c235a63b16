package xuanju.server.plan;

import java.time.LocalDate;
import xuanju.server.election.Election;
import xuanju.server.election.kind.PartyBranchKind;

/**
 * The plan details kept beside the election (方案补充信息): when the outgoing committee was elected and
 * when its term runs out, the voting method and the meeting place.
 *
 * @param termStart 本届委员会选举产生的日期; null when not known
 * @param termExpiry 任期届满日期; null when not known
 * @param method 选举方式, e.g. 差额选举、无记名投票
 */
public record PlanDetails(
    LocalDate termStart, LocalDate termExpiry, String method, String meetingPlace) {
  public PlanDetails {
    method = method == null ? "" : method.strip();
    meetingPlace = meetingPlace == null ? "" : meetingPlace.strip();
  }

  /** The party branch's default method with or without a committee (选举方式). */
  public static String defaultMethod(boolean hasCommittee) {
    return PartyBranchKind.CONFIG.documents().defaultMethod(hasCommittee);
  }

  /** The default method of an election, in its kind's words. */
  public static String defaultMethod(Election e) {
    return e.kind().config().documents().defaultMethod(e.hasCommittee());
  }

  /** Empty details with the election's default method. */
  public static PlanDetails empty(Election e) {
    return new PlanDetails(null, null, defaultMethod(e), "");
  }
}
