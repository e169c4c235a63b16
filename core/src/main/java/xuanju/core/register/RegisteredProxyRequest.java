package xuanju.core.register;

import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;

/**
 * A proxy request between registered voters (登记选民的委托投票申请), by resident ID number. Whether the
 * holder is a voter of the principal's district is taken from the register, not from the request.
 *
 * @param principalId the absent voter's resident ID number (委托人)
 * @param holderId the proxy holder's resident ID number (受托人)
 * @param written written authorisation (书面委托书)
 * @param committeeConsent the election committee consented (选举委员会同意)
 * @param closeRelative the holder is a close relative (近亲属), for the kinds that require it
 */
public record RegisteredProxyRequest(
    String principalId,
    String holderId,
    boolean written,
    boolean committeeConsent,
    boolean closeRelative) {
  public RegisteredProxyRequest {
    if (principalId == null || principalId.isBlank()) {
      throw new InvalidInputException("principalId", "委托投票缺少委托人的公民身份号码");
    }
    if (holderId == null || holderId.isBlank()) {
      throw new InvalidInputException("holderId", "委托投票缺少受托人的公民身份号码");
    }
    principalId = ResidentIds.normalise(principalId);
    holderId = ResidentIds.normalise(holderId);
  }
}
