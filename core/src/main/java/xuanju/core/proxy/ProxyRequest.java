package xuanju.core.proxy;

import java.util.Objects;

/**
 * One request to vote by proxy (委托投票申请).
 *
 * @param principalId the absent elector (委托人)
 * @param holderId the proxy holder (受托人)
 * @param written whether the authorisation is in writing (书面委托)
 * @param committeeConsent whether the election committee consented (选举委员会同意)
 * @param closeRelative whether the holder is a close relative of the principal (近亲属)
 * @param holderInSameElectorate whether the holder is a voter of the same village / constituency
 */
public record ProxyRequest(
    String principalId,
    String holderId,
    boolean written,
    boolean committeeConsent,
    boolean closeRelative,
    boolean holderInSameElectorate) {
  public ProxyRequest {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(holderId, "holderId");
  }
}
