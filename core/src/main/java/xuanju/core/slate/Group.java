package xuanju.core.slate;

import java.util.ArrayList;
import java.util.List;
import xuanju.core.quota.QuotaRequirement;

/**
 * One requirement held to N seats (按应选名额折算的结构要求): a minimum or a cap on how many of the group's
 * members the slate holds, with the members among the pool. A person whose attribute is unknown is
 * not a member, as in {@code Quotas.check}.
 *
 * @param requirement the requirement
 * @param index its position in the request
 * @param minimum true for "at least / more than", false for a cap
 * @param bound the least count needed (minimum) or the most allowed (cap) on a slate of N
 * @param member per pool index, whether the person counts
 */
record Group(
    QuotaRequirement requirement,
    int index,
    boolean minimum,
    long bound,
    boolean[] member,
    int seats) {

  static List<Group> of(SlateRequest r) {
    List<Group> out = new ArrayList<>();
    for (int g = 0; g < r.requirements().size(); g++) {
      QuotaRequirement q = r.requirements().get(g);
      boolean[] m = new boolean[r.pool().size()];
      for (int i = 0; i < m.length; i++) {
        m[i] = q.attribute().test(r.pool().get(i).person(), r.referenceDate()).orElse(false);
      }
      out.add(new Group(q, g, q.comparison().minimum(), q.bound(r.seats()), m, r.seats()));
    }
    return List.copyOf(out);
  }

  /** {@code 女性}, {@code 50周岁以下}, {@code 先进模范且工人}. */
  String label() {
    return requirement.attribute().labelZh();
  }

  /** {@code 女性至少7名}; a share with its count: {@code 中共党员比例高于50%（21名中至少11名）}. */
  String text() {
    if (requirement.share() == null) {
      return requirement.requirementZh();
    }
    return requirement.requirementZh()
        + "（"
        + seats
        + "名中"
        + (minimum ? "至少" : "至多")
        + bound
        + "名）";
  }

  /** How many of the flagged people are members. */
  int count(boolean[] flags) {
    int c = 0;
    for (int i = 0; i < member.length; i++) {
      if (member[i] && flags[i]) {
        c++;
      }
    }
    return c;
  }
}
