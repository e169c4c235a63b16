package xuanju.server.proxy;

import java.time.LocalDate;
import xuanju.core.roster.ResidentIds;

/**
 * A proxy of a registered voter (委托投票): the written authorisation (委托书) of the principal (委托人) for
 * the holder (受托人), and the election committee's consent.
 *
 * @param consentOn the day the committee consented (选举委员会同意), or null while pending
 * @param consentBy who consented for the committee (e.g. 选举委员会主任 王某)
 * @param recordedBy the user who recorded it (not printed)
 */
public record VoterProxy(
    long id,
    long electionId,
    long principalRegistrationId,
    long holderRegistrationId,
    LocalDate authorisedOn,
    String reason,
    boolean written,
    boolean closeRelative,
    String relationship,
    LocalDate consentOn,
    String consentBy,
    Status status,
    String withdrawnReason,
    String recordedBy,
    int version,
    Party principal,
    Party holder) {

  /** State of a proxy. */
  public enum Status {
    /** 委托书已登记，待选举委员会同意 */
    PENDING("待选举委员会同意"),
    /** 有效 */
    VALID("有效"),
    /** 已撤回 */
    WITHDRAWN("已撤回");

    private final String labelZh;

    Status(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  /** The principal or the holder as shown and printed. */
  public record Party(
      String name, String residentId, int voterNo, int districtNumber, String districtName) {
    public String maskedId() {
      return ResidentIds.mask(residentId);
    }

    public String districtZh() {
      return "第" + districtNumber + "选区（" + districtName + "）";
    }
  }
}
