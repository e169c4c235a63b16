package xuanju.core.slate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xuanju.core.slate.SlatePools.DAY;
import static xuanju.core.slate.SlatePools.nominee;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

/** The slate proposal on hand-made pools: the solved slate, and each identity rule. */
class SlatesTest {
  private static final List<QuotaRequirement> DELEGATES =
      QuotaSets.PARTY_CONGRESS_DELEGATES.requirements();

  private static QuotaRequirement min(String id, Attribute a, long n) {
    return QuotaRequirement.count(id, a, Comparison.AT_LEAST, n, null);
  }

  @Test
  void picksTheBestSupportedSlateThatMeetsTheQuota() {
    // 4 seats, at least 2 women: the two best men lose to the best women
    List<Nominee> pool =
        List.of(
            nominee("m1", 100, false, false, 40),
            nominee("m2", 90, false, false, 40),
            nominee("m3", 80, false, false, 40),
            nominee("w1", 50, true, false, 40),
            nominee("w2", 40, true, false, 40),
            nominee("w3", 10, true, false, 40));
    SlateResult r =
        Slates.propose(
            new SlateRequest(pool, 4, List.of(min("W", Attribute.female(), 2)), DAY, Set.of()));
    assertThat(r.status()).isEqualTo(SlateResult.Status.OPTIMAL);
    assertThat(r.slate()).extracting(Nominee::id).containsExactly("m1", "m2", "w1", "w2");
    assertThat(r.totalSupport()).isEqualTo(280);
    assertThat(r.check().allMet()).isTrue();
  }

  @Test
  void keepsLockedPeopleEvenWithLittleSupport() {
    List<Nominee> pool =
        List.of(
            nominee("a", 100, false, false, 40),
            nominee("b", 90, false, false, 40),
            nominee("c", 1, false, false, 40));
    SlateResult r = Slates.propose(new SlateRequest(pool, 2, List.of(), DAY, Set.of("c")));
    assertThat(r.slate()).extracting(Nominee::id).containsExactly("a", "c");
    assertThat(r.totalSupport()).isEqualTo(101);
  }

  @Test
  void solvesSeed003QuotaOnARandomPoolOfTheRecommendedSize() {
    // 23 units × 17 names = 391 recommended; 16 seats; the slate passes Quotas.check on its own
    List<Nominee> pool = SlatePools.party(new Random(3), 391);
    SlateResult r = Slates.propose(new SlateRequest(pool, 16, DELEGATES, DAY, Set.of("p0", "p1")));
    assertThat(r.status()).isEqualTo(SlateResult.Status.OPTIMAL);
    assertThat(r.slate()).hasSize(16).extracting(Nominee::id).contains("p0", "p1");
    var check = Quotas.check(DELEGATES, r.slate().stream().map(Nominee::person).toList(), DAY);
    assertThat(check.allMet()).isTrue();
    assertThat(r.totalSupport()).isEqualTo(r.slate().stream().mapToLong(Nominee::support).sum());
  }

  @Test
  void refusesALeadingCadreTaggedAsGrassroots() {
    List<Nominee> pool =
        List.of(nominee("x", 10, false, false, 40, Identity.LEADING_CADRE, Identity.GRASSROOTS));
    assertThatThrownBy(() -> new SlateRequest(pool, 1, DELEGATES, DAY, Set.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("SLATE.IDENTITY.CADRE_GRASSROOTS")
        .hasMessageContaining("领导干部不得占用基层一线")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).field()).isEqualTo("people[0].tags"));
  }

  @Test
  void refusesALeadingCadreTaggedAsProfessionalUnderTheLongName() {
    List<Nominee> pool =
        List.of(nominee("x", 10, false, false, 40, Identity.LEADING_CADRE, "专业技术人员"));
    assertThatThrownBy(() -> new SlateRequest(pool, 1, DELEGATES, DAY, Set.of()))
        .hasMessageContaining("SLATE.IDENTITY.CADRE_GRASSROOTS")
        .hasMessageContaining("专业技术人员");
  }

  @Test
  void refusesAnAdvancedModelNotClassedAsGrassroots() {
    List<Nominee> pool = List.of(nominee("x", 10, false, false, 40, Identity.ADVANCED_MODEL));
    assertThatThrownBy(() -> new SlateRequest(pool, 1, DELEGATES, DAY, Set.of()))
        .hasMessageContaining("SLATE.IDENTITY.SUBCATEGORY");
  }

  @Test
  void refusesAPersonInTwoGrassrootsCategories() {
    List<Nominee> pool =
        List.of(
            nominee(
                "x",
                10,
                false,
                false,
                40,
                Identity.GRASSROOTS,
                Identity.ADVANCED_MODEL,
                Identity.PROFESSIONAL));
    assertThatThrownBy(() -> new SlateRequest(pool, 1, DELEGATES, DAY, Set.of()))
        .hasMessageContaining("SLATE.IDENTITY.ONE_CATEGORY");
  }

  @Test
  void refusesAnUnknownLockAndNoSeats() {
    List<Nominee> pool = List.of(nominee("x", 10, false, false, 40));
    assertThatThrownBy(() -> new SlateRequest(pool, 1, List.of(), DAY, Set.of("y")))
        .hasMessageContaining("不在推荐人选名单中");
    assertThatThrownBy(() -> new SlateRequest(pool, 0, List.of(), DAY, Set.of()))
        .hasMessageContaining("应选名额");
  }

  @Test
  void warnsAboutMissingDataAndDoesNotCountThePerson() {
    List<Nominee> pool = new ArrayList<>(List.of(nominee("a", 10, true, false, 40)));
    pool.add(
        new Nominee(new xuanju.core.quota.Person("b", "乙", null, null, null, null, Set.of()), 99));
    SlateResult r =
        Slates.propose(
            new SlateRequest(pool, 1, List.of(min("W", Attribute.female(), 1)), DAY, Set.of()));
    assertThat(r.slate()).extracting(Nominee::id).containsExactly("a");
    assertThat(r.findings().warnings()).extracting(Finding::code).contains("QUOTA.DATA.MISSING");
  }
}
