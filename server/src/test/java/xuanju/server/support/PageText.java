package xuanju.server.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a reader sees of a rendered page, and the rule codes that must not be in it. */
public final class PageText {
  /** A rule code such as {@code PARTY.QUORUM.4_5}. */
  public static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9_]*(?:\\.[A-Z0-9_]+)+\\b");

  private PageText() {}

  /** The text a reader sees: no script, style or tag (so no attribute, no tooltip) content. */
  public static String visible(String html) {
    return html.replaceAll("(?is)<script.*?</script>", " ")
        .replaceAll("(?is)<style.*?</style>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replace("&nbsp;", " ");
  }

  /** The first rule code the reader would see, with some text around it; empty if none. */
  public static Optional<String> codeIn(String html) {
    String text = visible(html);
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    int at = m.start();
    return Optional.of(
        text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40))
            .replaceAll("\\s+", " "));
  }
}
