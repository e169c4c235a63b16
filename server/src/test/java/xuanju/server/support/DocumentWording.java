package xuanju.server.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Test support: whether a generated document reads as an official text (公文用语, issue 14). Rendered
 * to text, it holds no rule code ({@code [A-Z_]{3,}\.}), no login name, no "委员会委员会" and no English
 * word (SHA, PDF, Excel and Word excepted; the audit chain's check code and a round's election code
 * are hexadecimal, not words).
 */
public final class DocumentWording {
  private DocumentWording() {}

  /** A rule code such as {@code PARTY.MARGIN.PRELIMINARY} or {@code RESULTS.}. */
  public static final Pattern RULE_CODE = Pattern.compile("[A-Z_]{3,}\\.");

  /** A Latin word of three letters or more (units such as A4 or file formats are not words). */
  public static final Pattern ENGLISH =
      Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])");

  /** Latin words that may stand in an official text. */
  public static final List<String> ALLOWED = List.of("SHA", "PDF", "Excel", "Word");

  /** The text of a .pdf, .docx or .xlsx by its name; null for other files. */
  public static String text(String name, byte[] bytes) {
    try {
      if (name.endsWith(".pdf")) {
        try (var doc = Loader.loadPDF(bytes)) {
          return new PDFTextStripper().getText(doc);
        }
      }
      if (name.endsWith(".docx")) {
        try (XWPFWordExtractor x =
            new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(bytes)))) {
          return x.getText();
        }
      }
      if (name.endsWith(".xlsx")) {
        try (XSSFExcelExtractor x =
            new XSSFExcelExtractor(new XSSFWorkbook(new ByteArrayInputStream(bytes)))) {
          return x.getText();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  /**
   * The wording problems of one document, each named with the document; empty if none.
   *
   * @param logins login names that must not appear
   * @param ignored names whose Latin letters are not the document's words (e.g. test organisations)
   */
  public static List<String> problems(
      String name, String text, Collection<String> logins, Collection<String> ignored) {
    List<String> problems = new ArrayList<>();
    Matcher code = RULE_CODE.matcher(text);
    if (code.find()) {
      problems.add(name + "：规则代码 " + around(text, code.start()));
    }
    for (String login : logins) {
      if (text.contains(login)) {
        problems.add(name + "：登录名 " + login);
      }
    }
    if (text.replaceAll("\\s+", "").contains("委员会委员会")) {
      problems.add(name + "：委员会委员会");
    }
    String words =
        text.replaceAll("审计链校验码：第\\d+条[\\s0-9a-f]+", "").replaceAll("选举编码\\s*[0-9A-F]+", "");
    for (String o : ignored) {
      // a name may be broken across lines of a PDF: match it with whitespace between any characters
      String spaced =
          o.codePoints()
              .mapToObj(c -> Pattern.quote(new String(Character.toChars(c))))
              .collect(java.util.stream.Collectors.joining("\\s*"));
      words = words.replaceAll(spaced, "");
    }
    Matcher word = ENGLISH.matcher(words);
    while (word.find()) {
      if (!ALLOWED.contains(word.group())) {
        problems.add(name + "：英文 " + around(words, word.start()));
        break;
      }
    }
    return problems;
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30))
        .replaceAll("\\s+", " ");
  }
}
