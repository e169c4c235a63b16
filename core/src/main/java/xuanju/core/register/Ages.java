package xuanju.core.register;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * Age in full years (周岁) by the calendar: a person is N years old from the day of their N-th
 * birthday, that day included (a person whose 18th birthday is election day is 18 on election day).
 * Births on 29 February follow a {@link LeapDayBirthday} rule in common years.
 */
public final class Ages {
  private Ages() {}

  /** The day a person born on {@code birth} becomes {@code years} years old. */
  public static LocalDate birthday(LocalDate birth, int years, LeapDayBirthday rule) {
    Objects.requireNonNull(birth, "birth");
    Objects.requireNonNull(rule, "rule");
    if (years < 0) {
      throw new InvalidInputException("years", "周岁数不能为负数：" + years);
    }
    LocalDate d = birth.plusYears(years);
    if (isLeapDay(birth) && d.getDayOfMonth() == 28 && rule == LeapDayBirthday.MAR_1) {
      return d.plusDays(1);
    }
    return d;
  }

  /**
   * The age in full years on {@code on}.
   *
   * @throws InvalidInputException if {@code on} is before the birth
   */
  public static int fullYears(LocalDate birth, LocalDate on, LeapDayBirthday rule) {
    Objects.requireNonNull(on, "on");
    if (on.isBefore(birth)) {
      throw new InvalidInputException("birthDate", "出生日期 " + birth + " 晚于计算日期 " + on);
    }
    int years = on.getYear() - birth.getYear();
    if (birthday(birth, years, rule).isAfter(on)) {
      years--;
    }
    return years;
  }

  /** Whether the date is 29 February. */
  public static boolean isLeapDay(LocalDate d) {
    return d.getMonth() == Month.FEBRUARY && d.getDayOfMonth() == 29;
  }

  /** Whether the {@code years}-th birthday of a 29 February birth falls in a common year. */
  static boolean leapDayRuleApplies(LocalDate birth, int years) {
    return isLeapDay(birth) && !birth.plusYears(years).isLeapYear();
  }
}
