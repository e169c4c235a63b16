package xuanju.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.catalog.RuleCatalog;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;
import xuanju.server.attendance.AttendanceRule;

class PlanRulesTest {

  static List<Rule> rules() {
    List<Rule> all = new ArrayList<>(List.of(PlanRule.values()));
    all.addAll(List.of(AttendanceRule.values()));
    return all;
  }

  @Test
  void codesAreWellFormedUniqueAndDoNotClashWithTheCoreCatalogue() {
    var seen = new HashSet<String>();
    for (Rule r : rules()) {
      assertThat(r.code()).matches("[A-Z][A-Z0-9_]*(\\.[A-Z0-9_]+){2,}");
      assertThat(seen.add(r.code())).as(r.code()).isTrue();
      assertThat(RuleCatalog.byCode(r.code())).as(r.code()).isEmpty();
      assertThat(r.messageZh()).matches(".*\\p{IsHan}.*");
      assertThat(r.citation().display()).startsWith("《");
    }
  }

  @Test
  void committeeThresholdExamples() {
    assertThat(PlanChecks.check(false, 1, 1, 0, 6).ok()).isTrue();
    assertThat(PlanChecks.check(false, 1, 1, 0, 7).codes())
        .containsExactly("PARTY.COMMITTEE.REQUIRED_7");
    assertThat(PlanChecks.check(true, 3, 1, 1, 7).ok()).isTrue();
    assertThat(PlanChecks.check(true, 3, 1, 0, 6).codes())
        .containsExactly("PARTY.COMMITTEE.NONE_UNDER_7");
    assertThat(PlanChecks.check(true, 3, 1, 0, 0).codes()).containsExactly("PARTY.PLAN.NO_VOTERS");
    assertThat(PlanChecks.check(false, 1, 1, 2, 5).codes())
        .containsExactly("PARTY.COMMITTEE.NO_COMMITTEE_OFFICERS");
    var big = PlanChecks.check(true, 9, 1, 1, 40);
    assertThat(big.ok()).isTrue();
    assertThat(big.warnings())
        .extracting(f -> f.code())
        .containsExactly("PARTY.COMMITTEE.SIZE_3_5");
  }

  static Stream<Arguments> seeded() {
    long seed = 7_2026L;
    Random r = new Random(seed);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      out.add(Arguments.of(seed, r.nextBoolean(), 1 + r.nextInt(9), r.nextInt(3), r.nextInt(60)));
    }
    return out.stream();
  }

  /** Property (seed 72026): the committee finding appears exactly when plan and roster disagree. */
  @ParameterizedTest(name = "seed {0}: committee={1} seats={2} deputies={3} withVote={4}")
  @MethodSource("seeded")
  void committeeFindingIffPlanAndRosterDisagree(
      long seed, boolean committee, int seats, int deputies, int withVote) {
    var f = PlanChecks.check(committee, seats, 1, deputies, withVote);
    boolean shouldHaveCommittee = withVote >= 7;
    boolean mismatch = withVote > 0 && committee != shouldHaveCommittee;
    assertThat(
            f.codes().contains("PARTY.COMMITTEE.REQUIRED_7")
                || f.codes().contains("PARTY.COMMITTEE.NONE_UNDER_7"))
        .isEqualTo(mismatch);
    assertThat(f.ok()).isEqualTo(withVote > 0 && !mismatch && (committee || deputies <= 1));
    f.all()
        .forEach(
            x ->
                assertThat(x.severity() == Severity.ERROR || x.severity() == Severity.WARNING)
                    .isTrue());
  }
}
