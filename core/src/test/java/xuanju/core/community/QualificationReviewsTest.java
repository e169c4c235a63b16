package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.catalog.RuleCatalog;
import xuanju.core.community.QualificationReview.Opinion;
import xuanju.core.community.QualificationReview.Report;
import xuanju.core.rule.InvalidInputException;

/** The 17 barring cases of seed 002 and the joint qualification review (资格联审). */
class QualificationReviewsTest {
  static final LocalDate D = LocalDate.of(2021, 1, 20);
  static final LocalDate GIVEN = LocalDate.of(2020, 12, 20);

  static List<Opinion> allClear(Set<ReviewBody> bodies) {
    List<Opinion> out = new ArrayList<>();
    for (ReviewBody b : EnumSet.copyOf(bodies)) {
      out.add(Opinion.clear(b, GIVEN));
    }
    return out;
  }

  static QualificationReviews.Result decide(List<Opinion> opinions) {
    return QualificationReviews.decide(
        new QualificationReview("c1", "张三", opinions), QualificationReviews.DEFAULT_BODIES, D);
  }

  @Test
  void seventeenCasesNumberedInTheSeedsOrderWithStableCodes() {
    assertThat(BarringCase.values()).hasSize(17);
    for (BarringCase c : BarringCase.values()) {
      assertThat(c.number()).isEqualTo(c.ordinal() + 1);
      assertThat(c.code()).startsWith(String.format("COMMUNITY.BAR.%02d_", c.number()));
      assertThat(RuleCatalog.byCode(c.code())).contains(c);
      assertThat(c.messageZh()).contains("第" + c.number() + "项").contains(c.textZh());
    }
    assertThat(BarringCase.GANG.textZh()).isEqualTo("涉及黑恶势力或被认定为“村霸”的");
    assertThat(BarringCase.DISHONESTY.periodYears()).isEqualTo(3);
    assertThat(BarringCase.DISMISSED.periodYears()).isEqualTo(2);
  }

  @Test
  void clearedWhenEveryRequiredBodyAnsweredInWriting() {
    QualificationReviews.Result r = decide(allClear(QualificationReviews.DEFAULT_BODIES));
    assertThat(r.cleared()).isTrue();
    assertThat(r.findings().codes()).containsExactly("COMMUNITY.REVIEW.CLEARED");
    assertThat(r.findings().notices().get(0).messageZh()).isEqualTo("张三资格联审合格（6个部门书面反馈无异议）");
  }

  @Test
  void missingOpinionBlocksClearance() {
    List<Opinion> o = allClear(Set.of(ReviewBody.ORGANISATION, ReviewBody.CIVIL_AFFAIRS));
    QualificationReviews.Result r = decide(o);
    assertThat(r.cleared()).isFalse();
    assertThat(r.findings().codes())
        .hasSize(4)
        .allMatch("COMMUNITY.REVIEW.OPINION_MISSING"::equals);
    assertThat(r.findings().errors()).extracting(f -> f.messageZh()).contains("张三：尚未收到公安机关的书面联审意见");
    QualificationReviews.Result seed =
        QualificationReviews.decide(
            new QualificationReview("c1", "张三", o), QualificationReviews.SEED_002_BODIES, D);
    assertThat(seed.cleared()).isTrue();
  }

  @Test
  void oralOpinionDoesNotCount() {
    List<Opinion> o = new ArrayList<>(allClear(QualificationReviews.DEFAULT_BODIES));
    o.set(0, new Opinion(o.get(0).body(), false, GIVEN, List.of()));
    QualificationReviews.Result r = decide(o);
    assertThat(r.cleared()).isFalse();
    assertThat(r.findings().codes())
        .containsExactlyInAnyOrder(
            "COMMUNITY.REVIEW.NOT_WRITTEN", "COMMUNITY.REVIEW.OPINION_MISSING");
  }

  /** Every case, confirmed with evidence by its usual body, bars the candidate and is named. */
  @ParameterizedTest
  @EnumSource(BarringCase.class)
  void eachConfirmedCaseBars(BarringCase c) {
    List<Opinion> o = new ArrayList<>(allClear(QualificationReviews.DEFAULT_BODIES));
    o.removeIf(x -> x.body() == c.usualBody());
    o.add(
        new Opinion(
            c.usualBody(), true, GIVEN, List.of(new Report(c, "有关部门处理决定书", D.minusMonths(6)))));
    QualificationReviews.Result r = decide(o);
    assertThat(r.cleared()).isFalse();
    assertThat(r.confirmed()).containsExactly(c);
    assertThat(r.findings().errors()).extracting(f -> f.code()).contains(c.code());
    assertThat(
            r.findings().errors().stream()
                .filter(f -> f.code().equals(c.code()))
                .findFirst()
                .orElseThrow()
                .messageZh())
        .startsWith("张三不能确定为候选人（第" + c.number() + "项：")
        .endsWith(c.usualBody().labelZh() + "认定，依据：有关部门处理决定书");
  }

  @Test
  void caseWithoutEvidenceIsAWarningOnly() {
    List<Opinion> o = new ArrayList<>(allClear(QualificationReviews.DEFAULT_BODIES));
    o.set(
        0,
        new Opinion(
            o.get(0).body(), true, GIVEN, List.of(new Report(BarringCase.MORALS, " ", null))));
    QualificationReviews.Result r = decide(o);
    assertThat(r.cleared()).isTrue();
    assertThat(r.confirmed()).isEmpty();
    assertThat(r.findings().warnings())
        .extracting(f -> f.code())
        .containsExactly("COMMUNITY.REVIEW.EVIDENCE_MISSING");
  }

  /** 第4项 "处理未满3年": bars the day before the third anniversary, not on it. */
  @Test
  void dishonestyBarsForThreeYears() {
    LocalDate decided = D.minusYears(3);
    assertThat(BarringCase.DISHONESTY.bars(decided, D)).isFalse();
    assertThat(BarringCase.DISHONESTY.bars(decided.plusDays(1), D)).isTrue();
    assertThat(BarringCase.DISHONESTY.bars(null, D)).isTrue();
    assertThat(BarringCase.CRIMINAL.bars(LocalDate.of(1990, 1, 1), D)).isTrue();
    List<Opinion> o = new ArrayList<>(allClear(QualificationReviews.DEFAULT_BODIES));
    o.add(
        new Opinion(
            ReviewBody.CREDIT,
            true,
            GIVEN,
            List.of(new Report(BarringCase.DISHONESTY, "失信处理决定", decided))));
    QualificationReviews.Result r = decide(o);
    assertThat(r.cleared()).isTrue();
    assertThat(r.findings().codes())
        .containsExactlyInAnyOrder("COMMUNITY.REVIEW.PERIOD_EXPIRED", "COMMUNITY.REVIEW.CLEARED");
  }

  @Test
  void dismissalBarsForTwoYears() {
    assertThat(BarringCase.DISMISSED.bars(D.minusYears(2), D)).isFalse();
    assertThat(BarringCase.DISMISSED.bars(D.minusYears(2).plusDays(1), D)).isTrue();
  }

  @Test
  void twoOpinionsOfOneBodyAreAnInputError() {
    assertThatThrownBy(
            () ->
                new QualificationReview(
                    "c1",
                    "张三",
                    List.of(
                        Opinion.clear(ReviewBody.COURT, GIVEN),
                        Opinion.clear(ReviewBody.COURT, GIVEN))))
        .isInstanceOf(InvalidInputException.class);
  }

  static LongStream seeds() {
    return LongStream.of(2L, 17L, 2020L, 20201210L, 31337L);
  }

  /**
   * Random reviews: cleared exactly when every required body answered in writing and no case with
   * evidence is still in its period; the confirmed cases are exactly those.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void clearedIffEveryBodyAnsweredAndNothingConfirmed(long seed) {
    Random r = new Random(seed);
    ReviewBody[] bodies = ReviewBody.values();
    BarringCase[] cases = BarringCase.values();
    for (int round = 0; round < 300; round++) {
      List<Opinion> opinions = new ArrayList<>();
      Set<ReviewBody> written = EnumSet.noneOf(ReviewBody.class);
      Set<BarringCase> expected = EnumSet.noneOf(BarringCase.class);
      for (ReviewBody b : bodies) {
        if (r.nextInt(5) == 0) {
          continue;
        }
        boolean w = r.nextInt(8) != 0;
        List<Report> reports = new ArrayList<>();
        if (r.nextInt(4) == 0) {
          BarringCase c = cases[r.nextInt(cases.length)];
          boolean evidence = r.nextBoolean();
          LocalDate decided = r.nextBoolean() ? null : D.minusDays(r.nextInt(5 * 366));
          reports.add(new Report(c, evidence ? "依据" : "", decided));
          if (evidence && c.bars(decided, D)) {
            expected.add(c);
          }
        }
        if (w) {
          written.add(b);
        }
        opinions.add(new Opinion(b, w, GIVEN, reports));
      }
      Set<ReviewBody> required = new HashSet<>();
      for (ReviewBody b : bodies) {
        if (r.nextInt(3) == 0) {
          required.add(b);
        }
      }
      boolean allOpinionsWritten = opinions.stream().allMatch(Opinion::written);
      QualificationReviews.Result res =
          QualificationReviews.decide(new QualificationReview("c", "某", opinions), required, D);
      assertThat(Set.copyOf(res.confirmed())).isEqualTo(expected);
      assertThat(res.cleared())
          .isEqualTo(written.containsAll(required) && expected.isEmpty() && allOpinionsWritten);
      assertThat(res.cleared()).isEqualTo(res.findings().ok());
    }
  }
}
