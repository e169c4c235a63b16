package xuanju.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the age rule over seeded random birth dates (the seed is in each test name), a
 * quarter of them on 29 February: eligibility flips exactly on the 18th birthday, under both
 * leap-day rules, and agrees with {@link Period} for every other birth date.
 */
class EligibilityPropertyTest {
  static LongStream seeds() {
    return LongStream.of(1L, 7L, 2026L, 20261120L, 987654321L);
  }

  static List<LocalDate> births(long seed, int n) {
    Random r = new Random(seed);
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 4 == 0) {
        int year = 1904 + 4 * r.nextInt(28); // leap years 1904 … 2012
        out.add(LocalDate.of(year, 2, 29));
      } else {
        out.add(
            LocalDate.ofEpochDay(
                r.nextLong(
                    LocalDate.of(1900, 1, 1).toEpochDay(),
                    LocalDate.of(2015, 12, 31).toEpochDay())));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eligibilityFlipsExactlyOnTheEighteenthBirthday(long seed) {
    int i = 0;
    for (LocalDate birth : births(seed, 400)) {
      Resident r = People.resident("测试" + i, birth, i % 500, i % 2 == 0);
      i++;
      for (LeapDayBirthday rule : LeapDayBirthday.values()) {
        LocalDate eighteenth = Ages.birthday(birth, 18, rule);
        EligibilityResult on = Eligibility.decide(r, LegalStatus.none(), eighteenth, rule);
        EligibilityResult before =
            Eligibility.decide(r, LegalStatus.none(), eighteenth.minusDays(1), rule);
        assertThat(on.eligible()).as("%s on %s (%s)", birth, eighteenth, rule).isTrue();
        assertThat(on.ageOnElectionDay()).isEqualTo(18);
        assertThat(before.eligible()).as("%s the day before (%s)", birth, rule).isFalse();
        assertThat(before.ageOnElectionDay()).isEqualTo(17);
        assertThat(before.code()).isEqualTo("REGISTER.ELIGIBILITY.UNDER_18");
        assertThat(before.messageZh()).contains(r.name()).contains(eighteenth + "年满十八周岁");
        if (Ages.isLeapDay(birth)) {
          assertThat(eighteenth)
              .isEqualTo(
                  rule == LeapDayBirthday.FEB_28
                      ? LocalDate.of(birth.getYear() + 18, 2, 28)
                      : LocalDate.of(birth.getYear() + 18, 3, 1));
          assertThat(on.findings().codes()).contains("REGISTER.ELIGIBILITY.LEAP_DAY_BIRTH");
        } else {
          assertThat(eighteenth.getDayOfMonth()).isEqualTo(birth.getDayOfMonth());
          assertThat(on.findings().codes()).doesNotContain("REGISTER.ELIGIBILITY.LEAP_DAY_BIRTH");
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ageAgreesWithPeriodExceptOnLeapDayBirthdays(long seed) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    int i = 0;
    for (LocalDate birth : births(seed, 300)) {
      LocalDate day = birth.plusDays(r.nextInt(40 * 366));
      int period = Period.between(birth, day).getYears();
      int march = Ages.fullYears(birth, day, LeapDayBirthday.MAR_1);
      int feb = Ages.fullYears(birth, day, LeapDayBirthday.FEB_28);
      assertThat(march).as("%s on %s", birth, day).isEqualTo(period);
      if (!Ages.isLeapDay(birth) || !(day.getMonthValue() == 2 && day.getDayOfMonth() == 28)) {
        assertThat(feb).as("%s on %s", birth, day).isEqualTo(period);
      } else {
        assertThat(feb).isEqualTo(period + (day.isLeapYear() ? 0 : 1));
      }
      Resident p = People.resident("甲" + i, birth, i % 500, true);
      i++;
      assertThat(Eligibility.decide(p, LegalStatus.none(), day, LeapDayBirthday.MAR_1).eligible())
          .isEqualTo(period >= 18);
    }
  }
}
