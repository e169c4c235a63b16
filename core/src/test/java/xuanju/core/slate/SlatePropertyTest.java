package xuanju.core.slate;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.core.slate.SlatePools.DAY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.Quotas;
import xuanju.core.quota.Share;
import xuanju.core.rule.Finding;

/**
 * Seeded random pools against a brute force over every list of N: the proposal has exactly N, keeps
 * the locks, meets every quota by {@code Quotas.check} and has the brute force's best support; when
 * the brute force finds no list, the proposal explains why, and the solver's smallest conflicting
 * set is indeed infeasible and minimal.
 */
class SlatePropertyTest {

  static Stream<Long> seeds() {
    return IntStream.rangeClosed(1, 300).mapToObj(i -> 7919L * i);
  }

  private record Case(
      List<Nominee> pool, int seats, List<QuotaRequirement> reqs, Set<String> locked) {}

  private static Case random(long seed) {
    Random rnd = new Random(seed);
    int size = 5 + rnd.nextInt(8);
    List<Nominee> pool = new ArrayList<>();
    for (Nominee n : SlatePools.party(rnd, size)) {
      pool.add(new Nominee(n.person(), rnd.nextInt(12))); // small supports: many ties
    }
    int seats = 1 + rnd.nextInt(Math.min(size, 7));
    List<Attribute> attrs =
        List.of(
            Attribute.female(),
            Attribute.minority(),
            Attribute.ageAtMost(50),
            Attribute.tagged(Identity.LEADING_CADRE),
            Attribute.tagged(Identity.GRASSROOTS),
            Attribute.tagged(Identity.ADVANCED_MODEL),
            Attribute.tagged(Identity.ADVANCED_MODEL, Identity.WORKER),
            Attribute.tagged(Identity.PROFESSIONAL));
    List<QuotaRequirement> reqs = new ArrayList<>();
    int count = 1 + rnd.nextInt(5);
    for (int i = 0; i < count; i++) {
      Attribute a = attrs.get(rnd.nextInt(attrs.size()));
      Comparison c = Comparison.values()[rnd.nextInt(4)];
      if (rnd.nextInt(5) == 0) {
        reqs.add(QuotaRequirement.share("R" + i, a, c, Share.of(1 + rnd.nextInt(3), 4), null));
      } else {
        reqs.add(QuotaRequirement.count("R" + i, a, c, rnd.nextInt(seats + 1), null));
      }
    }
    Set<String> locked = new LinkedHashSet<>();
    int locks = rnd.nextInt(3);
    for (int i = 0; i < locks; i++) {
      locked.add(pool.get(rnd.nextInt(size)).id());
    }
    return new Case(pool, seats, reqs, locked);
  }

  /**
   * The best support over every list of N that keeps the locks and meets the requirements; -1 if
   * none.
   */
  private static long bruteForce(Case c, List<QuotaRequirement> reqs) {
    int size = c.pool().size();
    long best = -1;
    for (int mask = 0; mask < (1 << size); mask++) {
      if (Integer.bitCount(mask) != c.seats()) {
        continue;
      }
      List<Nominee> list = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        if ((mask & (1 << i)) != 0) {
          list.add(c.pool().get(i));
        }
      }
      if (!list.stream().map(Nominee::id).toList().containsAll(c.locked())) {
        continue;
      }
      if (!Quotas.check(reqs, list.stream().map(Nominee::person).toList(), DAY).allMet()) {
        continue;
      }
      best = Math.max(best, list.stream().mapToLong(Nominee::support).sum());
    }
    return best;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void matchesTheBruteForce(long seed) {
    Case c = random(seed);
    SlateResult r =
        Slates.propose(new SlateRequest(c.pool(), c.seats(), c.reqs(), DAY, c.locked()));
    long best = bruteForce(c, c.reqs());
    if (best >= 0) {
      assertThat(r.status()).isEqualTo(SlateResult.Status.OPTIMAL);
      assertThat(r.slate()).hasSize(c.seats());
      assertThat(r.slate().stream().map(Nominee::id).toList()).containsAll(c.locked());
      assertThat(r.slate().stream().map(Nominee::id).distinct().count()).isEqualTo(c.seats());
      assertThat(
              Quotas.check(c.reqs(), r.slate().stream().map(Nominee::person).toList(), DAY)
                  .allMet())
          .isTrue();
      assertThat(r.totalSupport())
          .isEqualTo(best)
          .isEqualTo(r.slate().stream().mapToLong(Nominee::support).sum());
      assertThat(r.findings().errors()).isEmpty();
    } else {
      assertThat(r.status()).isEqualTo(SlateResult.Status.INFEASIBLE);
      assertThat(r.slate()).isEmpty();
      assertThat(r.findings().errors())
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.code()).startsWith("SLATE.");
                assertThat(f.messageZh()).isNotBlank();
              });
      for (Finding f : r.findings().errors()) {
        if (f.code().equals("SLATE.QUOTA.COMBINED")) {
          List<QuotaRequirement> core = named(c, f);
          assertThat(bruteForce(c, core)).as("the set is infeasible").isEqualTo(-1);
          for (int i = 0; i < core.size(); i++) {
            List<QuotaRequirement> less = new ArrayList<>(core);
            less.remove(i);
            assertThat(bruteForce(c, less)).as("dropping %s", core.get(i).id()).isNotEqualTo(-1);
          }
        }
      }
    }
  }

  /** The seeds exercise every path: lists found, counting reasons and the solver's fallback. */
  @Test
  void seedsCoverFeasibleCountingAndSolverCases() {
    int feasible = 0;
    int counting = 0;
    int combined = 0;
    for (long seed : seeds().toList()) {
      Case c = random(seed);
      SlateResult r =
          Slates.propose(new SlateRequest(c.pool(), c.seats(), c.reqs(), DAY, c.locked()));
      if (r.hasSlate()) {
        feasible++;
      } else if (r.findings().codes().contains("SLATE.QUOTA.COMBINED")) {
        combined++;
      } else {
        counting++;
      }
    }
    assertThat(feasible).as("feasible").isGreaterThan(60);
    assertThat(counting).as("explained by counting").isGreaterThan(60);
    assertThat(combined)
        .as("explained by the solver (%d/%d/%d)", feasible, counting, combined)
        .isGreaterThan(0);
  }

  private static List<QuotaRequirement> named(Case c, Finding f) {
    List<QuotaRequirement> out = new ArrayList<>();
    for (String field : f.fields()) {
      int i = Integer.parseInt(field.replaceAll("\\D", ""));
      out.add(c.reqs().get(i));
    }
    return out;
  }
}
