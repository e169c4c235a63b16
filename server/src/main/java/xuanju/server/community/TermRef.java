package xuanju.server.community;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import xuanju.core.community.TermPart;

/**
 * A community's 换届 as the parts' sources see it ({@link TermPartSource}): its id, the community
 * organisation, the linked elections and the plan's deadlines.
 *
 * @param id the term ({@code community_term.id})
 * @param organisationId the community organisation the term belongs to
 * @param partyElectionId the party organisation's election, if linked
 * @param residentsElectionId the residents' committee election, if linked
 * @param deadlines the plan's deadline of every part
 */
public record TermRef(
    long id,
    long organisationId,
    Optional<Long> partyElectionId,
    Optional<Long> residentsElectionId,
    Map<TermPart, LocalDate> deadlines) {
  public TermRef {
    deadlines = Map.copyOf(deadlines);
  }

  static TermRef of(TermRepository.Term t) {
    return new TermRef(
        t.id(),
        t.organisationId(),
        Optional.ofNullable(t.partyElectionId()),
        Optional.ofNullable(t.residentsElectionId()),
        t.deadlines());
  }
}
