package xuanju.server.documents;

import java.util.Objects;

/**
 * A character the embedded font cannot draw (缺字), e.g. the Ext-B character 𠀀 in a candidate's
 * name. The renderer prints {@link #PLACEHOLDER} in its place and reports it with this record, so
 * the operator can write the character by hand on the printed proof or supply another font.
 *
 * @param field where the text came from, e.g. {@code candidates[3]} or {@code blocks[2].rows[0][1]}
 * @param text the original text (the full name or line), unchanged
 * @param codePoint the Unicode code point that is missing
 */
public record MissingCharacter(String field, String text, int codePoint) {
  /**
   * The visible stand-in for a missing character: 〓 (U+3013, the "geta" mark used in Chinese
   * print).
   */
  public static final String PLACEHOLDER = "\u3013";

  public MissingCharacter {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
  }

  /** The code point as {@code U+20000}. */
  public String codePointLabel() {
    return String.format("U+%04X", codePoint);
  }

  /** The character itself as a string (one or two UTF-16 units). */
  public String character() {
    return new String(Character.toChars(codePoint));
  }

  /** A Chinese description, e.g. {@code candidates[3]「王𠀀」中的字符 𠀀（U+20000）字体中没有，已以〓代替}. */
  public String describeZh() {
    return field
        + "「"
        + text
        + "」中的字符 "
        + character()
        + "（"
        + codePointLabel()
        + "）字体中没有，已以"
        + PLACEHOLDER
        + "代替";
  }
}
