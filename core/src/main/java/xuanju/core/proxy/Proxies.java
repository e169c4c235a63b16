package xuanju.core.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Regime;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Step;

/**
 * Checks proxy-vote requests (委托投票审核): party elections never allow them; people's congress:
 * written, with committee consent, to another voter, at most 3 per holder; village: written, to a
 * close relative with the vote in the same village, cap per province (default 3). Requests are
 * taken in order, so a holder's 4th request is the one refused.
 */
public final class Proxies {
  private Proxies() {}

  /**
   * Checks the requests; the trail has one step per request.
   *
   * @throws InvalidInputException if a principal appears twice
   */
  public static Decision<ProxyResult> check(Profile profile, List<ProxyRequest> requests) {
    List<Step> trail = new ArrayList<>(profile.overrideSteps());
    List<ProxyRequest> accepted = new ArrayList<>();
    List<ProxyResult.Rejected> rejected = new ArrayList<>();
    Map<String, Integer> perHolder = new HashMap<>();
    Map<String, Boolean> principals = new HashMap<>();
    Regime r = profile.regime();
    for (int i = 0; i < requests.size(); i++) {
      ProxyRequest q = requests.get(i);
      if (principals.put(q.principalId(), true) != null) {
        throw new InvalidInputException(
            "requests[" + i + "].principalId", "委托人重复：" + q.principalId());
      }
      List<Rule> failed = new ArrayList<>();
      if (!profile.flag(Param.PROXY_ALLOWED)) {
        failed.add(
            switch (r) {
              case PARTY_GRASSROOTS -> ProxyRule.PARTY_PROXY_NONE;
              case PARTY_LOCAL -> ProxyRule.PARTY_LOCAL_PROXY_NONE;
              case PEOPLES_CONGRESS_INDIRECT -> ProxyRule.NPC_PROXY_INDIRECT_NONE;
              default -> ProxyRule.PROXY_NOT_ALLOWED;
            });
      } else {
        boolean npc = r == Regime.PEOPLES_CONGRESS_DIRECT;
        boolean village = r == Regime.VILLAGE_COMMITTEE;
        if (flag(profile, Param.PROXY_WRITTEN_REQUIRED) && !q.written()) {
          failed.add(
              npc
                  ? ProxyRule.NPC_PROXY_WRITTEN
                  : village ? ProxyRule.VILLAGE_PROXY_WRITTEN : ProxyRule.PROXY_WRITTEN);
        }
        if (flag(profile, Param.PROXY_CONSENT_REQUIRED) && !q.committeeConsent()) {
          failed.add(npc ? ProxyRule.NPC_PROXY_CONSENT : ProxyRule.PROXY_CONSENT);
        }
        if (flag(profile, Param.PROXY_CLOSE_RELATIVE_REQUIRED) && !q.closeRelative()) {
          failed.add(
              village ? ProxyRule.VILLAGE_PROXY_CLOSE_RELATIVE : ProxyRule.PROXY_CLOSE_RELATIVE);
        }
        if (flag(profile, Param.PROXY_SAME_ELECTORATE_REQUIRED) && !q.holderInSameElectorate()) {
          failed.add(
              npc
                  ? ProxyRule.NPC_PROXY_SAME_ELECTORATE
                  : village
                      ? ProxyRule.VILLAGE_PROXY_SAME_VILLAGE
                      : ProxyRule.PROXY_SAME_ELECTORATE);
        }
        int cap =
            profile.has(Param.PROXY_CAP) ? profile.integer(Param.PROXY_CAP) : Integer.MAX_VALUE;
        if (failed.isEmpty() && perHolder.getOrDefault(q.holderId(), 0) >= cap) {
          failed.add(
              npc
                  ? ProxyRule.NPC_PROXY_CAP
                  : village ? ProxyRule.VILLAGE_PROXY_CAP : ProxyRule.PROXY_CAP);
        }
      }
      Map<String, Long> in = new LinkedHashMap<>();
      in.put("request", (long) i);
      in.put("holderAccepted", (long) perHolder.getOrDefault(q.holderId(), 0));
      if (failed.isEmpty()) {
        perHolder.merge(q.holderId(), 1, Integer::sum);
        accepted.add(q);
        trail.add(
            new Step(
                ProxyRule.PROXY_ACCEPTED,
                in,
                "all proxy conditions",
                true,
                "接受"
                    + q.principalId()
                    + "委托"
                    + q.holderId()
                    + "代为投票（该受托人第"
                    + perHolder.get(q.holderId())
                    + "份委托）"));
      } else {
        rejected.add(new ProxyResult.Rejected(q, failed.stream().map(Rule::code).toList()));
        for (Rule f : failed) {
          trail.add(
              new Step(
                  f,
                  in,
                  f.code(),
                  false,
                  "不接受" + q.principalId() + "委托" + q.holderId() + "代为投票：" + f.messageZh()));
        }
      }
    }
    return new Decision<>(new ProxyResult(accepted, rejected), trail);
  }

  private static boolean flag(Profile p, Param param) {
    return p.has(param) && p.flag(param);
  }
}
