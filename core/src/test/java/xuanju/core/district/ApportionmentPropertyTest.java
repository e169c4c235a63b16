package xuanju.core.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style tests of the proposal over seeded random towns (seed shown in the test name): 300
 * cases each. Small towns (up to 8 districts) are compared with every possible allocation.
 */
class ApportionmentPropertyTest {
  static final int CASES = 300;

  static Stream<Long> seeds() {
    return IntStream.range(0, CASES).mapToObj(i -> 20270000L + i);
  }

  record Town(long population, int total, List<District> districts) {}

  /** A random town: 1–{@code maxDistricts} districts, a total they can take, populations varied. */
  static Town town(long seed, int maxDistricts) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(maxDistricts);
    List<District> ds = new ArrayList<>();
    long sum = 0;
    boolean skewed = r.nextInt(4) == 0;
    for (int i = 0; i < n; i++) {
      long p = 50 + r.nextInt(skewed ? 9_000 : 3_000);
      ds.add(District.of("选区" + i, p, "单位" + i));
      sum += p;
    }
    int total = n + r.nextInt(2 * n + 1);
    // the town's population usually equals the districts' sum, sometimes not
    long pop = r.nextInt(5) == 0 ? sum + r.nextInt(2_000) : sum;
    return new Town(pop, total, ds);
  }

  static Deviation maxDeviation(Town t, int[] seats) {
    Deviation max = Deviation.ZERO;
    for (int i = 0; i < seats.length; i++) {
      Deviation d =
          Deviation.of(t.districts().get(i).population(), seats[i], t.population(), t.total());
      if (d.compareTo(max) > 0) {
        max = d;
      }
    }
    return max;
  }

  /** The smallest largest-deviation over every allocation of the total (1 … 3 each). */
  static Deviation bruteForce(Town t) {
    int n = t.districts().size();
    int[] s = new int[n];
    Deviation[] best = {null};
    enumerate(t, s, 0, t.total(), best);
    return best[0];
  }

  private static void enumerate(Town t, int[] s, int i, int left, Deviation[] best) {
    if (i == s.length) {
      if (left == 0) {
        Deviation d = maxDeviation(t, s);
        if (best[0] == null || d.compareTo(best[0]) < 0) {
          best[0] = d;
        }
      }
      return;
    }
    for (int k = 1; k <= 3 && k <= left; k++) {
      s[i] = k;
      enumerate(t, s, i + 1, left - k, best);
    }
  }

  static int[] propose(Town t) {
    return Apportionment.propose(t.population(), t.total(), t.districts(), null).seats().stream()
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sumsToTheTotalWithOneToThreeSeatsEach(long seed) {
    Town t = town(seed, 40);
    int[] s = propose(t);
    assertThat(IntStream.of(s).sum()).isEqualTo(t.total());
    assertThat(IntStream.of(s).boxed().toList()).allMatch(x -> x >= 1 && x <= 3);
    DistrictCheck c =
        Apportionment.check(
            t.population(),
            t.total(),
            t.districts(),
            IntStream.of(s).boxed().toList(),
            null,
            Apportionment.DEFAULT_LIMIT);
    assertThat(c.findings().errors()).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noAllocationHasASmallerLargestDeviation(long seed) {
    Town t = town(seed, 8);
    Proposal p = Apportionment.propose(t.population(), t.total(), t.districts(), null);
    Deviation best = bruteForce(t);
    assertThat(p.maxDeviation().compareTo(best)).as("proposal %s", p.seats()).isZero();
    assertThat(maxDeviation(t, propose(t)).compareTo(best)).isZero();
    assertThat(Apportionment.bestMaxDeviation(t.population(), t.total(), t.districts()))
        .hasValueSatisfying(d -> assertThat(d.compareTo(best)).isZero());
  }

  /**
   * No single seat moved from one district to another lowers the largest deviation; and among the
   * moves that keep it, none goes against equal proportions (the receiver's priority p²/(s(s+1)) is
   * never above the giver's p²/((s−1)s)).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noSingleSeatMoveIsBetter(long seed) {
    Town t = town(seed, 40);
    int[] s = propose(t);
    Deviation max = maxDeviation(t, s);
    int n = s.length;
    for (int to = 0; to < n; to++) {
      for (int from = 0; from < n; from++) {
        if (to == from || s[to] == 3 || s[from] == 1) {
          continue;
        }
        int[] moved = s.clone();
        moved[to]++;
        moved[from]--;
        Deviation after = maxDeviation(t, moved);
        assertThat(after.compareTo(max)).as("move %d→%d", from, to).isGreaterThanOrEqualTo(0);
        if (after.compareTo(max) == 0) {
          long pt = t.districts().get(to).population();
          long pf = t.districts().get(from).population();
          assertThat(Apportionment.higherPriority(pt, s[to], pf, s[from] - 1))
              .as("equal proportions %d→%d", from, to)
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void deterministicAndFixedSeatsAreKept(long seed) {
    Town t = town(seed, 20);
    assertThat(propose(t)).containsExactly(propose(t));
    Random r = new Random(seed);
    int[] s = propose(t);
    List<Integer> fixed = new ArrayList<>();
    for (int x : s) {
      fixed.add(r.nextBoolean() ? x : null);
    }
    Proposal p = Apportionment.propose(t.population(), t.total(), t.districts(), fixed);
    for (int i = 0; i < s.length; i++) {
      if (fixed.get(i) != null) {
        assertThat(p.seats().get(i)).isEqualTo(fixed.get(i));
        assertThat(p.proposed().get(i)).isFalse();
      }
    }
    assertThat(p.seats().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.total());
  }
}
