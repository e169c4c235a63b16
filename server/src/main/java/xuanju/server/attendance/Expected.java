package xuanju.server.attendance;

import java.util.List;
import xuanju.core.rule.Step;

/**
 * 应到会人数 with its trail: members with a vote minus the exclusions adopted by the members' meeting
 * (A2.1).
 *
 * @param membersWithVote 有表决权的党员 (full members whose rights are not suspended)
 * @param excluded 经上级同意、党员大会通过不计入的党员 (0 until the list is adopted)
 * @param expected 应到会人数 = membersWithVote − excluded
 * @param trail the steps: the roster count, the exclusion list's approval, publicity, adoption
 */
public record Expected(int membersWithVote, int excluded, int expected, List<Step> trail) {
  public Expected {
    trail = List.copyOf(trail);
  }

  /** The rule codes of the trail, in order. */
  public List<String> codes() {
    return trail.stream().map(Step::code).toList();
  }
}
