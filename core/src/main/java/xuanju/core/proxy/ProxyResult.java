package xuanju.core.proxy;

import java.util.List;

/**
 * The proxy requests accepted and rejected (委托审核结果), in input order.
 *
 * @param accepted requests accepted (to be published with the principals' and holders' names)
 * @param rejected requests rejected, each with the rule codes that failed
 */
public record ProxyResult(List<ProxyRequest> accepted, List<Rejected> rejected) {
  public ProxyResult {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
  }

  /** A rejected request and why. */
  public record Rejected(ProxyRequest request, List<String> codes) {
    public Rejected {
      codes = List.copyOf(codes);
    }
  }
}
