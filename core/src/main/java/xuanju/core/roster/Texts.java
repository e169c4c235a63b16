package xuanju.core.roster;

import java.text.Normalizer;

/** Text clean-up for roster input: full-width to half-width (NFKC), spaces removed at both ends. */
final class Texts {
  private Texts() {}

  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String t =
        Normalizer.isNormalized(text, Normalizer.Form.NFKC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFKC);
    return t.replace('\u3000', ' ').strip();
  }
}
