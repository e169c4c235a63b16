package xuanju.server.documents;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The audit chain's check code printed on every official document (审计链校验码), e.g. {@code
 * 审计链校验码：第1234条 3f2a 9b1c 0d4e 7a88}: the chain's head leaves the system on paper, so a chain
 * rewritten afterwards no longer matches the documents already printed. {@link PdfDocument}, {@link
 * DocxDocument} and {@link XlsxTable} print it in their page footer; ballot papers ({@link
 * BallotPdf}) deliberately do not (a code that differs between two print runs would be a mark that
 * tells ballots apart).
 *
 * <p>The source is registered by the running application (the audit package); the renderers are
 * static, so the most recently started application's source is used, and none when no application
 * runs (the line is then left out).
 */
public final class AuditStamp {
  /** The words before the code. */
  public static final String LABEL = "审计链校验码：";

  private static final Deque<Supplier<String>> SOURCES = new ConcurrentLinkedDeque<>();

  private AuditStamp() {}

  /** Registers a source of the code (the head's short form, or null when the log is empty). */
  public static void register(Supplier<String> source) {
    SOURCES.push(source);
  }

  /** Removes a source registered before (the application stops). */
  public static void unregister(Supplier<String> source) {
    SOURCES.remove(source);
  }

  /** The footer line, or null when there is no code to print. */
  public static String line() {
    Supplier<String> s = SOURCES.peek();
    if (s == null) {
      return null;
    }
    try {
      String code = s.get();
      return code == null ? null : LABEL + code;
    } catch (RuntimeException e) {
      return null; // a document is never refused for want of the code
    }
  }
}
