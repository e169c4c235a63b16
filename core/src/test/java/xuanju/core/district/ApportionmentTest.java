package xuanju.core.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

/** Proposals and checks of district seats, worked by hand. */
class ApportionmentTest {
  static final Ratio TWENTY = Apportionment.DEFAULT_LIMIT;

  private static List<District> districts(long... pops) {
    District[] ds = new District[pops.length];
    for (int i = 0; i < pops.length; i++) {
      ds[i] = District.of("第" + (i + 1) + "选区", pops[i], "单位" + (i + 1));
    }
    return Arrays.asList(ds);
  }

  /**
   * P = 10,000, T = 7 (average 1,428.6). District 3 (1,700) is the bottleneck: 1 seat → +19.0 %, 2
   * seats → −40.5 %, so no allocation does better than 19.0 %; at that bound the others are forced:
   * 4,100 → 3 (−4.3 %), 2,900 → 2 (+1.5 %), 1,300 → 1 (−9.0 %).
   */
  @Test
  void minMaxProposalWorkedByHand() {
    List<District> ds = districts(4_100, 2_900, 1_700, 1_300);
    Proposal p = Apportionment.propose(10_000, 7, ds, null);
    assertThat(p.seats()).containsExactly(3, 2, 1, 1);
    assertThat(p.maxDeviation()).isEqualTo(new Deviation(1_900, 10_000));
    assertThat(p.maxDeviation().percent()).hasToString("19.0");
    assertThat(p.bottleneck()).isEqualTo(2);
    assertThat(p.trail().get(0).explanationZh())
        .isEqualTo("按同等比例法将7名分配给4个选区（每一选区一至三名），最大偏离为19.0%（第3选区）；任何其他分配方案的最大偏离都不会更小");
    DistrictCheck c = Apportionment.check(10_000, 7, ds, p.seats(), null, TWENTY);
    assertThat(c.findings().all()).isEmpty();
    assertThat(c.average()).hasToString("1428.6");
    assertThat(c.results())
        .extracting(r -> r.deviation().percent().toPlainString())
        .containsExactly("-4.3", "1.5", "19.0", "-9.0");
    assertThat(c.results())
        .extracting(r -> r.perDeputy().orElseThrow().toPlainString())
        .containsExactly("1366.7", "1450.0", "1700.0", "1300.0");
    assertThat(c.trail().get(2).explanationZh())
        .isEqualTo("第3选区：人口1,700人，应选1名，每一代表所代表的人口1700.0人，比平均数多19.0%，未超过20%");

    DistrictCheck strict = Apportionment.check(10_000, 7, ds, p.seats(), null, Ratio.of(3, 20));
    assertThat(strict.findings().warnings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("NPC.DISTRICT.DEVIATION_LIMIT");
              assertThat(f.fields()).containsExactly("districts[2].seats");
              assertThat(f.messageZh())
                  .startsWith("第3选区每一代表所代表的人口为1700.0人，比平均数多19.0%，超过本地方案规定的15%")
                  .contains("第二十六条");
            });
  }

  /**
   * P = 10,000, T = 9. District 4 (500 people, at least 1 seat) deviates −55 % whatever happens, so
   * the bound leaves districts 2 and 3 free between 2 and 3 seats; 8 seats are taken by the lower
   * bounds and the ninth goes by equal proportions: 2,600²/(2·3) = 1,126,667 beats 2,400²/(2·3) =
   * 960,000.
   */
  @Test
  void equalProportionsDecideWithinTheBound() {
    List<District> ds = districts(4_500, 2_600, 2_400, 500);
    Proposal p = Apportionment.propose(10_000, 9, ds, null);
    assertThat(p.seats()).containsExactly(3, 3, 2, 1);
    assertThat(p.maxDeviation().percent()).hasToString("-55.0");
    assertThat(p.bottleneck()).isEqualTo(3);
    assertThat(p.trail().get(2).explanationZh()).isEqualTo("第2选区：人口2,600人，建议3名（不超过最大偏离的名额为2至3名）");
    assertThat(Apportionment.bestMaxDeviation(10_000, 9, ds)).contains(p.maxDeviation());
  }

  @Test
  void tiesGoToTheLargerPopulationThenToTheFirstListed() {
    assertThat(Apportionment.propose(3_000, 4, districts(1_000, 1_000, 1_000), null).seats())
        .containsExactly(2, 1, 1);
    assertThat(Apportionment.higherPriority(2_000, 1, 1_000, 1)).isTrue();
    assertThat(Apportionment.higherPriority(1_000, 1, 1_000, 1)).isFalse();
  }

  @Test
  void fixedDistrictsKeepTheirSeats() {
    List<District> ds = districts(4_100, 2_900, 1_700, 1_300);
    Proposal p = Apportionment.propose(10_000, 7, ds, Arrays.asList(2, null, null, 2));
    assertThat(p.seats()).containsExactly(2, 2, 1, 2);
    assertThat(p.proposed()).containsExactly(false, true, true, false);
  }

  @Test
  void infeasibleTotalsAreAChineseErrorNamingTheDistricts() {
    List<District> ds = districts(1_000, 1_000);
    assertThatThrownBy(() -> Apportionment.propose(2_000, 7, ds, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("代表总名额7名无法分配给2个选区：每一选区选一名至三名代表（选举法第二十五条），2个选区共可分配2至6名")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("districts");
    assertThatThrownBy(() -> Apportionment.propose(2_000, 1, ds, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Apportionment.propose(2_000, 5, ds, Arrays.asList(1, null)))
        .hasMessageStartingWith("除已确定名额的1个选区外，还余4名，无法分配给其余1个选区");
    assertThat(Apportionment.bestMaxDeviation(2_000, 7, ds)).isEmpty();
  }

  @Test
  void aDistrictWithFourOrZeroSeatsIsAnErrorNamingItAndTheRule() {
    List<District> ds = districts(4_000, 1_000, 1_000);
    DistrictCheck c = Apportionment.check(6_000, 6, ds, List.of(4, 2, 0), null, TWENTY);
    List<Finding> errors = c.findings().errors();
    assertThat(errors)
        .extracting(Finding::code)
        .containsExactly("NPC.DISTRICT.SEATS_1_TO_3", "NPC.DISTRICT.SEATS_1_TO_3");
    assertThat(errors.get(0).messageZh())
        .isEqualTo("第1选区应选4名代表，不符合每一选区选一名至三名代表的规定（《全国人民代表大会和地方各级人民代表大会选举法（2020）》第二十五条第二款）");
    assertThat(errors.get(0).fields()).containsExactly("districts[0].seats");
    assertThat(errors.get(1).fields()).containsExactly("districts[2].seats");
    assertThat(c.results().get(2).deviation()).isNull();
    assertThat(c.results().get(2).perDeputy()).isEmpty();
    assertThat(c.ok()).isFalse();
  }

  @Test
  void seatsMustAddUpToTheTotalAndPopulationsToTheTown() {
    List<District> ds = districts(3_000, 2_000);
    DistrictCheck c = Apportionment.check(6_000, 6, ds, List.of(3, 2), null, TWENTY);
    assertThat(c.findings().errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("NPC.DISTRICT.SEATS_SUM");
              assertThat(f.messageZh()).isEqualTo("各选区名额之和5名，代表总名额6名，少1名");
            });
    assertThat(c.findings().warnings())
        .extracting(Finding::code)
        .contains("NPC.DISTRICT.POPULATION_SUM");
  }

  @Test
  void apportionRunsTotalProposalAndCheck() {
    List<District> ds =
        List.of(
            District.of("一", 700, "甲村"),
            new District("二", DistrictBasis.WORKPLACE, List.of("镇机关", "镇中学"), 300));
    ApportionmentInput in =
        new ApportionmentInput(
            "小乡",
            new TownSeatsQuery(TownKind.TOWNSHIP, 1_000, false, null, new DecidedTotal(4, "县决定")),
            ds,
            null,
            null);
    ApportionmentResult r = Apportionment.apportion(in);
    assertThat(r.town().outcome().total()).isEqualTo(4);
    assertThat(r.proposalIfAny()).isPresent();
    assertThat(r.check().results()).extracting(DistrictResult::seats).containsExactly(3, 1);
    assertThat(r.check().results()).allMatch(DistrictResult::proposed);
    assertThat(r.ok()).isTrue();
    assertThat(r.findings().codes()).contains("NPC.TOWN_SEATS.DECIDED", "NPC.DISTRICT.PROPOSAL");
    assertThat(ds.get(1).joint()).isTrue();
  }

  @Test
  void badInputNamesTheField() {
    TownSeatsQuery q = TownSeatsQuery.of(TownKind.TOWN, 2_000);
    assertThatThrownBy(
            () ->
                Apportionment.apportion(
                    ApportionmentInput.propose(
                        "", q, List.of(District.of("一", 10, "甲村"), District.of("一", 10, "乙村")))))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("districts[1].name");
    assertThatThrownBy(
            () ->
                Apportionment.apportion(
                    ApportionmentInput.propose(
                        "",
                        q,
                        List.of(District.of("一", 10, "甲村"), District.of("二", 10, "乙村", "甲村")))))
        .hasMessageContaining("甲村 已划入一")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("districts[1].units[1]");
    assertThatThrownBy(
            () ->
                Apportionment.apportion(
                    new ApportionmentInput(
                        "", q, List.of(District.of("一", 10, "甲村")), Arrays.asList(-1), null)))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("districts[0].seats");
    assertThatThrownBy(
            () ->
                Apportionment.apportion(
                    new ApportionmentInput(
                        "", q, List.of(District.of("一", 10, "甲村")), List.of(1), Ratio.of(0, 1))))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("maxDeviation");
    assertThatThrownBy(
            () ->
                Apportionment.check(
                    10,
                    1,
                    List.of(District.of("一", 10, "甲村")),
                    Arrays.asList((Integer) null),
                    null,
                    TWENTY))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("districts[0].seats");
    assertThatThrownBy(() -> District.of("一", 0, "甲村"))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("population");
    assertThatThrownBy(() -> new District("一", DistrictBasis.RESIDENCE, List.of(), 5))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("units");
  }

  @Test
  void percentDisplay() {
    assertThat(Apportionment.percentZh(Ratio.of(1, 5))).isEqualTo("20%");
    assertThat(Apportionment.percentZh(Ratio.of(1, 8))).isEqualTo("12.5%");
    assertThat(Apportionment.percentZh(Ratio.of(1, 7))).isEqualTo("1/7");
    assertThat(new Deviation(-1, 3).zh()).isEqualTo("比平均数少33.3%");
    assertThat(Deviation.ZERO.zh()).isEqualTo("与平均数相同");
  }
}
