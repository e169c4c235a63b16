package xuanju.server.documents;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Voter cards (选民证) printed on A4 sheets: {@value #COLUMNS} × {@value #ROWS} cards of {@value
 * #CARD_WIDTH_MM} × {@value #CARD_HEIGHT_MM} mm per sheet, abutting, with cut marks (裁切线) in the
 * page margins on every grid line and small crosses where four cards meet. Each card has a heading
 * (the election), the title 选民证, labelled lines (姓名, 选区, 投票站, 选民证号, 选举日期), the QR code the check-in
 * desk scans (drawn as a 1-bit image, one pixel per module, with its quiet zone) and a footer (the
 * issuing committee). The Chinese font is embedded (subset). Output is deterministic for the same
 * cards.
 */
public final class VoterCardSheetPdf {
  public static final int COLUMNS = 2;
  public static final int ROWS = 5;
  public static final float CARD_WIDTH_MM = 90f;
  public static final float CARD_HEIGHT_MM = 54f;

  /** Side of the QR code including its quiet zone. */
  public static final float QR_MM = 27f;

  static final float LEFT_MM = (210f - COLUMNS * CARD_WIDTH_MM) / 2;
  static final float TOP_MM = (297f - ROWS * CARD_HEIGHT_MM) / 2;
  static final float MARK_MM = 5f;
  static final float MARK_GAP_MM = 1.5f;

  /**
   * One card.
   *
   * @param heading the line above the title (e.g. the election)
   * @param fields labelled lines, each {@code {label, value}}
   * @param footer the line at the bottom (e.g. the issuing committee)
   * @param qrPayload the text in the QR code (part of the document identity)
   * @param qr the QR modules, {@code qr[y][x]} true for dark, without quiet zone
   */
  public record Card(
      String heading, List<String[]> fields, String footer, String qrPayload, boolean[][] qr) {
    public Card {
      fields = List.copyOf(fields);
    }
  }

  private VoterCardSheetPdf() {}

  /** Renders the cards, {@code COLUMNS * ROWS} per page, in order (row by row). */
  public static PdfDocument.Result render(String title, List<Card> cards) {
    List<MissingCharacter> missing = new ArrayList<>();
    StringBuilder identity = new StringBuilder("voter-cards|").append(title);
    try (PDDocument doc = new PDDocument()) {
      NotoFonts.Faces fonts = NotoFonts.load(doc);
      int perPage = COLUMNS * ROWS;
      int pages = Math.max(1, (cards.size() + perPage - 1) / perPage);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          int onPage = Math.min(perPage, cards.size() - p * perPage);
          cutMarks(cs, Math.max(0, (onPage + COLUMNS - 1) / COLUMNS));
          for (int i = 0; i < onPage; i++) {
            int index = p * perPage + i;
            Card c = cards.get(index);
            identity.append('|').append(c.qrPayload());
            c.fields().forEach(f -> identity.append('|').append(f[1]));
            float left = LEFT_MM + (i % COLUMNS) * CARD_WIDTH_MM;
            float top = TOP_MM + (i / COLUMNS) * CARD_HEIGHT_MM;
            card(doc, cs, fonts, c, left, top, "cards[" + index + "]", missing);
          }
        }
      }
      byte[] pdf = PdfText.saveDeterministic(doc, title, identity.toString());
      return new PdfDocument.Result(pdf, pages, missing);
    } catch (IOException e) {
      throw new UncheckedIOException("选民证生成失败", e);
    }
  }

  private static float x(float mm) {
    return mm * PdfText.MM;
  }

  private static float y(float mmFromTop) {
    return (297f - mmFromTop) * PdfText.MM;
  }

  /** Cut marks in the margins on every grid line of {@code rows} rows, crosses inside. */
  private static void cutMarks(PDPageContentStream cs, int rows) throws IOException {
    if (rows == 0) {
      return;
    }
    float right = LEFT_MM + COLUMNS * CARD_WIDTH_MM;
    float bottom = TOP_MM + rows * CARD_HEIGHT_MM;
    cs.setStrokingColor(Color.BLACK);
    cs.setLineWidth(0.3f);
    for (int c = 0; c <= COLUMNS; c++) {
      float gx = LEFT_MM + c * CARD_WIDTH_MM;
      line(cs, gx, TOP_MM - MARK_GAP_MM - MARK_MM, gx, TOP_MM - MARK_GAP_MM);
      line(cs, gx, bottom + MARK_GAP_MM, gx, bottom + MARK_GAP_MM + MARK_MM);
    }
    for (int r = 0; r <= rows; r++) {
      float gy = TOP_MM + r * CARD_HEIGHT_MM;
      line(cs, LEFT_MM - MARK_GAP_MM - MARK_MM, gy, LEFT_MM - MARK_GAP_MM, gy);
      line(cs, right + MARK_GAP_MM, gy, right + MARK_GAP_MM + MARK_MM, gy);
    }
    float arm = 2f;
    for (int c = 1; c < COLUMNS; c++) {
      for (int r = 1; r < rows; r++) {
        float gx = LEFT_MM + c * CARD_WIDTH_MM;
        float gy = TOP_MM + r * CARD_HEIGHT_MM;
        line(cs, gx - arm, gy, gx + arm, gy);
        line(cs, gx, gy - arm, gx, gy + arm);
      }
    }
    cs.stroke();
  }

  private static void line(PDPageContentStream cs, float x1, float y1, float x2, float y2)
      throws IOException {
    cs.moveTo(x(x1), y(y1));
    cs.lineTo(x(x2), y(y2));
  }

  private static void card(
      PDDocument doc,
      PDPageContentStream cs,
      NotoFonts.Faces fonts,
      Card c,
      float left,
      float top,
      String field,
      List<MissingCharacter> missing)
      throws IOException {
    float pad = 4f;
    float textWidth = CARD_WIDTH_MM - 2 * pad - QR_MM - 1f;
    String heading = NotoFonts.sanitize(c.heading(), field + ".heading", missing);
    fitted(cs, fonts.regular(), 8f, left + pad, top + 6f, heading, CARD_WIDTH_MM - 2 * pad);
    PdfText.show(cs, fonts.bold(), 15f, x(left + pad), y(top + 13.5f), "选民证");
    float line = top + 20.5f;
    for (int i = 0; i < c.fields().size(); i++) {
      String[] f = c.fields().get(i);
      String label = NotoFonts.sanitize(f[0], field + ".fields[" + i + "].label", missing) + "：";
      String value = NotoFonts.sanitize(f[1], field + ".fields[" + i + "].value", missing);
      boolean first = i == 0;
      float size = first ? 11.5f : 9f;
      PDFont font = first ? fonts.bold() : fonts.regular();
      float labelWidth = PdfText.width(fonts.regular(), 9f, label) / PdfText.MM;
      PdfText.show(cs, fonts.regular(), 9f, x(left + pad), y(line), label);
      fitted(cs, font, size, left + pad + labelWidth, line, value, textWidth - labelWidth);
      line += first ? 6.5f : 5.2f;
    }
    String footer = NotoFonts.sanitize(c.footer(), field + ".footer", missing);
    fitted(cs, fonts.regular(), 7.5f, left + pad, top + CARD_HEIGHT_MM - 3.5f, footer, textWidth);
    qr(doc, cs, c.qr(), left + CARD_WIDTH_MM - pad - QR_MM + 1.5f, top + 9f);
  }

  /** Shows {@code text} with its baseline at {@code baselineMm}, shrunk to fit {@code widthMm}. */
  private static void fitted(
      PDPageContentStream cs,
      PDFont font,
      float size,
      float leftMm,
      float baselineMm,
      String text,
      float widthMm)
      throws IOException {
    float s = size;
    while (s > 5f && PdfText.width(font, s, text) / PdfText.MM > widthMm) {
      s -= 0.5f;
    }
    PdfText.show(cs, font, s, x(leftMm), y(baselineMm), text);
  }

  /** The QR code as a 1-bit image with a 4-module quiet zone, {@link #QR_MM} square. */
  private static void qr(
      PDDocument doc, PDPageContentStream cs, boolean[][] modules, float leftMm, float topMm)
      throws IOException {
    int quiet = 4;
    int n = modules.length + 2 * quiet;
    BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_BINARY);
    for (int yy = 0; yy < n; yy++) {
      for (int xx = 0; xx < n; xx++) {
        int my = yy - quiet;
        int mx = xx - quiet;
        boolean dark =
            my >= 0 && mx >= 0 && my < modules.length && mx < modules.length && modules[my][mx];
        img.setRGB(xx, yy, dark ? 0x000000 : 0xFFFFFF);
      }
    }
    PDImageXObject image = LosslessFactory.createFromImage(doc, img);
    cs.drawImage(image, x(leftMm), y(topMm + QR_MM), x(QR_MM), x(QR_MM));
  }
}
