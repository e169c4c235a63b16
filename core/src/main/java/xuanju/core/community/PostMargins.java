package xuanju.core.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.profile.Profile;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * The candidate margin per post of the residents' committee (主任、副主任、委员分别差额): for each post with
 * seats, the profile's committee margin ({@code xuanju.core.margin.Margins}, for {@code
 * RESIDENTS_COMMITTEE}: more candidates than seats, at least one more, {@code
 * RESIDENTS.MARGIN.MORE_THAN_SEATS}) applied to that post's seats and candidates.
 */
public final class PostMargins {
  private PostMargins() {}

  /** The allowed number of candidates of one post. */
  public static MarginRange range(Profile profile, CommitteePost post, int seats) {
    return Margins.range(profile, MarginQuery.of(Stage.FORMAL, Post.MEMBERS, seats)).outcome();
  }

  /**
   * Checks the candidates of every post that has seats; the findings carry the margin rule's code
   * and name the post (field {@code posts.DIRECTOR.candidates} …).
   *
   * @param seats seats per post (a post without seats, e.g. no 副主任, is left out or 0)
   * @param candidates candidates per post
   * @throws InvalidInputException for a negative count, or candidates for a post without seats
   */
  public static Findings check(
      Profile profile, Map<CommitteePost, Integer> seats, Map<CommitteePost, Integer> candidates) {
    List<Finding> out = new ArrayList<>();
    for (CommitteePost p : CommitteePost.values()) {
      int s = seats.getOrDefault(p, 0);
      int c = candidates.getOrDefault(p, 0);
      if (s < 0 || c < 0) {
        throw new InvalidInputException("posts." + p.name(), p.labelZh() + "的名额或候选人数不能为负数");
      }
      if (s == 0) {
        if (c > 0) {
          throw new InvalidInputException(
              "posts." + p.name() + ".candidates", p.labelZh() + "没有应选名额，却有" + c + "名候选人");
        }
        continue;
      }
      MarginQuery q = MarginQuery.of(Stage.FORMAL, Post.MEMBERS, s);
      for (Finding f : Margins.check(profile, q, c).all()) {
        Map<String, Object> facts = new LinkedHashMap<>(f.facts());
        facts.put("post", p.labelZh());
        out.add(
            new Finding(
                f.rule(),
                List.of("posts." + p.name() + ".candidates"),
                facts,
                p.labelZh() + "：" + f.messageZh()));
      }
    }
    return Findings.of(out);
  }
}
