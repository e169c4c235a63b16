package xuanju.server.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text measuring, Chinese line breaking (with the basic 禁则: no line starts with a closing
 * punctuation mark, none ends with an opening one) and deterministic saving, shared by {@link
 * BallotPdf} and {@link PdfDocument}.
 */
final class PdfText {
  /** Points per millimetre. */
  static final float MM = 72f / 25.4f;

  /** Characters that must not start a line (行首禁则). */
  private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%";

  /** Characters that must not end a line (行尾禁则). */
  private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

  private PdfText() {}

  static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits {@code text} (already sanitised) into lines no wider than {@code maxWidth}. The first
   * line may be narrower by {@code firstIndent} (首行缩进). Latin words and numbers stay together
   * unless longer than a line.
   */
  static List<String> wrap(
      PDFont font, float size, String text, float maxWidth, float firstIndent) {
    List<String> tokens = tokens(text);
    List<String> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    float lineWidth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      float limit = lines.isEmpty() ? maxWidth - firstIndent : maxWidth;
      float w = width(font, size, token);
      if (line.isEmpty() && token.isBlank()) {
        continue; // no leading spaces on continuation lines
      }
      if (lineWidth + w <= limit) {
        line.add(token);
        lineWidth += w;
        continue;
      }
      if (line.isEmpty()) {
        // a single token wider than the line (a very long Latin word): break it by characters
        List<String> pieces = splitLong(font, size, token, limit);
        lines.addAll(pieces.subList(0, pieces.size() - 1));
        String last = pieces.get(pieces.size() - 1);
        line.add(last);
        lineWidth = width(font, size, last);
        continue;
      }
      // 行首禁则: a closing mark hangs on this line (a small overflow) instead of starting the next one
      if (isNoStart(token) && lineWidth + w <= limit + size) {
        line.add(token);
        lineWidth += w;
        continue;
      }
      List<String> carry = new ArrayList<>();
      // 行首禁则 (no room to hang): pull characters down so the next line starts with no closing mark
      String next = token;
      while (line.size() > 1 && isNoStart(next)) {
        next = line.remove(line.size() - 1);
        carry.add(0, next);
      }
      // 行尾禁则: an opening mark at the end of this line moves down with the next token
      while (line.size() > 1 && isNoEnd(line.get(line.size() - 1))) {
        carry.add(0, line.remove(line.size() - 1));
      }
      lines.add(String.join("", line).stripTrailing());
      line = new ArrayList<>(carry);
      lineWidth = 0;
      for (String c : carry) {
        lineWidth += width(font, size, c);
      }
      i--; // place the current token on the new line
    }
    if (!line.isEmpty()) {
      lines.add(String.join("", line).stripTrailing());
    }
    if (lines.isEmpty()) {
      lines.add("");
    }
    return lines;
  }

  private static List<String> splitLong(PDFont font, float size, String token, float limit) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    token
        .codePoints()
        .forEach(
            cp -> {
              String next = current + new String(Character.toChars(cp));
              if (current.length() > 0 && width(font, size, next) > limit) {
                pieces.add(current.toString());
                current.setLength(0);
              }
              current.appendCodePoint(cp);
            });
    if (current.length() > 0) {
      pieces.add(current.toString());
    }
    return pieces;
  }

  private static boolean isNoStart(String token) {
    return token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0;
  }

  private static boolean isNoEnd(String token) {
    return token.length() == 1 && NO_LINE_END.indexOf(token.charAt(0)) >= 0;
  }

  /** Runs of Latin letters/digits stay one token; every other code point is its own token. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              boolean latin =
                  cp < 0x2E80 && Character.isLetterOrDigit(cp) || cp == '-' && word.length() > 0;
              if (latin) {
                word.appendCodePoint(cp);
              } else {
                if (word.length() > 0) {
                  tokens.add(word.toString());
                  word.setLength(0);
                }
                tokens.add(new String(Character.toChars(cp)));
              }
            });
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  static void show(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  /**
   * Shows {@code text} stretched to {@code widthPt} by character spacing (两端对齐), unless the stretch
   * would exceed one character per gap (then it is shown unstretched).
   */
  static void showJustified(
      PDPageContentStream cs, PDFont font, float size, float x, float y, String text, float widthPt)
      throws IOException {
    int gaps = text.codePointCount(0, text.length()) - 1;
    float extra = widthPt - width(font, size, text);
    if (gaps <= 0 || extra <= 0 || extra / gaps > size) {
      show(cs, font, size, x, y, text);
      return;
    }
    cs.beginText();
    cs.setFont(font, size);
    cs.setCharacterSpacing(extra / gaps);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.setCharacterSpacing(0);
    cs.endText();
  }

  static void showCentered(
      PDPageContentStream cs, PDFont font, float size, float centerX, float y, String text)
      throws IOException {
    show(cs, font, size, centerX - width(font, size, text) / 2, y, text);
  }

  /**
   * Saves {@code doc} so the same content always gives the same bytes: a fixed creation date, and a
   * document ID derived from {@code identity} (PDFBox would otherwise put the current time into
   * it).
   */
  static byte[] saveDeterministic(PDDocument doc, String title, String identity)
      throws IOException {
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(title);
    info.setCreator("Xuanju");
    Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    fixed.clear();
    fixed.set(2000, Calendar.JANUARY, 1, 0, 0, 0);
    info.setCreationDate(fixed);
    doc.setDocumentInformation(info);
    byte[] id = sha256(identity.getBytes(StandardCharsets.UTF_8));
    byte[] id16 = new byte[16];
    System.arraycopy(id, 0, id16, 0, 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id16));
    ids.add(new COSString(id16));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }
}
