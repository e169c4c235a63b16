package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xuanju.core.community.PreviousTerms.Count;
import xuanju.core.community.PreviousTerms.Figures;
import xuanju.core.community.PreviousTerms.Verdict;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Severity;

/** 与上届比较 (seed 002 三（四）, ST-03 and ST-04): exact fractions, equal is not higher. */
class PreviousTermsTest {
  @ParameterizedTest(name = "{0}/{1} against {2}/{3}: {4}")
  @CsvSource({
    "3, 7, 3, 7, false", // the same share
    "2, 5, 3, 7, false", // 0.400 < 0.4286
    "3, 7, 2, 5, true",
    "2, 4, 1, 2, false", // equal after reduction
    "4, 7, 1, 2, true",
    "1, 2, 4, 7, false",
    "43, 100, 3, 7, true", // both round to 43%: the fraction decides
    "3, 7, 43, 100, false",
    "0, 5, 0, 7, false",
    "1, 9, 0, 7, true",
    "7, 7, 7, 7, false",
    "7, 7, 6, 7, true",
    "2147483647, 2147483647, 2147483646, 2147483647, true" // no overflow
  })
  void higherIsStrictAndExact(int a, int b, int c, int d, boolean higher) {
    assertThat(PreviousTerms.higher(new Count(a, b), new Count(c, d))).isEqualTo(higher);
    var college = PreviousTerms.college(a, b, Optional.of(new Count(c, d)));
    assertThat(college.met()).isEqualTo(higher);
    assertThat(college.verdict()).isEqualTo(higher ? Verdict.HIGHER : Verdict.NOT_HIGHER);
    assertThat(college.finding().isPresent()).isEqualTo(!higher);
    var party = PreviousTerms.partyMembers(a, b, Optional.of(new Count(c, d)));
    assertThat(party.met()).isEqualTo(higher);
  }

  @Test
  void theCollegeShareWithItsNumbersAndVerdict() {
    var same = PreviousTerms.college(3, 7, Optional.of(new Count(3, 7)));
    assertThat(same.messageZh()).isEqualTo("“两委”班子成员中大专（含大专）以上文化程度：本届3/7（43%），上届3/7（43%），未高于上届");
    var f = same.finding().orElseThrow();
    assertThat(f.code()).isEqualTo("COMMUNITY.TWO_COMMITTEES.COLLEGE_ABOVE_PREVIOUS");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.facts()).containsEntry("part", 3).containsEntry("previousWhole", 7);
    var up = PreviousTerms.college(3, 7, Optional.of(new Count(2, 5)));
    assertThat(up.messageZh()).isEqualTo("“两委”班子成员中大专（含大专）以上文化程度：本届3/7（43%），上届2/5（40%），高于上届");
    assertThat(up.finding()).isEmpty();
  }

  @Test
  void thePartyShareOfTheResidentsCommittee() {
    var down = PreviousTerms.partyMembers(3, 5, Optional.of(new Count(4, 5)));
    assertThat(down.rule()).isEqualTo(CommunityRule.PARTY_ABOVE_PREVIOUS);
    assertThat(down.messageZh()).isEqualTo("居民委员会成员中党员：本届3/5（60%），上届4/5（80%），未高于上届");
    assertThat(down.finding().orElseThrow().code())
        .isEqualTo("RESIDENTS.STRUCTURE.PARTY_ABOVE_PREVIOUS");
  }

  @Test
  void withoutThePreviousFiguresTheFindingSaysSo() {
    var none = PreviousTerms.college(5, 7, Optional.empty());
    assertThat(none.verdict()).isEqualTo(Verdict.NO_PREVIOUS);
    assertThat(none.met()).isFalse();
    assertThat(none.messageZh()).isEqualTo("“两委”班子成员中大专（含大专）以上文化程度：本届5/7（71%）；未登记上届人数，不能判断是否高于上届");
    assertThat(none.finding().orElseThrow().severity()).isEqualTo(Severity.WARNING);
    // the residents' committee not yet elected: not decidable either
    var notYet = PreviousTerms.partyMembers(0, 0, Optional.of(new Count(2, 5)));
    assertThat(notYet.verdict()).isEqualTo(Verdict.NO_CURRENT);
    assertThat(notYet.messageZh()).isEqualTo("居民委员会成员尚未选出，不能与上届比较（上届2/5（40%））");
    var findings =
        PreviousTerms.findings(
            List.of(none, notYet, PreviousTerms.college(3, 7, Optional.of(new Count(2, 5)))));
    assertThat(findings.warnings()).hasSize(2);
    assertThat(findings.codes())
        .containsExactly(
            "COMMUNITY.TWO_COMMITTEES.COLLEGE_ABOVE_PREVIOUS",
            "RESIDENTS.STRUCTURE.PARTY_ABOVE_PREVIOUS");
    assertThat(findings.ok()).as("warnings do not block").isTrue();
  }

  @Test
  void theFiguresAreValidatedWithTheFieldNamed() {
    Figures f = Figures.of(7, 3, 5, 3);
    assertThat(f.team()).contains(new Count(3, 7));
    assertThat(f.residents()).contains(new Count(3, 5));
    assertThat(Figures.of(7, 0, null, null).residents()).isEmpty();
    assertThat(Figures.of(null, null, 5, 5).team()).isEmpty();
    assertThat(Figures.NONE.isEmpty()).isTrue();
    assertRefused(() -> Figures.of(null, null, null, null), "previousTeamSize", "请填写上届");
    assertRefused(
        () -> Figures.of(7, 8, null, null), "previousTeamCollege", "（8人）不能多于上届“两委”班子成员人数（7人）");
    assertRefused(() -> Figures.of(7, -1, null, null), "previousTeamCollege", "不能为负数");
    assertRefused(() -> Figures.of(0, 0, null, null), "previousTeamSize", "应大于0");
    assertRefused(() -> Figures.of(-2, 0, null, null), "previousTeamSize", "应大于0");
    assertRefused(() -> Figures.of(7, null, null, null), "previousTeamCollege", "请同时填写");
    assertRefused(() -> Figures.of(7, 3, null, 2), "previousResidentsSize", "请同时填写上届居民委员会成员人数");
    assertRefused(() -> Figures.of(7, 3, 5, 6), "previousResidentsParty", "上届居民委员会成员中党员人数（6人）");
  }

  @Test
  void impossibleCurrentCountsAreInputErrors() {
    assertThatThrownBy(() -> PreviousTerms.college(8, 7, Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PreviousTerms.higher(new Count(1, 0), new Count(1, 2)))
        .isInstanceOf(InvalidInputException.class);
  }

  private static void assertRefused(Runnable r, String field, String text) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(text);
            });
  }
}
