package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the carry-over over seeded random populations and events (the seed is in each test
 * name): every district and the total balance (previous + 增 − 减 = new), the new register is the one
 * an independent reading of 第二十七条 gives, and every previous voter is either kept or has exactly one
 * removal in their old district.
 */
class CarryOverPropertyTest {
  static final LocalDate PREV = LocalDate.of(2021, 11, 20);
  static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final List<RegistrationPlace> DISTRICTS =
      List.of(
          People.district("angsu", "d1"),
          People.district("angsu", "d2"),
          People.district("angsu", "d3"),
          People.district("chaganmiao", "d1"));

  static LongStream seeds() {
    return LongStream.of(3L, 11L, 2021L, 20261120L, 123456789L, 42L);
  }

  record Scenario(List<Registration> previous, List<PopulationRecord> population) {}

  static Scenario scenario(long seed) {
    Random r = new Random(seed);
    List<Registration> previous = new ArrayList<>();
    List<PopulationRecord> population = new ArrayList<>();
    int n = 300 + r.nextInt(300);
    for (int i = 0; i < n; i++) {
      LocalDate birth =
          r.nextInt(8) == 0
              ? LocalDate.of(2004 + 4 * r.nextInt(3), 2, 29)
              : LocalDate.of(1930, 1, 1).plusDays(r.nextInt(85 * 365));
      Resident p = People.resident("人" + i, birth, i % 500, r.nextBoolean());
      RegistrationPlace home = DISTRICTS.get(r.nextInt(DISTRICTS.size()));
      boolean adultThen = !Ages.birthday(birth, 18, LeapDayBirthday.FEB_28).isAfter(PREV);
      boolean wasRegistered = adultThen && r.nextInt(10) < 7;
      if (wasRegistered) {
        previous.add(Registration.atHukou(p, home, PREV.minusDays(40)));
      }
      if (wasRegistered && r.nextInt(30) == 0) {
        continue; // missing from the population data
      }
      RegistrationPlace now = home;
      int move = r.nextInt(12);
      if (move == 0) {
        now = null;
      } else if (move == 1) {
        now = DISTRICTS.get(r.nextInt(DISTRICTS.size()));
      }
      PopulationRecord rec = PopulationRecord.living(p, now);
      if (!wasRegistered && r.nextInt(6) == 0) {
        rec = rec.movedInFrom("外地");
      }
      if (r.nextInt(25) == 0) {
        rec = rec.died(PREV.plusDays(r.nextInt(1500)));
      }
      int legal = r.nextInt(40);
      if (legal == 0) {
        LocalDate from = PREV.minusDays(r.nextInt(3000));
        LocalDate until = r.nextBoolean() ? null : from.plusDays(r.nextInt(4000));
        rec = rec.withStatus(LegalStatus.deprived(new Deprivation("判决书" + i, "", from, until)));
      } else if (legal == 1) {
        LocalDate decided = D.minusDays(r.nextInt(60) - 10);
        rec =
            rec.withStatus(
                LegalStatus.incapable(
                    new Incapacity(
                        "不能行使选举权利",
                        Incapacity.Evidence.HOSPITAL_CERTIFICATE,
                        r.nextInt(4) == 0,
                        decided,
                        "纪要" + i,
                        null)));
      } else if (legal == 2) {
        rec =
            rec.withStatus(
                LegalStatus.suspended(new VotingSuspension("检察院", "文号" + i, D.minusDays(5), null)));
      }
      population.add(rec);
    }
    return new Scenario(previous, population);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyDistrictAndTheTotalBalance(long seed) {
    Scenario s = scenario(seed);
    CarryOverResult res = CarryOver.compute(s.previous(), PREV, s.population(), D, D.minusDays(40));
    assertThat(res.findings().codes()).doesNotContain("REGISTER.SUMMARY.BALANCE");
    for (DistrictSummary d : res.districts()) {
      assertThat(d.previousTotal() + d.addedTotal() - d.removedTotal())
          .as("%s", d.labelZh())
          .isEqualTo(d.newTotal());
      long inPrev = s.previous().stream().filter(x -> x.place().sameDistrict(d.place())).count();
      long inNew = res.register().stream().filter(x -> x.place().sameDistrict(d.place())).count();
      assertThat(d.previousTotal()).isEqualTo(inPrev);
      assertThat(d.newTotal()).isEqualTo(inNew);
      for (ChangeReason reason : ChangeReason.values()) {
        long count =
            res.changes().stream()
                .filter(c -> c.reason() == reason && c.place().sameDistrict(d.place()))
                .count();
        Map<ChangeReason, Integer> side = reason.addition() ? d.added() : d.removed();
        assertThat(side.get(reason)).as("%s %s", d.labelZh(), reason).isEqualTo((int) count);
      }
    }
    DistrictSummary t = res.total();
    assertThat(t.previousTotal()).isEqualTo(s.previous().size());
    assertThat(t.newTotal()).isEqualTo(res.register().size());
    assertThat(t.balanced()).isTrue();
    assertThat(res.districts().stream().mapToInt(DistrictSummary::addedTotal).sum())
        .isEqualTo(t.addedTotal());
    assertThat(res.districts().stream().mapToInt(DistrictSummary::removedTotal).sum())
        .isEqualTo(t.removedTotal());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void newRegisterIsWhatArticle27Gives(long seed) {
    Scenario s = scenario(seed);
    CarryOverResult res = CarryOver.compute(s.previous(), PREV, s.population(), D, D.minusDays(40));

    Map<String, PopulationRecord> pop = new HashMap<>();
    s.population().forEach(p -> pop.put(p.idNumber(), p));
    Map<String, String> expected = new HashMap<>();
    Set<String> prevIds = new HashSet<>();
    for (Registration p : s.previous()) {
      prevIds.add(p.residentId());
      PopulationRecord rec = pop.get(p.residentId());
      if (rec == null) {
        expected.put(p.residentId(), p.place().unitId() + "/" + p.place().districtId());
      } else if (voterNow(rec)) {
        expected.put(p.residentId(), rec.place().unitId() + "/" + rec.place().districtId());
      }
    }
    for (PopulationRecord rec : s.population()) {
      if (!prevIds.contains(rec.idNumber()) && voterNow(rec)) {
        expected.put(rec.idNumber(), rec.place().unitId() + "/" + rec.place().districtId());
      }
    }
    Map<String, String> actual = new HashMap<>();
    for (Registration reg : res.register()) {
      assertThat(
              actual.put(reg.residentId(), reg.place().unitId() + "/" + reg.place().districtId()))
          .as("registered once: %s", reg.name())
          .isNull();
    }
    assertThat(actual).isEqualTo(expected);

    for (Registration p : s.previous()) {
      long removals =
          res.changes().stream()
              .filter(c -> c.residentId().equals(p.residentId()) && !c.addition())
              .count();
      boolean keptInPlace =
          res.register().stream()
              .anyMatch(
                  x -> x.residentId().equals(p.residentId()) && x.place().sameDistrict(p.place()));
      assertThat(removals + (keptInPlace ? 1 : 0)).as(p.name()).isEqualTo(1);
    }
  }

  /**
   * Independent reading: alive, in a district, 18 by election day, not deprived, not confirmed
   * incapable.
   */
  private static boolean voterNow(PopulationRecord rec) {
    if (rec.deathDate() != null || rec.place() == null) {
      return false;
    }
    if (Ages.birthday(rec.resident().birthDate(), 18, LeapDayBirthday.FEB_28).isAfter(D)) {
      return false;
    }
    for (Deprivation d : rec.status().deprivations()) {
      if (!d.from().isAfter(D) && (d.until() == null || !D.isAfter(d.until()))) {
        return false;
      }
    }
    Incapacity inc = rec.status().incapacity();
    return inc == null || inc.intermittent() || inc.decidedOn().isAfter(D);
  }
}
