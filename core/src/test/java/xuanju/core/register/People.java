package xuanju.core.register;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import xuanju.core.roster.ResidentId;
import xuanju.core.roster.ResidentIds;

/** Test people with valid resident IDs (area 150626, 乌审旗). */
final class People {
  private People() {}

  static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  /**
   * A valid ID for this birth date; {@code seq} 0–499 makes it unique, odd/even picks the gender.
   */
  static String idNumber(LocalDate birth, int seq, boolean male) {
    int order = seq * 2 + (male ? 1 : 0);
    String first17 = "150626" + birth.format(YMD) + String.format("%03d", order % 1000);
    return first17 + ResidentIds.checkCharacter(first17);
  }

  static ResidentId id(LocalDate birth, int seq, boolean male) {
    return ResidentIds.parse(idNumber(birth, seq, male), LocalDate.of(2100, 1, 1)).orElseThrow();
  }

  static Resident resident(String name, LocalDate birth, int seq, boolean male) {
    return Resident.builder(id(birth, seq, male), name).ethnicity("汉族").build();
  }

  static Resident resident(String name, LocalDate birth) {
    return resident(name, birth, 1, true);
  }

  static RegistrationPlace district(String unit, String district) {
    return new RegistrationPlace(unit, unit, district, district);
  }
}
