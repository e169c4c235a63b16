package xuanju.core.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Checks the residents' election committee (居民选举委员会): an odd number of members, at least three, the
 * size the plan set (seed 002: 5), every member chosen by a 居民会议, 居民代表会议 or 居民小组 meeting, no member
 * who is a candidate for the residents' committee (he or she must leave it, 村组法 第十二条 by analogy),
 * and every place left filled with the replacement recorded.
 */
public final class ElectionCommittees {
  private ElectionCommittees() {}

  /** The size of seed 002 (选举委员会成员5人，以奇数为宜). */
  public static final int SEED_002_SIZE = 5;

  /**
   * Checks the committee.
   *
   * @param candidateIds the persons nominated (or registered) as residents' committee candidates
   * @param plannedSize the size the election plan sets, e.g. {@link #SEED_002_SIZE}; 0 for none
   * @throws InvalidInputException if a replacement names a person who left but is still a member,
   *     or a replacement who is not a member
   */
  public static Findings check(ElectionCommittee c, Set<String> candidateIds, int plannedSize) {
    List<Finding> out = new ArrayList<>();
    Set<String> current =
        c.members().stream().map(ElectionCommittee.Member::personId).collect(Collectors.toSet());
    int n = c.members().size();
    if (n % 2 == 0) {
      out.add(
          finding(
              CommunityRule.ELECTION_COMMITTEE_ODD, "members", "居民选举委员会现有" + n + "名成员，应为奇数", n));
    }
    if (n < 3) {
      out.add(
          finding(
              CommunityRule.ELECTION_COMMITTEE_AT_LEAST_3,
              "members",
              "居民选举委员会现有" + n + "名成员，不少于三人",
              n));
    }
    if (plannedSize > 0 && n != plannedSize) {
      out.add(
          finding(
              CommunityRule.ELECTION_COMMITTEE_SIZE,
              "members",
              "居民选举委员会现有" + n + "名成员，选举工作方案规定" + plannedSize + "人",
              n));
    }
    for (int i = 0; i < n; i++) {
      ElectionCommittee.Member m = c.members().get(i);
      if (m.chosenBy() == ChosenBy.OTHER) {
        out.add(
            finding(
                CommunityRule.ELECTION_COMMITTEE_CHOSEN_BY,
                "members[" + i + "].chosenBy",
                m.name() + "不是由居民会议、居民代表会议或居民小组会议推选产生的，不能担任居民选举委员会成员",
                n));
      }
      if (candidateIds.contains(m.personId())) {
        out.add(
            finding(
                CommunityRule.ELECTION_COMMITTEE_CANDIDATE,
                "members[" + i + "]",
                m.name() + "已被提名为居民委员会成员候选人，应当退出居民选举委员会，并依次递补或另行推选",
                n));
      }
    }
    for (int i = 0; i < c.replacements().size(); i++) {
      ElectionCommittee.Replacement r = c.replacements().get(i);
      String path = "replacements[" + i + "]";
      if (current.contains(r.leftId())) {
        throw new InvalidInputException(path + ".leftId", r.leftName() + "已记录退出，却仍在成员名单中");
      }
      if (!r.filled()) {
        out.add(
            finding(
                CommunityRule.ELECTION_COMMITTEE_VACANCY,
                path,
                r.leftName() + "退出居民选举委员会（" + r.reasonZh() + "）后尚未记录递补或另行推选的人员",
                n));
        continue;
      }
      if (!current.contains(r.joinedId())) {
        throw new InvalidInputException(path + ".joinedId", "递补人员不在居民选举委员会成员名单中：" + r.joinedId());
      }
      String joined =
          c.members().stream()
              .filter(m -> m.personId().equals(r.joinedId()))
              .findFirst()
              .orElseThrow()
              .name();
      out.add(
          finding(
              CommunityRule.ELECTION_COMMITTEE_REPLACED,
              path,
              r.leftName() + "退出后，" + r.method().labelZh() + "由" + joined + "接任",
              n));
    }
    return Findings.of(out);
  }

  private static Finding finding(CommunityRule rule, String field, String messageZh, int members) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("members", members);
    return new Finding(rule, List.of(field), facts, messageZh);
  }
}
