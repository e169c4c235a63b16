package xuanju.server.roster;

import xuanju.core.roster.Member;
import xuanju.core.roster.Roster;
import xuanju.core.roster.VotingRight;

/**
 * A stored roster entry (名册记录): the member, the organisation it belongs to and the version used for
 * optimistic locking.
 */
public record MemberRecord(long id, long organisationId, Member member, int version) {
  /** Whether the member has a vote, and why (PARTY.VOTE.*). */
  public VotingRight votingRight() {
    return Roster.votingRight(member).outcome();
  }
}
