package xuanju.server.plan;

import java.time.LocalDate;

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

  /** The default method for a plan with or without a committee (选举方式). */
  public static String defaultMethod(boolean hasCommittee) {
    return hasCommittee
        ? "采用无记名投票、差额选举的办法，由党员大会选举产生新一届支部委员会委员，再由支部委员会全体会议等额选举产生书记、副书记"
        : "采用无记名投票的办法，由党员大会直接选举产生书记";
  }

  /** Empty details with the default method. */
  public static PlanDetails empty(boolean hasCommittee) {
    return new PlanDetails(null, null, defaultMethod(hasCommittee), "");
  }
}
