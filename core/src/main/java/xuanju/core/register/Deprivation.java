package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.rule.InvalidInputException;

/**
 * A deprivation of political rights (剥夺政治权利) by law, with its legal basis. A person deprived on
 * election day has no vote (选举法 第四条第二款) and is removed from the voter list (第二十七条).
 *
 * <p>Under 刑法 第五十八条 the deprivation also runs during the principal sentence, so {@code from} is the
 * day it takes effect (normally the day the judgment takes effect), not the day the additional term
 * starts counting.
 *
 * @param basis the legal basis, e.g. the judgment {@code （2023）蒙0626刑初45号刑事判决书}; required
 * @param court the court that decided, empty if not recorded
 * @param from the first day the person is deprived
 * @param until the last day the person is deprived (inclusive); null for life (终身)
 */
public record Deprivation(String basis, String court, LocalDate from, LocalDate until) {
  public Deprivation {
    if (basis == null || basis.isBlank()) {
      throw new InvalidInputException("deprivation.basis", "剥夺政治权利须记录法律依据（如判决书文号）");
    }
    basis = basis.strip();
    court = court == null ? "" : court.strip();
    if (from == null) {
      throw new InvalidInputException("deprivation.from", "剥夺政治权利须记录开始日期");
    }
    if (until != null && until.isBefore(from)) {
      throw new InvalidInputException(
          "deprivation.until", "剥夺政治权利的截止日期 " + until + " 早于开始日期 " + from);
    }
  }

  /** Whether the person is deprived on {@code day}. */
  public boolean activeOn(LocalDate day) {
    return !from.isAfter(day) && (until == null || !day.isAfter(until));
  }

  /** Whether the deprivation is for life (终身). */
  public boolean forLife() {
    return until == null;
  }

  /** The period in Chinese, e.g. {@code 2020-01-01至2027-12-31} or {@code 2020-01-01起终身}. */
  public String periodZh() {
    return until == null ? from + "起终身" : from + "至" + until;
  }
}
