package xuanju.core.names;

import xuanju.core.rule.InvalidInputException;

/**
 * A name split into surname and given name (姓名：姓、名), as used for stroke ordering.
 *
 * <p>{@link #parse(String)} splits a full name: a name starting with a {@linkplain CompoundSurnames
 * compound surname} (复姓) has that surname (a two-character name that is a compound surname is the
 * surname alone); otherwise the first character is the surname. Spaces and name separators (·)
 * around the split are dropped; separators inside the given name are kept. Build the record
 * directly when the split is known (for example from a register that keeps 姓 and 名 apart).
 *
 * @param surname the surname, never blank
 * @param givenName the given name, may be empty
 */
public record PersonName(String surname, String givenName) {
  public PersonName {
    if (surname == null || surname.isBlank()) {
      throw new InvalidInputException("surname", "姓不能为空");
    }
    surname = surname.strip();
    givenName = givenName == null ? "" : givenName.strip();
  }

  /**
   * Splits a full name into surname and given name.
   *
   * @throws InvalidInputException if the name is empty or has only spaces and separators
   */
  public static PersonName parse(String fullName) {
    if (fullName == null) {
      throw new InvalidInputException("name", "姓名不能为空");
    }
    String s = stripIgnorable(fullName);
    if (s.isEmpty()) {
      throw new InvalidInputException("name", "姓名不能为空：「" + fullName + "」");
    }
    String compact = NameText.compact(s);
    int surnameLength = CompoundSurnames.prefixLength(compact);
    if (surnameLength == 0) {
      surnameLength = 1;
    }
    // walk the original text to the end of the surname, skipping separators
    int seen = 0;
    int i = 0;
    while (i < s.length() && seen < surnameLength) {
      int cp = s.codePointAt(i);
      if (!NameText.isIgnorable(cp)) {
        seen++;
      }
      i += Character.charCount(cp);
    }
    String surname = NameText.compact(s.substring(0, i));
    String given = stripIgnorable(s.substring(i));
    return new PersonName(surname, given);
  }

  /** Surname followed by given name, without separator. */
  public String fullName() {
    return surname + givenName;
  }

  private static String stripIgnorable(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && NameText.isIgnorable(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && NameText.isIgnorable(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }
}
