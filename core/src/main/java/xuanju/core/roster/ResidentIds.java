package xuanju.core.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import xuanju.core.quota.Gender;
import xuanju.core.rule.Finding;

/**
 * Checks of the resident ID number (公民身份号码校验, GB 11643-1999): 17 digits and a check character
 * computed with ISO 7064 MOD 11-2, the birth date in digits 7–14 (a real date, not after today),
 * and the gender in digit 17. Area codes change over time and are not checked.
 */
public final class ResidentIds {
  private ResidentIds() {}

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?E\\+?[0-9]+");

  /**
   * The input as it should be stored: full-width characters folded, spaces removed, {@code x} upper
   * case. Does not validate.
   */
  public static String normalise(String raw) {
    if (raw != null && raw.length() == 18 && isShape(raw)) {
      return raw; // the common case, already clean: no normalisation, no pattern
    }
    return SPACES.matcher(Texts.clean(raw)).replaceAll("").toUpperCase(java.util.Locale.ROOT);
  }

  /** 17 ASCII digits and a digit or X: what {@code [0-9]{17}[0-9X]} matches, without a matcher. */
  private static boolean isShape(String id) {
    if (id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    char last = id.charAt(17);
    return (last >= '0' && last <= '9') || last == 'X';
  }

  /**
   * The check character (校验码) for the first 17 digits.
   *
   * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != 17 || !allDigits(first17)) {
      throw new IllegalArgumentException("需要17位数字：" + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /**
   * Every problem with {@code raw} as a resident ID, with the field path {@code field}; empty when
   * the number is valid.
   */
  public static List<Finding> check(String raw, LocalDate today, String field) {
    String id = normalise(raw);
    List<Finding> out = new ArrayList<>();
    if (!isShape(id) && SCIENTIFIC.matcher(id).matches()) {
      out.add(finding(RosterRule.ID_FORMAT, field, id, "号码被存成了数字（科学计数法），末几位已丢失；请把该列设为文本格式后重新填写"));
      return out;
    }
    if (!isShape(id)) {
      out.add(
          finding(
              RosterRule.ID_FORMAT,
              field,
              id,
              "应为18位（前17位为数字，最后一位为数字或X），实为" + id.length() + "位「" + id + "」"));
      return out;
    }
    char expected = checkCharacter(id.substring(0, 17));
    if (id.charAt(17) != expected) {
      out.add(finding(RosterRule.ID_CHECKSUM, field, id, "校验位错误（应为" + expected + "）"));
    }
    Optional<LocalDate> birth = birthDateOf(id);
    if (birth.isEmpty()) {
      out.add(
          finding(
              RosterRule.ID_BIRTH_DATE, field, id, "第7至14位「" + id.substring(6, 14) + "」不是有效的出生日期"));
    } else if (birth.get().isAfter(today) || birth.get().getYear() < 1800) {
      out.add(
          finding(
              RosterRule.ID_BIRTH_DATE,
              field,
              id,
              "第7至14位的出生日期" + birth.get() + "不合理（晚于今天或早于1800年）"));
    }
    return List.copyOf(out);
  }

  /** Whether {@code raw} is a valid resident ID as of {@code today}. */
  public static boolean isValid(String raw, LocalDate today) {
    return check(raw, today, "residentId").isEmpty();
  }

  /** The resident ID with its birth date and gender, or empty if {@code raw} is not valid. */
  public static Optional<ResidentId> parse(String raw, LocalDate today) {
    String id = normalise(raw);
    if (!isValid(id, today)) {
      return Optional.empty();
    }
    return Optional.of(new ResidentId(id, birthDateOf(id).orElseThrow(), genderOf(id)));
  }

  /**
   * The masked form for lists (脱敏): the first 4 and the last 4 characters kept, the rest replaced
   * by {@code *}: {@code 1101**********002X}. Shorter or malformed input is masked all but its last
   * 2.
   */
  public static String mask(String id) {
    if (id == null || id.isEmpty()) {
      return "";
    }
    if (id.length() == 18) {
      return id.substring(0, 4) + "*".repeat(10) + id.substring(14);
    }
    int keep = Math.min(2, id.length());
    return "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static Optional<LocalDate> birthDateOf(String id) {
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14))));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Gender genderOf(String id) {
    return (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
  }

  private static Finding finding(RosterRule rule, String field, String id, String message) {
    return new Finding(rule, List.of(field), Map.of("value", mask(id)), message);
  }
}
