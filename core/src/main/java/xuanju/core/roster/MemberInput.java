package xuanju.core.roster;

import java.util.EnumMap;
import java.util.Map;

/**
 * A member as typed into the form or a row of the import file (党员信息原始输入): every field as text, not
 * yet checked. {@link Roster#validate} turns it into a {@link Member} or findings.
 *
 * <p>Dates may be written {@code 2020-01-02}, {@code 2020/1/2}, {@code 2020.1.2}, {@code 2020年1月2日}
 * or {@code 20200102}.
 */
public record MemberInput(
    String name,
    String gender,
    String ethnicity,
    String birthDate,
    String residentId,
    String education,
    String joinDate,
    String membership,
    String status,
    String phone) {
  public MemberInput {
    name = nz(name);
    gender = nz(gender);
    ethnicity = nz(ethnicity);
    birthDate = nz(birthDate);
    residentId = nz(residentId);
    education = nz(education);
    joinDate = nz(joinDate);
    membership = nz(membership);
    status = nz(status);
    phone = nz(phone);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Builds an input from values by field (missing fields are empty). */
  public static MemberInput of(Map<RosterField, String> values) {
    Map<RosterField, String> v = new EnumMap<>(RosterField.class);
    v.putAll(values);
    return new MemberInput(
        v.get(RosterField.NAME),
        v.get(RosterField.GENDER),
        v.get(RosterField.ETHNICITY),
        v.get(RosterField.BIRTH_DATE),
        v.get(RosterField.RESIDENT_ID),
        v.get(RosterField.EDUCATION),
        v.get(RosterField.JOIN_DATE),
        v.get(RosterField.MEMBERSHIP),
        v.get(RosterField.STATUS),
        v.get(RosterField.PHONE));
  }

  /** The text of one field. */
  public String get(RosterField f) {
    return switch (f) {
      case NAME -> name;
      case GENDER -> gender;
      case ETHNICITY -> ethnicity;
      case BIRTH_DATE -> birthDate;
      case RESIDENT_ID -> residentId;
      case EDUCATION -> education;
      case JOIN_DATE -> joinDate;
      case MEMBERSHIP -> membership;
      case STATUS -> status;
      case PHONE -> phone;
    };
  }

  /** Whether every field is blank (an empty row of a spreadsheet). */
  public boolean isBlank() {
    for (RosterField f : RosterField.values()) {
      if (!get(f).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
