package xuanju.core.community;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import xuanju.core.rule.Findings;

/**
 * Who holds which posts across the community party organisation and the residents' committee
 * (社区“两委” 班子任职情况): one line per person, the 一肩挑 status and the cross-post counts.
 *
 * @param people one line per person, party committee first (in its order), then the residents'
 *     committee members who are not on it
 * @param secretaryId the party organisation's secretary, if elected
 * @param directorId the residents' committee's director, if elected
 * @param oneShoulder whether the secretary is also the director (一肩挑)
 * @param partySize members of the party committee
 * @param residentsSize members of the residents' committee
 * @param crossPosted persons on both (交叉任职)
 * @param partyByPost party committee members per post
 * @param residentsByPost residents' committee members per post
 * @param findings {@code COMMUNITY.TWO_COMMITTEES.ONE_SHOULDER} (warning when not) and {@code
 *     COMMUNITY.TWO_COMMITTEES.CROSS_POST} (the shares)
 */
public record TwoCommitteesSummary(
    List<Line> people,
    Optional<String> secretaryId,
    Optional<String> directorId,
    boolean oneShoulder,
    int partySize,
    int residentsSize,
    int crossPosted,
    Map<PartyPost, Integer> partyByPost,
    Map<CommitteePost, Integer> residentsByPost,
    Findings findings) {
  public TwoCommitteesSummary {
    people = List.copyOf(people);
    partyByPost = Map.copyOf(partyByPost);
    residentsByPost = Map.copyOf(residentsByPost);
  }

  /** Persons in the team (“两委”班子成员人数, each counted once). */
  public int teamSize() {
    return people.size();
  }

  /** The cross-posted share of the party committee, e.g. {@code 3/5（60%）}. */
  public String crossShareOfPartyZh() {
    return share(crossPosted, partySize);
  }

  /** The cross-posted share of the residents' committee. */
  public String crossShareOfResidentsZh() {
    return share(crossPosted, residentsSize);
  }

  static String share(int n, int d) {
    return d == 0 ? "—" : n + "/" + d + "（" + Math.round(n * 100.0 / d) + "%）";
  }

  /**
   * One person's posts.
   *
   * @param personId the person
   * @param name the name shown
   * @param party the party committee post, if any
   * @param residents the residents' committee post, if any
   */
  public record Line(
      String personId, String name, Optional<PartyPost> party, Optional<CommitteePost> residents) {
    /** Whether the person sits on both (交叉任职). */
    public boolean crossPosted() {
      return party.isPresent() && residents.isPresent();
    }

    /** The posts in words, e.g. {@code 社区党组织书记、居民委员会主任}. */
    public String postsZh() {
      StringBuilder sb = new StringBuilder();
      party.ifPresent(p -> sb.append("社区党组织").append(p.labelZh()));
      residents.ifPresent(
          r -> sb.append(sb.isEmpty() ? "" : "、").append("居民委员会").append(r.labelZh()));
      return sb.toString();
    }
  }
}
