package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xuanju.core.register.People.district;
import static xuanju.core.register.People.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

/** A second cycle worked by hand: two districts, every change category. */
class CarryOverTest {
  static final LocalDate PREV = LocalDate.of(2021, 11, 20);
  static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final LocalDate REG = LocalDate.of(2026, 10, 10);
  static final RegistrationPlace D1 = district("angsu", "d1");
  static final RegistrationPlace D2 = district("angsu", "d2");

  final Resident a = resident("甲", LocalDate.of(1960, 1, 1), 1, true);
  final Resident b = resident("乙", LocalDate.of(1950, 2, 2), 2, true);
  final Resident c = resident("丙", LocalDate.of(1970, 3, 3), 3, false);
  final Resident e = resident("戊", LocalDate.of(1980, 4, 4), 4, true);
  final Resident f = resident("己", LocalDate.of(1981, 5, 5), 5, false);
  final Resident g = resident("庚", LocalDate.of(1982, 6, 6), 6, true);
  final Resident h = resident("辛", LocalDate.of(1983, 7, 7), 7, false);
  final Resident n = resident("新成年", LocalDate.of(2006, 5, 1), 8, true);
  final Resident r = resident("复权", LocalDate.of(1970, 8, 8), 9, true);
  final Resident m = resident("迁入者", LocalDate.of(1985, 9, 9), 10, false);
  final Resident o = resident("漏登者", LocalDate.of(1975, 10, 10), 11, true);
  final Resident k = resident("少年", LocalDate.of(2009, 1, 1), 12, true);
  final Resident x = resident("故人", LocalDate.of(1940, 1, 1), 13, true);

  List<Registration> previous() {
    return List.of(
        Registration.atHukou(a, D1, PREV.minusDays(30)),
        Registration.atHukou(b, D1, PREV.minusDays(30)),
        Registration.atHukou(c, D1, PREV.minusDays(30)),
        Registration.atHukou(e, D2, PREV.minusDays(30)),
        Registration.atHukou(f, D2, PREV.minusDays(30)),
        Registration.atHukou(g, D2, PREV.minusDays(30)),
        Registration.atHukou(h, D2, PREV.minusDays(30)));
  }

  List<PopulationRecord> population() {
    return List.of(
        PopulationRecord.living(a, D1),
        PopulationRecord.living(b, D1).died(LocalDate.of(2024, 3, 1)),
        PopulationRecord.living(c, D2),
        PopulationRecord.living(e, D2)
            .withStatus(
                LegalStatus.deprived(
                    new Deprivation(
                        "（2025）蒙0626刑初9号",
                        "乌审旗人民法院",
                        LocalDate.of(2025, 6, 1),
                        LocalDate.of(2029, 5, 31)))),
        PopulationRecord.living(f, null),
        PopulationRecord.living(h, D2)
            .withStatus(
                LegalStatus.incapable(
                    Incapacity.confirmed(
                        "精神病患者不能行使选举权利",
                        Incapacity.Evidence.GUARDIAN_CONSENT,
                        LocalDate.of(2026, 10, 1),
                        "昂选委〔2026〕2号"))),
        PopulationRecord.living(n, D1),
        PopulationRecord.living(r, D1)
            .withStatus(
                LegalStatus.deprived(
                    new Deprivation(
                        "判决书", "", LocalDate.of(2015, 1, 1), LocalDate.of(2023, 12, 31)))),
        PopulationRecord.living(m, D2).movedInFrom("图克镇"),
        PopulationRecord.living(o, D2),
        PopulationRecord.living(k, D1),
        PopulationRecord.living(x, D1).died(LocalDate.of(2022, 1, 1)));
  }

  @Test
  void secondCycleChangesAndSummary() {
    CarryOverResult res = CarryOver.compute(previous(), PREV, population(), D, REG);

    assertThat(res.register())
        .extracting(Registration::name, rg -> rg.place().districtId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("甲", "d1"),
            org.assertj.core.groups.Tuple.tuple("丙", "d2"),
            org.assertj.core.groups.Tuple.tuple("庚", "d2"),
            org.assertj.core.groups.Tuple.tuple("新成年", "d1"),
            org.assertj.core.groups.Tuple.tuple("复权", "d1"),
            org.assertj.core.groups.Tuple.tuple("迁入者", "d2"),
            org.assertj.core.groups.Tuple.tuple("漏登者", "d2"));
    assertThat(res.carriedOver()).isEqualTo(2);
    assertThat(res.movedBetweenDistricts()).isEqualTo(1);

    DistrictSummary s1 = res.district("angsu", "d1").orElseThrow();
    assertThat(s1.previousTotal()).isEqualTo(3);
    assertThat(s1.added())
        .containsEntry(ChangeReason.NEW_ADULT, 1)
        .containsEntry(ChangeReason.RESTORED, 1)
        .containsEntry(ChangeReason.MOVED_IN, 0)
        .containsEntry(ChangeReason.OTHER_ADDED, 0);
    assertThat(s1.removed())
        .containsEntry(ChangeReason.DEATH, 1)
        .containsEntry(ChangeReason.MOVED_OUT, 1)
        .containsEntry(ChangeReason.DEPRIVED, 0);
    assertThat(s1.newTotal()).isEqualTo(3);
    assertThat(s1.balanced()).isTrue();
    assertThat(s1.balance().explanationZh()).isEqualTo("angsud1：上届3人＋增加2人－减少2人＝3人，本届名单3人，相符");

    DistrictSummary s2 = res.district("angsu", "d2").orElseThrow();
    assertThat(s2.previousTotal()).isEqualTo(4);
    assertThat(s2.added())
        .containsEntry(ChangeReason.MOVED_IN, 2)
        .containsEntry(ChangeReason.OTHER_ADDED, 1);
    assertThat(s2.removed())
        .containsEntry(ChangeReason.DEPRIVED, 1)
        .containsEntry(ChangeReason.MOVED_OUT, 1)
        .containsEntry(ChangeReason.INCAPACITY, 1);
    assertThat(s2.addedTotal()).isEqualTo(3);
    assertThat(s2.removedTotal()).isEqualTo(3);
    assertThat(s2.newTotal()).isEqualTo(4);

    assertThat(res.total().previousTotal()).isEqualTo(7);
    assertThat(res.total().addedTotal()).isEqualTo(5);
    assertThat(res.total().removedTotal()).isEqualTo(5);
    assertThat(res.total().newTotal()).isEqualTo(7);
    assertThat(res.total().labelZh()).isEqualTo("合计");
    assertThat(res.balanceTrail()).hasSize(3).allMatch(st -> st.passed());

    assertThat(res.findings().errors()).isEmpty();
    assertThat(res.findings().notices())
        .singleElement()
        .satisfies(
            nt -> {
              assertThat(nt.code()).isEqualTo("REGISTER.CARRY.KEPT");
              assertThat(nt.facts())
                  .containsEntry("carriedOver", 2)
                  .containsEntry("movedBetweenDistricts", 1);
            });
    assertThat(res.findings().warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("REGISTER.CARRY.UNACCOUNTED");
              assertThat(w.messageZh()).startsWith("庚（").contains("暂予保留");
            });

    Map<String, RegisterChange> byName =
        res.changes().stream()
            .filter(ch -> !(ch.name().equals("丙") && ch.reason() == ChangeReason.MOVED_IN))
            .collect(java.util.stream.Collectors.toMap(RegisterChange::name, ch -> ch));
    assertThat(byName.get("乙").finding().messageZh()).contains("已于2024-03-01死亡");
    assertThat(byName.get("丙").reason()).isEqualTo(ChangeReason.MOVED_OUT);
    assertThat(byName.get("戊").finding().messageZh()).contains("（2025）蒙0626刑初9号").contains("除名");
    assertThat(byName.get("己").reason()).isEqualTo(ChangeReason.MOVED_OUT);
    assertThat(byName.get("辛").finding().code()).isEqualTo("REGISTER.CARRY.INCAPACITY");
    assertThat(byName.get("辛").finding().messageZh()).contains("昂选委〔2026〕2号");
    assertThat(byName.get("新成年").finding().messageZh()).contains("2024-05-01年满十八周岁");
    assertThat(byName.get("复权").finding().messageZh()).contains("自2024-01-01起恢复政治权利");
    assertThat(byName.get("迁入者").finding().messageZh()).contains("由图克镇迁入");
    assertThat(byName.get("漏登者").reason()).isEqualTo(ChangeReason.OTHER_ADDED);
    assertThat(byName).doesNotContainKeys("甲", "庚", "少年", "故人");

    Registration added = res.register().get(3);
    assertThat(added.registeredOn()).isEqualTo(REG);
    assertThat(added.basis()).isEqualTo(RegistrationBasis.HUKOU);
  }

  @Test
  void unbalancedSummaryIsAFinding() {
    DistrictSummary bad =
        new DistrictSummary(
            D1, 10, Map.of(ChangeReason.NEW_ADULT, 2), Map.of(ChangeReason.DEATH, 1), 12);
    assertThat(bad.balanced()).isFalse();
    assertThat(bad.balance().passed()).isFalse();
    assertThat(bad.balance().inputs()).containsEntry("previous", 10L).containsEntry("new", 12L);
    assertThat(bad.balance().explanationZh()).contains("＝11人，本届名单12人，不相符");
    assertThatThrownBy(() -> new DistrictSummary(D1, 1, Map.of(ChangeReason.DEATH, 1), Map.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badInputNamesTheField() {
    assertThatThrownBy(() -> CarryOver.compute(previous(), D, population(), D, REG))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            x -> assertThat(((InvalidInputException) x).field()).isEqualTo("previousElectionDay"));
    List<Registration> twice = new java.util.ArrayList<>(previous());
    twice.add(Registration.atHukou(a, D2, PREV));
    assertThatThrownBy(() -> CarryOver.compute(twice, PREV, population(), D, REG))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲")
        .satisfies(
            x ->
                assertThat(((InvalidInputException) x).field())
                    .isEqualTo("previous[7].residentId"));
  }

  @Test
  void previousEntryNowUnderAgeIsRemovedAsOtherWithAWarning() {
    Resident young = resident("误登", LocalDate.of(2010, 1, 1), 20, true);
    CarryOverResult res =
        CarryOver.compute(
            List.of(Registration.atHukou(young, D1, PREV)),
            PREV,
            List.of(PopulationRecord.living(young, D1)),
            D,
            REG);
    assertThat(res.register()).isEmpty();
    assertThat(res.changes())
        .extracting(RegisterChange::reason)
        .containsExactly(ChangeReason.OTHER_REMOVED);
    assertThat(res.findings().warnings())
        .extracting(Finding::code)
        .containsExactly("REGISTER.CARRY.OTHER_REMOVED");
  }
}
