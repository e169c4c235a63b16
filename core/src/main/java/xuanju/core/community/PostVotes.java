package xuanju.core.community;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * The votes that count for a post when 主任, 副主任 and 委员 are on one ballot (一票制分职位计票), under the
 * {@link CarryDown} setting. Without carry-down a candidate's count for a post is the votes marked
 * for that post; with it, the votes for that post and every higher one. A person already elected to
 * a higher post is left out of the lower posts' counts.
 */
public final class PostVotes {
  private PostVotes() {}

  /**
   * The counts for one post.
   *
   * @param votes per person, the votes marked for each post (absent = 0)
   * @param electedAbove persons already elected to a higher post
   * @return per person with a count for this post (absent persons had no vote for it or above), in
   *     the input order
   * @throws InvalidInputException for a negative vote count
   */
  public static Map<String, Long> counts(
      CarryDown setting,
      CommitteePost post,
      Map<String, Map<CommitteePost, Long>> votes,
      Set<String> electedAbove) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<CommitteePost, Long>> e : votes.entrySet()) {
      if (electedAbove.contains(e.getKey())) {
        continue;
      }
      long sum = 0;
      boolean any = false;
      for (CommitteePost p : CommitteePost.values()) {
        if (p.ordinal() > post.ordinal()) {
          break;
        }
        if (p != post && !setting.carryDown()) {
          continue;
        }
        Long v = e.getValue().get(p);
        if (v == null) {
          continue;
        }
        if (v < 0) {
          throw new InvalidInputException("votes." + e.getKey() + "." + p.name(), "得票数不能为负数");
        }
        sum += v;
        any = true;
      }
      if (any) {
        out.put(e.getKey(), sum);
      }
    }
    return out;
  }
}
