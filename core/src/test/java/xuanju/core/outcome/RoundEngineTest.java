package xuanju.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.quorum.Electorate;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;

/** Seed rules EL-01 and EL-04 (seed-rules §2.4) and the engine's API contracts. */
class RoundEngineTest {
  static final Profile PARTY = Profiles.byId("PARTY_GRASSROOTS");

  static List<Candidate> cands(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> Candidate.of(id, id)).toList();
  }

  static Tally yesOnly(List<Candidate> c, long valid, long... yes) {
    Map<String, CandidateCount> m = new LinkedHashMap<>();
    for (int i = 0; i < c.size(); i++) {
      m.put(c.get(i).id(), new CandidateCount(yes[i], valid - yes[i], 0));
    }
    return Tally.ofCounts(c, valid, 0, m, Map.of());
  }

  /**
   * EL-01: "赞成票需超过实到会有选举权人数的二分之一,以得票多的当选". Present 30 (not the 28 valid ballots): 15 fails, 16
   * passes; more passers than seats → the most votes win.
   */
  @Test
  void el01_moreThanHalfOfPresentThenMostVotes() {
    List<Candidate> c = cands("A", "B", "C", "D");
    RoundSpec spec = RoundSpec.first(PARTY, 2, c, Electorate.party(35, 30, 30, 30));
    Decision<RoundResult> d = RoundEngine.decide(spec, yesOnly(c, 30, 16, 20, 15, 18));
    assertThat(d.outcome().electedIds()).containsExactly("B", "D");
    assertThat(d.outcome().ranking())
        .filteredOn(RankedCandidate::passed)
        .extracting(RankedCandidate::id)
        .containsExactly("B", "D", "A");
    assertThat(d.codes()).endsWith("COUNT.RANK.MOST_VOTES");
    assertThat(d.trail().stream().map(s -> s.explanationZh()))
        .contains("候选人C得赞成票15票，未超过实到会有选举权人数30人的半数（15），未当选");
  }

  /**
   * EL-04: "如遇票数相等不能确定当选人时,应就票数相等的被选举人重新投票,得票多的当选" — only the tied go to the re-vote, for the
   * remaining seats; the re-vote is decided by plurality.
   */
  @Test
  void el04_tieRevoteAmongTiedOnly() {
    List<Candidate> c = cands("A", "B", "C", "D");
    RoundSpec spec = RoundSpec.first(PARTY, 2, c, Electorate.party(35, 30, 30, 30));
    Decision<RoundResult> d = RoundEngine.decide(spec, yesOnly(c, 30, 25, 20, 20, 20));
    assertThat(d.outcome().outcomes())
        .containsExactly(
            new SeatOutcome.Elected(List.of("A")),
            new SeatOutcome.TieRevoteNeeded(1, List.of("B", "C", "D"), 20));
    RoundSpec next = RoundEngine.nextRound(spec, d).orElseThrow();
    assertThat(next.kind()).isEqualTo(RoundKind.TIE_REVOTE);
    assertThat(next.seats()).isEqualTo(1);
    assertThat(next.candidates()).extracting(Candidate::id).containsExactly("B", "C", "D");
    // plurality: 12 of 30 is not a majority, but wins the re-vote
    Decision<RoundResult> r2 = RoundEngine.decide(next, yesOnly(next.candidates(), 30, 12, 10, 8));
    assertThat(r2.outcome().electedIds()).containsExactly("B");
    assertThat(RoundEngine.nextRound(next, r2)).isEmpty();
  }

  @Test
  void tallyFromBallotsMatchesAggregate() {
    List<Candidate> c = cands("A", "B", "C");
    CompactBallots box =
        CompactBallots.builder(3).add("YYN").add("YAN").add("NYA").add("YYY").build();
    RoundSpec spec = RoundSpec.first(PARTY, 2, c, Electorate.party(4, 4, 4, 4));
    Decision<RoundResult> d = RoundEngine.decide(spec, box);
    assertThat(d.outcome().tally().validBallots()).isEqualTo(3);
    assertThat(d.outcome().tally().invalidBallots()).isEqualTo(1);
    assertThat(d.outcome().tally().printed().get("A")).isEqualTo(new CandidateCount(2, 1, 0));
    assertThat(d.outcome().electedIds())
        .isEmpty(); // 2*2 > 4 fails: base is present (4), not valid (3)
  }

  @Test
  void unclearBallotsBlockTheResultUntilRuledOn() {
    List<Candidate> c = cands("A", "B");
    CompactBallots box = CompactBallots.builder(2).add("YN").add("Y?").add("YA").build();
    RoundSpec spec = RoundSpec.first(PARTY, 1, c, Electorate.party(3, 3, 3, 3));
    Decision<RoundResult> d = RoundEngine.decide(spec, box);
    assertThat(d.outcome().outcomes()).containsExactly(new SeatOutcome.ReviewNeeded(1, List.of(1)));
    Decision<RoundResult> ruled =
        RoundEngine.decide(spec, box.withRuling(1, xuanju.core.ballot.Ballot.of("YN")));
    assertThat(ruled.outcome().electedIds()).containsExactly("A");
  }

  @Test
  void badInputIsRejected() {
    List<Candidate> c = cands("A", "B");
    RoundSpec spec = RoundSpec.first(PARTY, 1, c, Electorate.party(10, 9, 9, 9));
    assertThatThrownBy(() -> RoundEngine.decide(spec, yesOnly(c, 8, 5, 3)))
        .isInstanceOf(InvalidInputException.class); // 8 counted, 9 returned
    assertThatThrownBy(
            () ->
                Tally.ofCounts(
                    c,
                    9,
                    0,
                    Map.of("A", new CandidateCount(5, 3, 0), "B", new CandidateCount(1, 8, 0)),
                    Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("TALLY.SUM.CANDIDATE");
    assertThatThrownBy(() -> RoundSpec.first(PARTY, 0, c, Electorate.party(10, 9, 9, 9)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> RoundSpec.first(PARTY, 1, cands("A", "A"), Electorate.party(10, 9, 9, 9)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void reduceSeatsOnlyWhereAllowed() {
    Profile npc = Profiles.byId("PEOPLES_CONGRESS_DIRECT");
    List<Candidate> c = cands("A", "B", "C");
    RoundSpec spec = RoundSpec.first(npc, 2, c, Electorate.direct(100, 60, 60));
    Decision<RoundResult> d = RoundEngine.decide(spec, yesOnly(c, 60, 40, 20, 10));
    assertThatThrownBy(() -> RoundEngine.reduceSeats(spec, d, new Consent(50, 60, false, "")))
        .isInstanceOf(InvalidInputException.class);
  }
}
