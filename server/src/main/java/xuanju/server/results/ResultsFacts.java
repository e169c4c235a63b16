package xuanju.server.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StageSummary;
import xuanju.server.voting.VotingModel.StoredDecision;

/**
 * What the results documents are made of (选举结果数据): the election, its rounds with the decisions
 * stored on election day (numbers and rule trail as stored — nothing is recounted), the stage
 * summaries, the new committee and its portfolios.
 *
 * @param organisation the branch as signed (中共…支部)
 * @param upper the upper organisation as addressed
 * @param meetingDay the day the members' meeting voted (or the planned election day)
 * @param plenumDay the day the committee's first plenum voted (null without one)
 * @param rounds every round in order, with its stored decision (null while undecided)
 * @param committee the elected committee members (stage 1), by name
 * @param portfolios name → portfolio (委员分工)
 * @param date the date the documents are signed
 */
public record ResultsFacts(
    Election election,
    String organisation,
    String upper,
    LocalDate meetingDay,
    LocalDate plenumDay,
    List<RoundFacts> rounds,
    List<StageSummary> summaries,
    List<String> committee,
    Map<String, String> portfolios,
    LocalDate date) {
  public ResultsFacts {
    rounds = List.copyOf(rounds);
    summaries = List.copyOf(summaries);
    committee = List.copyOf(committee);
    portfolios = Map.copyOf(portfolios);
  }

  /** A round and its stored decision (本轮及其判定). */
  public record RoundFacts(Round round, StoredDecision decision) {
    public boolean decided() {
      return decision != null;
    }
  }

  /** What the results report states, in one sentence (e.g. 委员应选5名、当选5名；书记应选1名、当选1名). */
  public String summaryZh() {
    return summaries.stream()
        .map(
            s ->
                s.post().labelZh()
                    + "应选"
                    + s.seats()
                    + "名、当选"
                    + s.elected().size()
                    + "名"
                    + (s.vacant() > 0 ? "、缺额" + s.vacant() + "名" : ""))
        .reduce((a, b) -> a + "；" + b)
        .orElse("尚无当选结果");
  }

  /** The elected of a stage and post, by name (empty when none). */
  public List<String> elected(int stage, Post post) {
    return summary(stage, post).map(StageSummary::elected).orElse(List.of());
  }

  public Optional<StageSummary> summary(int stage, Post post) {
    return summaries.stream().filter(s -> s.stage() == stage && s.post() == post).findFirst();
  }

  /** The secretaries: stage 2 with a committee, stage 1 without. */
  public List<String> secretaries() {
    return election.hasCommittee() ? elected(2, Post.SECRETARY) : elected(1, Post.SECRETARY);
  }

  public List<String> deputies() {
    return elected(2, Post.DEPUTY);
  }

  /** The first decided round of the members' meeting (its head count is the meeting's). */
  public Optional<RoundFacts> firstMeetingRound() {
    return rounds.stream().filter(r -> r.round().stage() == 1 && r.decided()).findFirst();
  }

  /** The first decided round of the plenum. */
  public Optional<RoundFacts> firstPlenumRound() {
    return rounds.stream().filter(r -> r.round().stage() == 2 && r.decided()).findFirst();
  }
}
