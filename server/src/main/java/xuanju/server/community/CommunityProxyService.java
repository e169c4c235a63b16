package xuanju.server.community;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionMethods;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.proxy.ProxyService;
import xuanju.server.proxy.VoterProxy;

/**
 * Proxies on a residents' committee election day (委托投票): the adopted 选举办法's cap per holder (1–3,
 * default 3) is checked first — a proxy beyond it is refused with the rule's message and nothing is
 * saved — then the proxy is recorded by {@link ProxyService} with the profile's rules (written,
 * same electorate, its own cap). The page counts the valid proxies.
 */
@Service
public class CommunityProxyService {
  private final CommunityContext ctx;
  private final ElectionMethodService methods;
  private final ProxyService proxies;

  CommunityProxyService(CommunityContext ctx, ElectionMethodService methods, ProxyService proxies) {
    this.ctx = ctx;
    this.methods = methods;
    this.proxies = proxies;
  }

  /** The election's proxies that are not withdrawn. */
  @Transactional(readOnly = true)
  public List<VoterProxy> live(long electionId) {
    ctx.election(electionId, Permission.VIEW);
    return proxies.list(electionId).stream()
        .filter(x -> x.status() != VoterProxy.Status.WITHDRAWN)
        .toList();
  }

  @Transactional
  public long record(long electionId, ProxyService.Form f) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ElectionMethods.Settings m =
        methods
            .adoptedSettings(e)
            .orElseThrow(() -> new IllegalStateException("选举办法尚未经居民代表会议通过，委托投票的人数限制尚未确定，暂不能登记委托"));
    String holder = f.holderId() == null ? "" : f.holderId().strip();
    if (!holder.isEmpty() && ResidentIds.isValid(holder, ctx.today())) {
      String norm = ResidentIds.normalise(holder);
      List<VoterProxy> held =
          live(electionId).stream()
              .filter(x -> ResidentIds.normalise(x.holder().residentId()).equals(norm))
              .toList();
      if (held.size() >= m.proxyCap()) {
        throw new InvalidInputException(
            "holderId",
            "受托人"
                + held.get(0).holder().name()
                + "已接受"
                + held.size()
                + "人委托，本次选举办法规定每一选民接受的委托不得超过"
                + m.proxyCap()
                + "人："
                + CommunityRule.METHOD_PROXY_CAP.messageZh()
                + "（"
                + CommunityRule.METHOD_PROXY_CAP.citation().display()
                + "）");
      }
    }
    return proxies.record(electionId, f);
  }
}
