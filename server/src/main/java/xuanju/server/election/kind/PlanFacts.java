package xuanju.server.election.kind;

/**
 * What a plan check looks at (方案核对的事实): the plan's numbers and the electorate's size as far as it
 * is known.
 *
 * @param membersWithVote 有表决权的党员 on the party roster (used by the members' meeting's checks)
 * @param register the districts and voter register of a direct election; null for the other kinds
 */
public record PlanFacts(
    boolean hasCommittee,
    int seats,
    int secretarySeats,
    int deputySeats,
    long membersWithVote,
    RegisterFacts register) {
  /** The facts of a kind without a voter register. */
  public PlanFacts(
      boolean hasCommittee, int seats, int secretarySeats, int deputySeats, long membersWithVote) {
    this(hasCommittee, seats, secretarySeats, deputySeats, membersWithVote, null);
  }
}
