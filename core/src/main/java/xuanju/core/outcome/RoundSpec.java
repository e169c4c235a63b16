package xuanju.core.outcome;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import xuanju.core.profile.Profile;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.Candidate;

/**
 * Everything the engine needs to decide one round except the ballots (一轮投票的条件).
 *
 * @param profile the effective rule profile (overrides applied)
 * @param meeting which meeting votes (party: 党员大会 or 委员会全体会议)
 * @param seats 应选人数 in this round
 * @param candidates the names printed on the ballot, in ballot order
 * @param electorate the head and ballot counts
 * @param kind first vote, further round (另行选举) or tie re-vote (再次投票)
 * @param furtherRound which 另行选举 this is (1 for the first); 0 for a first vote; a tie re-vote keeps
 *     the number of the round it came from
 * @param ineligibleWriteIns write-in names found not eligible (不具备被选举资格) by the caller; they cannot
 *     be elected
 */
public record RoundSpec(
    Profile profile,
    Meeting meeting,
    int seats,
    List<Candidate> candidates,
    Electorate electorate,
    RoundKind kind,
    int furtherRound,
    Set<String> ineligibleWriteIns) {

  public RoundSpec {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(meeting, "meeting");
    Objects.requireNonNull(electorate, "electorate");
    Objects.requireNonNull(kind, "kind");
    candidates = List.copyOf(candidates);
    ineligibleWriteIns = Set.copyOf(ineligibleWriteIns);
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选人数须至少为1，实为" + seats);
    }
    if (furtherRound < 0) {
      throw new InvalidInputException("furtherRound", "另行选举次数不能为负数");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (!ids.add(candidates.get(i).id())) {
        throw new InvalidInputException(
            "candidates[" + i + "].id", "候选人编号重复：\"" + candidates.get(i).id() + "\"");
      }
    }
    if (kind == RoundKind.TIE_REVOTE && candidates.size() <= seats) {
      throw new InvalidInputException("candidates", "再次投票的候选人数须多于名额");
    }
  }

  /** A first vote with no ineligible write-ins. */
  public static RoundSpec first(
      Profile profile, int seats, List<Candidate> candidates, Electorate electorate) {
    return new RoundSpec(
        profile, Meeting.ELECTORAL, seats, candidates, electorate, RoundKind.FIRST, 0, Set.of());
  }

  /** The same round with new head and ballot counts (e.g. for the next round of the meeting). */
  public RoundSpec withElectorate(Electorate e) {
    return new RoundSpec(
        profile, meeting, seats, candidates, e, kind, furtherRound, ineligibleWriteIns);
  }

  /** The same round with these write-in names marked ineligible. */
  public RoundSpec withIneligibleWriteIns(Set<String> names) {
    return new RoundSpec(
        profile, meeting, seats, candidates, electorate, kind, furtherRound, names);
  }
}
