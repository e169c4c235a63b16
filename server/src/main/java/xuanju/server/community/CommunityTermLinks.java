package xuanju.server.community;

import org.springframework.stereotype.Component;

/**
 * The link from an election's pages to its community's 换届 (所属社区换届), for the election tabs: {@code
 * ${@communityTermLinks.of(election.id())}} is the term's id, or null when the election belongs to
 * no term (or the user may not see it).
 */
@Component("communityTermLinks")
public class CommunityTermLinks {
  private final TermService terms;

  CommunityTermLinks(TermService terms) {
    this.terms = terms;
  }

  public Long of(long electionId) {
    try {
      return terms.termOfElection(electionId).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
