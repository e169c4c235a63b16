package xuanju.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaSets;
import xuanju.core.slate.Nominee;
import xuanju.core.slate.SlatePools;
import xuanju.core.slate.SlateRequest;
import xuanju.core.slate.SlateResult;
import xuanju.core.slate.Slates;

/**
 * The slate proposal on a pool of 500 with seed 003's quota set (领导干部 ≤ 9; 基层一线 ≥ 7 with 先进模范 ≥ 3,
 * 先进模范且工人 ≥ 1, 专业技术 ≥ 4; 女性 ≥ 7; 少数民族 ≥ 1; 50周岁以下 ≥ 9) for 21 seats (target: under 1 s each,
 * including the explanation when there is no slate). Run with {@code bench/core-slate.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SlateBenchmark {
  static final int POOL = 500;
  static final int SEATS = 21;

  SlateRequest feasible;
  SlateRequest countedOut;
  SlateRequest solverOut;

  @Setup
  public void setUp() {
    List<QuotaRequirement> quota = QuotaSets.PARTY_CONGRESS_DELEGATES.requirements();
    List<Nominee> pool = SlatePools.party(new Random(12), POOL);
    feasible = new SlateRequest(pool, SEATS, quota, SlatePools.DAY, Set.of("p0", "p1", "p2"));

    // infeasible by counting: the same pool, but 12 leading cadres locked (cap 9)
    Set<String> cadres = new java.util.LinkedHashSet<>();
    for (Nominee n : pool) {
      if (n.person().tags().contains("领导干部") && cadres.size() < 12) {
        cadres.add(n.id());
      }
    }
    countedOut = new SlateRequest(pool, SEATS, quota, SlatePools.DAY, cadres);

    // infeasible only for the solver: three people each in two of A, B, C, at most one of them
    List<Nominee> tagged = new ArrayList<>(pool.subList(0, POOL - 3));
    tagged.add(SlatePools.nominee("ab", 10, true, false, 40, "A", "B", "X"));
    tagged.add(SlatePools.nominee("bc", 10, true, false, 40, "B", "C", "X"));
    tagged.add(SlatePools.nominee("ac", 10, true, false, 40, "A", "C", "X"));
    List<QuotaRequirement> more = new ArrayList<>(quota);
    for (String t : List.of("A", "B", "C")) {
      more.add(QuotaRequirement.count(t, Attribute.tagged(t), Comparison.AT_LEAST, 1, null));
    }
    more.add(QuotaRequirement.count("X", Attribute.tagged("X"), Comparison.AT_MOST, 1, null));
    solverOut = new SlateRequest(tagged, SEATS, more, SlatePools.DAY, Set.of());
  }

  @Benchmark
  public SlateResult proposeFeasible() {
    return Slates.propose(feasible);
  }

  @Benchmark
  public SlateResult explainByCounting() {
    return Slates.propose(countedOut);
  }

  @Benchmark
  public SlateResult explainBySolver() {
    return Slates.propose(solverOut);
  }
}
