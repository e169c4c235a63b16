package xuanju.core.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import xuanju.core.ballot.BallotCount;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.profile.Profiles;

/**
 * Tallies 1,000,000 ballots × 15 candidates from the compact store (target: under 1 s on one core).
 * Run with {@code bench/core-tally.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TallyBenchmark {
  static final int BALLOTS = 1_000_000;
  static final int CANDIDATES = 15;
  static final int SEATS = 7;

  CompactBallots box;
  BallotRules rules;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    CompactBallots.Builder b = CompactBallots.builder(CANDIDATES);
    for (int i = 0; i < BALLOTS; i++) {
      long word = 0;
      for (int c = 0; c < CANDIDATES; c++) {
        int x = r.nextInt(100);
        // about 45% yes (so a few ballots are over-marked), 35% no, 20% blank, rare unclear
        long mark = x < 45 ? 1 : x < 80 ? 2 : x < 99 || r.nextInt(100) > 0 ? 0 : 3;
        word |= mark << (2 * c);
      }
      b.addPacked(word);
    }
    box = b.build();
    rules = BallotRules.of(Profiles.byId("PARTY_GRASSROOTS"), SEATS, CANDIDATES);
  }

  @Benchmark
  public BallotCount tally() {
    return box.count(rules);
  }
}
