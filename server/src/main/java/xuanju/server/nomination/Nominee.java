package xuanju.server.nomination;

import java.util.Objects;
import xuanju.core.roster.Member;

/**
 * A recommended person (被推荐人) with the recommendations received and the lists he or she is on.
 *
 * @param typedVotes 党员推荐票数 typed as a total
 * @param ballotVotes 党员推荐票数 counted from the individual ballots entered
 * @param upperRecommended 上级党组织推荐
 * @param preliminary on the preliminary list (初步人选)
 * @param preCandidate on the pre-candidate list (预备人选)
 * @param formal a formal candidate (正式候选人)
 */
public record Nominee(
    long id,
    long electionId,
    long memberId,
    Member member,
    int typedVotes,
    int ballotVotes,
    boolean upperRecommended,
    boolean preliminary,
    boolean preCandidate,
    boolean formal,
    int version) {
  public Nominee {
    Objects.requireNonNull(member, "member");
  }

  /** 党员推荐票数 in all. */
  public int votes() {
    return typedVotes + ballotVotes;
  }

  /** Whether anybody recommended the person (members or the upper organisation). */
  public boolean recommended() {
    return votes() > 0 || upperRecommended;
  }

  public String name() {
    return member.name();
  }
}
