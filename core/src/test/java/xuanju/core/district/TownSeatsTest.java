package xuanju.core.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xuanju.core.catalog.RuleCatalog;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;

/** The town's total number of deputies, 选举法（2020）第十二条、第十三条, checked by hand. */
class TownSeatsTest {
  private static Decision<TownSeats> seats(TownKind kind, long pop) {
    return Apportionment.townSeats(TownSeatsQuery.of(kind, pop));
  }

  @Test
  void workedExampleFromTheBrief() {
    Decision<TownSeats> d = seats(TownKind.TOWN, 52_300);
    TownSeats t = d.outcome();
    assertThat(t.increase()).isEqualTo(34);
    assertThat(t.computed()).isEqualTo(79);
    assertThat(t.total()).isEqualTo(79);
    assertThat(t.lowerBound()).isEqualTo(45);
    assertThat(t.upperBound()).isEqualTo(79);
    assertThat(t.stepsZh().get(0)).isEqualTo("基数45名 + 人口52,300÷1,500取整34名 = 79名；未超过160名");
    assertThat(t.stepsZh()).contains("按人口计算的代表总名额：79名；选举法允许的范围：45至79名", "本次分配采用的代表总名额：79名");
    assertThat(d.codes()).containsExactly("NPC.TOWN_SEATS.FORMULA", "NPC.TOWN_SEATS.ROUNDING");
    assertThat(d.trail().get(1).explanationZh())
        .isEqualTo("人口52,300÷1,500 = 34余1,300，不足1,500人的部分不增加名额");
    assertThat(t.findings().all()).isEmpty();
  }

  /** One more deputy per whole 1,500 people; the remainder adds nothing. */
  @ParameterizedTest
  @CsvSource({
    "1, 45",
    "1499, 45",
    "1500, 46",
    "2999, 46",
    "3000, 47",
    "10950, 52",
    "172499, 159",
    "172500, 160",
    "174000, 160",
    "1000000, 160"
  })
  void perWhole1500PeopleCappedAt160(long pop, int expected) {
    assertThat(seats(TownKind.TOWNSHIP, pop).outcome().computed()).isEqualTo(expected);
  }

  @Test
  void capShowsTheArithmetic() {
    TownSeats t = seats(TownKind.TOWN, 200_000).outcome();
    assertThat(t.formula()).isEqualTo(178);
    assertThat(t.capped()).isEqualTo(160);
    assertThat(t.stepsZh().get(0)).isEqualTo("基数45名 + 人口200,000÷1,500取整133名 = 178名；超过160名，按160名计");
  }

  @Test
  void underTwoThousandMayBeFewerThan45() {
    TownSeats t =
        Apportionment.townSeats(
                new TownSeatsQuery(
                    TownKind.TOWNSHIP, 1_860, false, null, new DecidedTotal(30, "某县人大常委会决定")))
            .outcome();
    assertThat(t.computed()).isEqualTo(46);
    assertThat(t.lowerBound()).isEqualTo(1);
    assertThat(t.total()).isEqualTo(30);
    assertThat(t.stepsZh())
        .contains(
            "人口1,860人不足2,000人，代表总名额可以少于45名", "按人口计算的代表总名额：46名；选举法允许的范围：不多于46名（人口不足2,000人，可以少于45名）");
    // differs (a notice) but is within the law (no warning)
    assertThat(t.findings().codes()).containsExactly("NPC.TOWN_SEATS.DECIDED");
    assertThat(t.findings().warnings()).isEmpty();
  }

  @Test
  void twoThousandPeopleMayNotHaveFewerThan45() {
    TownSeats t =
        Apportionment.townSeats(
                new TownSeatsQuery(TownKind.TOWN, 2_000, false, null, new DecidedTotal(44, "某决定")))
            .outcome();
    assertThat(t.decidedOutOfRange()).isTrue();
    assertThat(t.findings().warnings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("NPC.TOWN_SEATS.DECIDED_OUT_OF_RANGE");
              assertThat(f.messageZh()).contains("44名不在选举法第十二条允许的45至46名之内", "少于45名");
              assertThat(f.fields()).containsExactly("decidedTotal.seats");
            });
  }

  @Test
  void decidedNumberAboveTheComputedOneIsReportedAndWarned() {
    Decision<TownSeats> d =
        Apportionment.townSeats(
            new TownSeatsQuery(
                TownKind.TOWN, 52_300, false, null, new DecidedTotal(80, "某旗人大常委会〔2021〕5号")));
    TownSeats t = d.outcome();
    assertThat(t.computed()).isEqualTo(79);
    assertThat(t.total()).isEqualTo(80);
    assertThat(t.decidedDiffers()).isTrue();
    assertThat(t.findings().codes())
        .containsExactly("NPC.TOWN_SEATS.DECIDED_OUT_OF_RANGE", "NPC.TOWN_SEATS.DECIDED");
    assertThat(t.stepsZh()).contains("县级人大常委会决定代表总名额80名（某旗人大常委会〔2021〕5号），与按人口计算的79名不同，按决定的80名分配");
    assertThat(d.trail().get(d.trail().size() - 1).passed()).isFalse();
  }

  @Test
  void decidedNumberEqualToTheComputedOneHasNoFinding() {
    TownSeats t =
        Apportionment.townSeats(
                new TownSeatsQuery(TownKind.TOWN, 52_300, false, null, new DecidedTotal(79, "决定")))
            .outcome();
    assertThat(t.findings().all()).isEmpty();
    assertThat(t.stepsZh()).anyMatch(s -> s.endsWith("与按人口计算的名额相同"));
  }

  @Test
  void extraFivePercentForAnEthnicTownshipRoundsDown() {
    Decision<TownSeats> d =
        Apportionment.townSeats(
            new TownSeatsQuery(TownKind.ETHNIC_TOWNSHIP, 52_300, true, "自治区人大常委会决定", null));
    TownSeats t = d.outcome();
    assertThat(t.extra()).isEqualTo(3); // 79 × 5% = 3.95
    assertThat(t.computed()).isEqualTo(82);
    assertThat(t.stepsZh()).contains("另加百分之五：79×5% = 3.95，取整3名，79 + 3 = 82名（决定：自治区人大常委会决定）");
    assertThat(d.codes()).contains("NPC.TOWN_SEATS.EXTRA_5_PERCENT");
  }

  @Test
  void extraFivePercentComesOnTopOfTheCap() {
    TownSeats t =
        Apportionment.townSeats(new TownSeatsQuery(TownKind.TOWNSHIP, 500_000, true, null, null))
            .outcome();
    assertThat(t.computed()).isEqualTo(168);
    assertThat(t.stepsZh()).anyMatch(s -> s.contains("未写明决定文件"));
  }

  @Test
  void extraFivePercentIsNotListedForATown() {
    TownSeats t =
        Apportionment.townSeats(new TownSeatsQuery(TownKind.TOWN, 52_300, true, "某决定", null))
            .outcome();
    assertThat(t.extra()).isZero();
    assertThat(t.computed()).isEqualTo(79);
    assertThat(t.findings().codes()).containsExactly("NPC.TOWN_SEATS.EXTRA_NOT_LISTED");
    assertThat(t.findings().warnings().get(0).messageZh()).contains("本地为镇", "不另加名额");
  }

  @Test
  void badInputNamesTheField() {
    assertThatThrownBy(() -> TownSeatsQuery.of(TownKind.TOWN, 0))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("population");
    assertThatThrownBy(() -> new DecidedTotal(50, " "))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("document");
    assertThatThrownBy(() -> new DecidedTotal(0, "x"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("seats");
  }

  @Test
  void rulesAreRegisteredAndTheLawIsVerbatimWhereItIsRead() {
    for (DistrictRule r : DistrictRule.values()) {
      assertThat(RuleCatalog.byCode(r.code())).as(r.code()).contains(r);
    }
    assertThat(DistrictRule.TOWN_SEATS_FORMULA.citation().display())
        .isEqualTo("《全国人民代表大会和地方各级人民代表大会选举法（2020）》第十二条第一款第四项、第二款");
    assertThat(DistrictRule.TOWN_SEATS_FORMULA.citation().confidence()).isEqualTo(Confidence.V);
    assertThat(DistrictRule.DISTRICT_SEATS_1_TO_3.citation().article()).isEqualTo("第二十五条第二款");
    assertThat(DistrictRule.DISTRICT_EQUAL_POPULATION.citation().article()).isEqualTo("第二十六条");
    assertThat(DistrictRule.TOWN_SEATS_ROUNDING.citation().confidence()).isEqualTo(Confidence.I);
    assertThat(DistrictRule.DISTRICT_DEVIATION_LIMIT.citation().confidence())
        .isEqualTo(Confidence.PLAN);
  }
}
