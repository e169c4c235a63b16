package xuanju.core.community;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Tracks 一肩挑 and 交叉任职 (seed 002 三（一）、三（四）): from the party organisation's result and the residents'
 * committee's result, who holds which posts across both, whether the secretary is the director, and
 * how many sit on both.
 */
public final class TwoCommittees {
  private TwoCommittees() {}

  /** A seat on the party committee. */
  public record PartySeat(String personId, String name, PartyPost post) {}

  /** A seat on the residents' committee. */
  public record ResidentsSeat(String personId, String name, CommitteePost post) {}

  /**
   * The summary.
   *
   * @throws InvalidInputException if a person holds two seats on one committee, or there are two
   *     secretaries or two directors
   */
  public static TwoCommitteesSummary summarise(
      List<PartySeat> party, List<ResidentsSeat> residents) {
    Map<String, PartySeat> p = new LinkedHashMap<>();
    Map<String, ResidentsSeat> r = new LinkedHashMap<>();
    Map<PartyPost, Integer> byParty = new EnumMap<>(PartyPost.class);
    Map<CommitteePost, Integer> byResidents = new EnumMap<>(CommitteePost.class);
    String secretary = null;
    String director = null;
    for (int i = 0; i < party.size(); i++) {
      PartySeat s = party.get(i);
      if (p.put(s.personId(), s) != null) {
        throw new InvalidInputException("party[" + i + "]", s.name() + "在社区党组织委员会中重复");
      }
      if (s.post() == PartyPost.SECRETARY) {
        if (secretary != null) {
          throw new InvalidInputException("party[" + i + "].post", "社区党组织只能有一名书记");
        }
        secretary = s.personId();
      }
      byParty.merge(s.post(), 1, Integer::sum);
    }
    for (int i = 0; i < residents.size(); i++) {
      ResidentsSeat s = residents.get(i);
      if (r.put(s.personId(), s) != null) {
        throw new InvalidInputException("residents[" + i + "]", s.name() + "在居民委员会中重复");
      }
      if (s.post() == CommitteePost.DIRECTOR) {
        if (director != null) {
          throw new InvalidInputException("residents[" + i + "].post", "居民委员会只能有一名主任");
        }
        director = s.personId();
      }
      byResidents.merge(s.post(), 1, Integer::sum);
    }
    List<TwoCommitteesSummary.Line> lines = new ArrayList<>();
    int cross = 0;
    for (PartySeat s : party) {
      Optional<CommitteePost> rp =
          Optional.ofNullable(r.get(s.personId())).map(ResidentsSeat::post);
      cross += rp.isPresent() ? 1 : 0;
      lines.add(new TwoCommitteesSummary.Line(s.personId(), s.name(), Optional.of(s.post()), rp));
    }
    for (ResidentsSeat s : residents) {
      if (!p.containsKey(s.personId())) {
        lines.add(
            new TwoCommitteesSummary.Line(
                s.personId(), s.name(), Optional.empty(), Optional.of(s.post())));
      }
    }
    boolean oneShoulder = secretary != null && secretary.equals(director);
    List<Finding> out = new ArrayList<>();
    if (!oneShoulder) {
      String why;
      if (secretary == null) {
        why = "社区党组织尚未产生书记";
      } else if (director == null) {
        why = "居民委员会尚未产生主任，书记" + p.get(secretary).name() + "未担任主任";
      } else {
        why = "书记" + p.get(secretary).name() + "未担任居民委员会主任（主任为" + r.get(director).name() + "）";
      }
      out.add(Finding.of(CommunityRule.ONE_SHOULDER, "residents", why + "，未实现“一肩挑”"));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("crossPosted", cross);
    facts.put("partySize", party.size());
    facts.put("residentsSize", residents.size());
    out.add(
        new Finding(
            CommunityRule.CROSS_POST,
            List.of("party", "residents"),
            facts,
            "交叉任职"
                + cross
                + "人，占社区党组织委员会"
                + TwoCommitteesSummary.share(cross, party.size())
                + "，占居民委员会"
                + TwoCommitteesSummary.share(cross, residents.size())
                + (oneShoulder ? "；书记" + p.get(secretary).name() + "兼任居民委员会主任（“一肩挑”）" : "")));
    return new TwoCommitteesSummary(
        lines,
        Optional.ofNullable(secretary),
        Optional.ofNullable(director),
        oneShoulder,
        party.size(),
        residents.size(),
        cross,
        byParty,
        byResidents,
        Findings.of(out));
  }
}
