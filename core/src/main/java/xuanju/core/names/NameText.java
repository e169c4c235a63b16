package xuanju.core.names;

/** Helpers for the characters of a name (姓名字符处理). */
final class NameText {
  private NameText() {}

  /**
   * Whether a character is ignored when ordering: white space (including the ideographic space used
   * to pad two-character names in printed lists) and name separators such as the middle dot of
   * minority names (阿依古丽·买买提).
   */
  static boolean isIgnorable(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return true;
    }
    switch (cp) {
      case 0x00B7, // · middle dot
      0x2027, // ‧ hyphenation point
      0x2022, // • bullet
      0x30FB, // ・ katakana middle dot
      0xFF65, // ･ halfwidth katakana middle dot
      0x2E31, // ⸱ word separator middle dot
      0x002E, // .
      0xFF0E, // ．
      0x002D, // -
      0x2010, // ‐
      0x2011: // ‑
        return true;
      default:
        return false;
    }
  }

  /** The code points of a name without ignorable characters. */
  static int[] codePoints(String s) {
    return s.codePoints().filter(cp -> !isIgnorable(cp)).toArray();
  }

  /** A name without ignorable characters. */
  static String compact(String s) {
    int[] cps = codePoints(s);
    return new String(cps, 0, cps.length);
  }
}
