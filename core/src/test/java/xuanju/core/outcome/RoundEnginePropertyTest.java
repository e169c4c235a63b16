package xuanju.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.quorum.Electorate;
import xuanju.core.rule.Decision;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;

/**
 * Property-style tests over seeded random rounds (seed = case number, shown in the test name): 200
 * cases each.
 */
class RoundEnginePropertyTest {
  static final int CASES = 200;

  static Stream<Long> seeds() {
    return IntStream.range(0, CASES).mapToObj(i -> 20260000L + i);
  }

  /** A random round: profile, candidates, ballots (some over-marked, some blank). */
  record Round(RoundSpec spec, List<Ballot> ballots) {}

  static Round round(long seed) {
    Random r = new Random(seed);
    List<Profile> ps = Profiles.all();
    Profile p = ps.get(r.nextInt(ps.size()));
    int seats = 1 + r.nextInt(5);
    int n = seats + 1 + r.nextInt(4);
    List<Candidate> c = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      c.add(Candidate.of("c" + i, "候选人" + i));
    }
    int voters = 5 + r.nextInt(80);
    List<Ballot> ballots = new ArrayList<>();
    for (int v = 0; v < voters; v++) {
      StringBuilder sb = new StringBuilder();
      double yesBias = r.nextDouble();
      for (int i = 0; i < n; i++) {
        double x = r.nextDouble();
        sb.append(x < yesBias * 0.7 ? 'Y' : x < 0.85 ? 'N' : 'A');
      }
      ballots.add(Ballot.of(sb.toString()));
    }
    long extra = r.nextInt(3);
    Electorate e =
        switch (p.regime()) {
          case PARTY_GRASSROOTS, PARTY_LOCAL ->
              Electorate.party(voters + extra, voters, voters, voters);
          case PEOPLES_CONGRESS_INDIRECT ->
              Electorate.indirect(voters + extra, voters, voters, voters);
          default -> Electorate.direct(voters + extra, voters, voters);
        };
    return new Round(RoundSpec.first(p, seats, c, e), ballots);
  }

  static CompactBallots box(int n, List<Ballot> ballots) {
    CompactBallots.Builder b = CompactBallots.builder(n);
    ballots.forEach(b::add);
    return b.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void perCandidateSumsEqualValidBallots(long seed) {
    Round rd = round(seed);
    Tally t =
        RoundEngine.decide(rd.spec(), box(rd.spec().candidates().size(), rd.ballots()))
            .outcome()
            .tally();
    for (CandidateCount cc : t.printed().values()) {
      assertThat(cc.yes() + cc.no() + cc.abstain()).isEqualTo(t.validBallots());
    }
    assertThat(t.ballots()).isEqualTo(rd.ballots().size());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ballotOrderNeverChangesTheResult(long seed) {
    Round rd = round(seed);
    int n = rd.spec().candidates().size();
    Decision<RoundResult> a = RoundEngine.decide(rd.spec(), box(n, rd.ballots()));
    List<Ballot> shuffled = new ArrayList<>(rd.ballots());
    Collections.shuffle(shuffled, new Random(seed * 31));
    Decision<RoundResult> b = RoundEngine.decide(rd.spec(), box(n, shuffled));
    assertThat(b.outcome().outcomes()).isEqualTo(a.outcome().outcomes());
    assertThat(b.codes()).isEqualTo(a.codes());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverMoreElectedThanSeatsAndSeatsAddUp(long seed) {
    Round rd = round(seed);
    RoundResult r =
        RoundEngine.decide(rd.spec(), box(rd.spec().candidates().size(), rd.ballots())).outcome();
    assertThat(r.electedIds().size()).isLessThanOrEqualTo(rd.spec().seats());
    assertThat(r.outcomes().stream().mapToInt(SeatOutcome::seats).sum())
        .isEqualTo(rd.spec().seats());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void oneMoreYesKeepsAnElectedCandidateElected(long seed) {
    Round rd = round(seed);
    int n = rd.spec().candidates().size();
    RoundResult r = RoundEngine.decide(rd.spec(), box(n, rd.ballots())).outcome();
    for (String id : r.electedIds()) {
      Tally t = r.tally();
      Map<String, CandidateCount> m = new java.util.LinkedHashMap<>(t.printed());
      CandidateCount cc = m.get(id);
      // one ballot that said 不赞成 or 弃权 now says 赞成
      CandidateCount more =
          cc.no() > 0
              ? new CandidateCount(cc.yes() + 1, cc.no() - 1, cc.abstain())
              : cc.abstain() > 0 ? new CandidateCount(cc.yes() + 1, cc.no(), cc.abstain() - 1) : cc;
      m.put(id, more);
      Tally t2 =
          Tally.ofCounts(
              rd.spec().candidates(), t.validBallots(), t.invalidBallots(), m, t.writeIns());
      assertThat(RoundEngine.decide(rd.spec(), t2).outcome().electedIds())
          .as("seed %d id %s", seed, id)
          .contains(id);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void boundariesAreExact(long seed) {
    Random r = new Random(seed);
    long base = 2 * (1 + r.nextInt(500)); // even, so that exactly half exists
    List<Candidate> c = List.of(Candidate.of("A", "A"), Candidate.of("B", "B"));
    Profile party = Profiles.byId("PARTY_GRASSROOTS");
    long expected = base + r.nextInt((int) base / 4 + 1);
    Electorate e = Electorate.party(Math.max(expected, base), base, base, base);
    // exactly half of present never wins; one more does
    for (long yes : new long[] {base / 2, base / 2 + 1}) {
      Tally t =
          Tally.ofCounts(
              c,
              base,
              0,
              Map.of(
                  "A", new CandidateCount(yes, base - yes, 0), "B", new CandidateCount(0, base, 0)),
              Map.of());
      RoundResult res = RoundEngine.decide(RoundSpec.first(party, 1, c, e), t).outcome();
      if (res.outcomes().get(0) instanceof SeatOutcome.QuorumNotMet) {
        continue;
      }
      assertThat(res.electedIds().contains("A"))
          .as("yes=%d of %d", yes, base)
          .isEqualTo(yes * 2 > base);
    }
    // exactly 4/5 fails in strict mode, passes with the override
    long exp5 = 5 * (1 + r.nextInt(200));
    long present = exp5 * 4 / 5;
    var strict =
        xuanju.core.quorum.Quorum.check(
            party,
            xuanju.core.quorum.Meeting.ELECTORAL,
            Electorate.party(exp5, present, present, present));
    var exact =
        xuanju.core.quorum.Quorum.check(
            party.withOverrides(Map.of("quorumAllowExact", "true"), "t"),
            xuanju.core.quorum.Meeting.ELECTORAL,
            Electorate.party(exp5, present, present, present));
    assertThat(strict.outcome().met()).isFalse();
    assertThat(exact.outcome().met()).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void compactFastPathAgreesWithSingleBallotJudgement(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(40); // crosses the 32-candidate word boundary
    int seats = 1 + r.nextInt(n);
    Profile p = Profiles.all().get(r.nextInt(Profiles.all().size()));
    var rules = xuanju.core.ballot.BallotRules.of(p, seats, n);
    CompactBallots.Builder b = CompactBallots.builder(n);
    long valid = 0;
    long invalid = 0;
    long review = 0;
    long[] yes = new long[n];
    for (int v = 0; v < 60; v++) {
      List<Mark> marks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        marks.add(Mark.values()[r.nextInt(40) == 0 ? 3 : r.nextInt(3)]);
      }
      List<xuanju.core.ballot.WriteIn> w =
          r.nextInt(5) == 0
              ? List.of(
                  new xuanju.core.ballot.WriteIn("写" + r.nextInt(3), Mark.values()[r.nextInt(4)]))
              : List.of();
      Ballot ballot = new Ballot(marks, w, r.nextInt(50) == 0);
      b.add(ballot);
      var verdict = xuanju.core.ballot.Ballots.judge(rules, ballot);
      if (verdict instanceof xuanju.core.ballot.BallotVerdict.Valid ok) {
        valid++;
        for (int i = 0; i < n; i++) {
          if (marks.get(i) == Mark.YES) {
            yes[i]++;
          }
        }
      } else if (verdict instanceof xuanju.core.ballot.BallotVerdict.Invalid) {
        invalid++;
      } else {
        review++;
      }
    }
    var count = b.build().count(rules);
    assertThat(count.valid()).isEqualTo(valid);
    assertThat(count.invalid()).isEqualTo(invalid);
    assertThat(count.review()).hasSize((int) review);
    assertThat(count.yes()).containsExactly(yes);
  }
}
