package xuanju.core.ballot;

/**
 * A mark beside one name on a ballot (选票符号). Stored in 2 bits: blank 00, yes 01, no 10, unclear 11.
 */
public enum Mark {
  /** 弃权：未划任何符号（空白）. */
  ABSTAIN,
  /** 赞成（○）. */
  YES,
  /** 不赞成（×）. */
  NO,
  /** 符号无法辨认或有疑问，须由监票人认定. */
  UNCLEAR;

  private static final Mark[] BY_BITS = values();

  /** The 2-bit code. */
  public int bits() {
    return ordinal();
  }

  public static Mark ofBits(int bits) {
    return BY_BITS[bits & 3];
  }

  /**
   * Parses one character: {@code Y ○ +} yes; {@code N × X} no; {@code A - _ 空格} abstain; {@code ?}
   * unclear.
   */
  public static Mark ofChar(char c) {
    return switch (c) {
      case 'Y', 'y', '○', '+' -> YES;
      case 'N', 'n', '×', 'X', 'x' -> NO;
      case 'A', 'a', '-', '_', ' ' -> ABSTAIN;
      case '?', '？' -> UNCLEAR;
      default -> throw new IllegalArgumentException("unknown mark '" + c + "'");
    };
  }

  /** The character {@link #ofChar(char)} reads back: {@code Y N A ?}. */
  public char toChar() {
    return "YNA?".charAt(this == YES ? 0 : this == NO ? 1 : this == ABSTAIN ? 2 : 3);
  }
}
