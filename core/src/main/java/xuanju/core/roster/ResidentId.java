package xuanju.core.roster;

import java.time.LocalDate;
import java.util.Objects;
import xuanju.core.quota.Gender;

/**
 * A valid 18-digit resident ID number (公民身份号码, GB 11643-1999) and what it encodes: the birth date
 * (digits 7–14) and the gender (digit 17, odd for men). Obtain one through {@link
 * ResidentIds#parse}.
 *
 * @param value the 18 characters, check character upper case
 */
public record ResidentId(String value, LocalDate birthDate, Gender gender) {
  public ResidentId {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(gender, "gender");
  }

  /** The masked form for lists: {@code 1101**********002X}. */
  public String masked() {
    return ResidentIds.mask(value);
  }
}
