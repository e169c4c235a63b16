package xuanju.core.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * Checks the residents' supervision committee (居务监督委员会), seed 002 四（二）3（1）: three members, chosen
 * by the 居民代表会议 (or the 居民会议, 001 篇17); no member of the residents' committee on it; no close
 * relative of one (村组法 第三十二条 by analogy; the seed does not say so, hence a warning); the chair in
 * principle the party organisation's 纪委书记 or 纪检委员 (a warning otherwise).
 */
public final class SupervisionCommittees {
  private SupervisionCommittees() {}

  /** The size seed 002 sets. */
  public static final int SIZE = 3;

  /**
   * Checks the committee.
   *
   * @param residentsCommittee the residents' committee members, id → name
   * @param partyPosts the party committee's members and posts, by person id
   * @param kinships the recorded close relations
   */
  public static Findings check(
      SupervisionCommittee sc,
      Map<String, String> residentsCommittee,
      Map<String, PartyPost> partyPosts,
      List<Relation.Kinship> kinships) {
    List<Finding> out = new ArrayList<>();
    int n = sc.members().size();
    if (n != SIZE) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("members", n);
      out.add(
          new Finding(
              CommunityRule.SUPERVISION_SIZE,
              List.of("members"),
              facts,
              "居务监督委员会现有" + n + "名成员，应由" + SIZE + "人组成"));
    }
    for (int i = 0; i < n; i++) {
      SupervisionCommittee.Member m = sc.members().get(i);
      if (m.chosenBy() != ChosenBy.REPRESENTATIVES_MEETING
          && m.chosenBy() != ChosenBy.RESIDENTS_MEETING) {
        out.add(
            Finding.of(
                CommunityRule.SUPERVISION_CHOSEN_BY,
                "members[" + i + "].chosenBy",
                m.name() + "（" + m.chosenBy().labelZh() + "）不是由居民代表会议或居民会议推选产生的"));
      }
      if (residentsCommittee.containsKey(m.personId())) {
        out.add(
            Finding.of(
                CommunityRule.SUPERVISION_RC_MEMBER,
                "members[" + i + "]",
                m.name() + "是居民委员会成员，不得兼任居务监督委员会成员"));
      }
    }
    if (sc.chairId() != null) {
      PartyPost p = partyPosts.get(sc.chairId());
      if (p == null || !p.discipline()) {
        String name =
            sc.members().stream()
                .filter(m -> m.personId().equals(sc.chairId()))
                .findFirst()
                .orElseThrow()
                .name();
        out.add(
            Finding.of(
                CommunityRule.SUPERVISION_CHAIR,
                "chairId",
                "居务监督委员会主任"
                    + name
                    + (p == null ? "不是社区党组织委员会成员" : "是社区党组织" + p.labelZh())
                    + "，原则上应由纪委书记或纪检委员担任"));
      }
    }
    List<Relatives.Holder> holders = new ArrayList<>();
    for (SupervisionCommittee.Member m : sc.members()) {
      if (!residentsCommittee.containsKey(m.personId())) {
        holders.add(
            new Relatives.Holder(m.personId(), m.name(), Set.of(Role.SUPERVISION_COMMITTEE)));
      }
    }
    residentsCommittee.forEach(
        (id, name) ->
            holders.add(new Relatives.Holder(id, name, Set.of(Role.RESIDENTS_COMMITTEE))));
    out.addAll(Relatives.findings(holders, kinships).all());
    return Findings.of(out);
  }
}
