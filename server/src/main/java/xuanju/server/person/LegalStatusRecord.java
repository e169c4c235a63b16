package xuanju.server.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import xuanju.core.register.Deprivation;
import xuanju.core.register.Incapacity;
import xuanju.core.register.LegalStatus;
import xuanju.core.register.VotingSuspension;

/**
 * One row of {@code person_legal_status} (选民资格相关情况记录). The columns mean, per kind:
 *
 * <table>
 *   <caption>columns per kind</caption>
 *   <tr><th>kind</th><th>basis</th><th>authority</th><th>reason</th><th>first_day</th>
 *       <th>last_day</th><th>confirmed_on / decision_ref</th></tr>
 *   <tr><td>{@link LegalStatusKind#DEPRIVED}</td><td>判决书文号</td><td>法院</td><td>—</td>
 *       <td>起始日</td><td>截止日 (inclusive; null = 终身)</td><td>—</td></tr>
 *   <tr><td>{@link LegalStatusKind#INCAPACITY}</td><td>—</td><td>—</td><td>原因</td><td>—</td>
 *       <td>情形消除日 (core {@code endedOn}: the first day it no longer applies)</td>
 *       <td>选举委员会确认日期 and 决定</td></tr>
 *   <tr><td>{@link LegalStatusKind#SUSPENDED}</td><td>决定文号</td><td>人民检察院/人民法院</td><td>—</td>
 *       <td>决定日期</td><td>结束日 (core {@code endedOn})</td><td>—</td></tr>
 * </table>
 *
 * <p>{@code evidence} holds {@link Incapacity.Evidence} names; {@code intermittent} is 间歇性.
 */
public record LegalStatusRecord(
    long id,
    long personId,
    LegalStatusKind kind,
    String basis,
    String authority,
    String reason,
    Incapacity.Evidence evidence,
    LocalDate firstDay,
    LocalDate lastDay,
    boolean intermittent,
    LocalDate confirmedOn,
    String decisionRef,
    String recordedBy,
    Instant recordedAt) {

  /** The core deprivation; throws core's {@code InvalidInputException} when incomplete. */
  public Deprivation deprivation() {
    return new Deprivation(basis, authority, firstDay, lastDay);
  }

  /** The core incapacity finding. */
  public Incapacity incapacity() {
    return new Incapacity(reason, evidence, intermittent, confirmedOn, decisionRef, lastDay);
  }

  /** The core suspension decision. */
  public VotingSuspension suspension() {
    return new VotingSuspension(authority, basis, firstDay, lastDay);
  }

  /** A one-line Chinese description for pages and the audit log (no ID numbers). */
  public String describeZh() {
    return switch (kind) {
      case DEPRIVED ->
          "剥夺政治权利，"
              + basis
              + (authority.isEmpty() ? "" : "（" + authority + "）")
              + "，"
              + deprivation().periodZh();
      case INCAPACITY ->
          "不能行使选举权利："
              + reason
              + "（依据材料："
              + (evidence == null ? Incapacity.Evidence.NONE : evidence).labelZh()
              + (intermittent ? "，间歇性" : "")
              + "）"
              + (confirmedOn == null
                  ? "，选举委员会尚未确认"
                  : "，选举委员会于" + confirmedOn + "确认（" + decisionRef + "）")
              + (lastDay == null ? "" : "，" + lastDay + "起情形消除");
      case SUSPENDED ->
          "停止行使选举权利，"
              + authority
              + basis
              + "，"
              + firstDay
              + "决定"
              + (lastDay == null ? "" : "，" + lastDay + "起结束");
    };
  }

  /**
   * The core legal status of a person from all their records: every deprivation; the latest
   * incapacity and the latest suspension (by id: the most recently recorded).
   */
  public static LegalStatus toLegalStatus(List<LegalStatusRecord> records) {
    List<Deprivation> deprivations = new ArrayList<>();
    Incapacity incapacity = null;
    VotingSuspension suspension = null;
    List<LegalStatusRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparingLong(LegalStatusRecord::id));
    for (LegalStatusRecord r : sorted) {
      switch (r.kind()) {
        case DEPRIVED -> deprivations.add(r.deprivation());
        case INCAPACITY -> incapacity = r.incapacity();
        case SUSPENDED -> suspension = r.suspension();
      }
    }
    if (deprivations.isEmpty() && incapacity == null && suspension == null) {
      return LegalStatus.none();
    }
    return new LegalStatus(deprivations, incapacity, suspension);
  }
}
