package xuanju.server.election.kind;

/**
 * What a plan check looks at (方案核对的事实): the plan's numbers and the electorate's size as far as it
 * is known.
 *
 * @param membersWithVote 有表决权的党员 on the party roster (used by the members' meeting's checks)
 */
public record PlanFacts(
    boolean hasCommittee, int seats, int secretarySeats, int deputySeats, long membersWithVote) {}
