package xuanju.core.outcome;

import java.util.ArrayList;
import java.util.List;
import xuanju.core.tally.Tally;

/**
 * The result of one round (一轮投票结果): outcomes per seat group, the ranking and the tally.
 *
 * @param kind the kind of round
 * @param seats 应选人数 of the round
 * @param outcomes the seat groups; their seats add up to {@code seats}
 * @param ranking every printed candidate and write-in, best first (empty when no count was made)
 * @param tally the count
 */
public record RoundResult(
    RoundKind kind,
    int seats,
    List<SeatOutcome> outcomes,
    List<RankedCandidate> ranking,
    Tally tally) {
  public RoundResult {
    outcomes = List.copyOf(outcomes);
    ranking = List.copyOf(ranking);
  }

  /** The ids elected in this round, in order of votes. */
  public List<String> electedIds() {
    List<String> ids = new ArrayList<>();
    for (SeatOutcome o : outcomes) {
      if (o instanceof SeatOutcome.Elected e) {
        ids.addAll(e.candidateIds());
      }
    }
    return List.copyOf(ids);
  }

  /** Whether nothing remains to be voted on or ruled (only elected, vacant or reduced seats). */
  public boolean isFinal() {
    return outcomes.stream()
        .allMatch(
            o ->
                o instanceof SeatOutcome.Elected
                    || o instanceof SeatOutcome.Vacancy
                    || o instanceof SeatOutcome.SeatsReduced);
  }

  /** The simple names of the outcome types, e.g. {@code [Elected, TieRevoteNeeded]}. */
  public List<String> outcomeTypes() {
    return outcomes.stream().map(o -> o.getClass().getSimpleName()).toList();
  }
}
