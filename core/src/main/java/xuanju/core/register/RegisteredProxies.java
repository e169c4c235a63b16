package xuanju.core.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import xuanju.core.profile.Profile;
import xuanju.core.proxy.Proxies;
import xuanju.core.proxy.ProxyRequest;
import xuanju.core.proxy.ProxyResult;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Adapts proxy requests of registered voters to the existing proxy rules ({@link Proxies}): the
 * principal and the holder must be registered voters of this election, the holder may not be the
 * principal, and "the holder is a voter of the same district" ({@code holderInSameElectorate}) is
 * read from the register. The requests that pass go, in their order, to {@link Proxies#check},
 * which applies the election kind's profile: written authorisation, committee consent, close
 * relative where required, the same district, and the cap per holder (选举法 第四十二条: 3).
 *
 * <p>The proxy rules key requests by the resident ID numbers; in the returned trail's Chinese
 * explanations the numbers are replaced by the name with the masked number, so the trail can be
 * shown as is.
 */
public final class RegisteredProxies {
  private RegisteredProxies() {}

  /**
   * The result: the requests refused before the proxy rules (not registered, self) and the proxy
   * rules' decision on the rest.
   *
   * @param refused requests refused by the register check, each with its findings
   * @param decision the proxy rules' decision on the other requests (accepted, rejected, trail)
   * @param findings every register finding
   */
  public record Result(
      List<RegisteredProxyRequest> refused, Decision<ProxyResult> decision, Findings findings) {
    public Result {
      refused = List.copyOf(refused);
    }

    /** The accepted requests, as the proxy rules returned them. */
    public List<ProxyRequest> accepted() {
      return decision.outcome().accepted();
    }
  }

  /**
   * Checks the requests against the register and then the proxy rules.
   *
   * @param register a voter's registration in this election, by resident ID number
   * @throws InvalidInputException if a principal appears twice (field {@code requests[i]})
   */
  public static Result check(
      Profile profile,
      List<RegisteredProxyRequest> requests,
      Function<String, Optional<Registration>> register) {
    if (profile == null) {
      throw new InvalidInputException("profile", "缺少规则配置");
    }
    Map<String, Integer> principals = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    List<RegisteredProxyRequest> refused = new ArrayList<>();
    List<ProxyRequest> passed = new ArrayList<>();
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      RegisteredProxyRequest q = requests.get(i);
      String path = "requests[" + i + "]";
      Integer first = principals.putIfAbsent(q.principalId(), i);
      if (first != null) {
        throw new InvalidInputException(
            path + ".principalId", "委托人重复：第" + (first + 1) + "条和第" + (i + 1) + "条是同一委托人");
      }
      Optional<Registration> p = register.apply(q.principalId());
      Optional<Registration> h = register.apply(q.holderId());
      List<Finding> mine = new ArrayList<>();
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("request", i);
      if (q.principalId().equals(q.holderId())) {
        mine.add(
            new Finding(
                RegisterRule.PROXY_SELF,
                List.of(path + ".holderId"),
                f,
                "第" + (i + 1) + "条委托：委托人和受托人是同一人"));
      }
      if (p.isEmpty()) {
        mine.add(
            new Finding(
                RegisterRule.PROXY_PRINCIPAL_NOT_REGISTERED,
                List.of(path + ".principalId"),
                f,
                "第" + (i + 1) + "条委托：委托人（" + mask(q.principalId()) + "）不是本次选举已登记的选民"));
      }
      if (h.isEmpty()) {
        mine.add(
            new Finding(
                RegisterRule.PROXY_HOLDER_NOT_REGISTERED,
                List.of(path + ".holderId"),
                f,
                "第"
                    + (i + 1)
                    + "条委托：受托人（"
                    + mask(q.holderId())
                    + "）不是本次选举已登记的选民"
                    + p.map(r -> "，" + r.labelZh() + "不能委托其代为投票").orElse("")));
      }
      if (!mine.isEmpty()) {
        refused.add(q);
        out.addAll(mine);
        continue;
      }
      labels.put(q.principalId(), p.get().labelZh());
      labels.put(q.holderId(), h.get().labelZh());
      passed.add(
          new ProxyRequest(
              q.principalId(),
              q.holderId(),
              q.written(),
              q.committeeConsent(),
              q.closeRelative(),
              p.get().place().sameDistrict(h.get().place())));
    }
    Decision<ProxyResult> d = Proxies.check(profile, passed);
    List<Step> trail = new ArrayList<>();
    for (Step s : d.trail()) {
      String text = s.explanationZh();
      for (Map.Entry<String, String> e : labels.entrySet()) {
        text = text.replace(e.getKey(), e.getValue());
      }
      trail.add(new Step(s.rule(), s.inputs(), s.test(), s.passed(), text));
    }
    return new Result(refused, new Decision<>(d.outcome(), trail), Findings.of(out));
  }

  /** Checks against a register held in a map by resident ID number. */
  public static Result check(
      Profile profile, List<RegisteredProxyRequest> requests, Map<String, Registration> register) {
    return check(profile, requests, id -> Optional.ofNullable(register.get(id)));
  }

  private static String mask(String id) {
    return xuanju.core.roster.ResidentIds.mask(id);
  }
}
