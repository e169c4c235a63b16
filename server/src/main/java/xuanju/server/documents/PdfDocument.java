package xuanju.server.documents;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Renders a {@link DocumentContent} (公示、通知、表格) to an A4 PDF with the embedded Noto Sans SC font:
 * Chinese line wrapping with 禁则, first-line indents, tables whose header row repeats after a page
 * break, the 落款 at the bottom right, page numbers ({@code — 1 —}) and the audit chain's check code
 * ({@link AuditStamp}) in the footer. Output is deterministic for the same content and code.
 */
public final class PdfDocument {
  static final float MARGIN_MM = 25f;
  static final float TOP_MM = 25f;
  static final float BOTTOM_LIMIT_MM = 297f - 22f;
  static final float BODY_SIZE = 12f;
  static final float TABLE_SIZE = 10.5f;
  static final float LINE_FACTOR = 1.6f;
  static final float CELL_PADDING_MM = 1.8f;

  /**
   * The rendered document.
   *
   * @param pdf the PDF bytes (do not modify)
   * @param pageCount number of pages
   * @param missingCharacters characters the font cannot draw, printed as 〓
   */
  public record Result(byte[] pdf, int pageCount, List<MissingCharacter> missingCharacters) {
    public Result {
      missingCharacters = List.copyOf(missingCharacters);
    }
  }

  private PdfDocument() {}

  public static Result render(DocumentContent content) {
    String stamp = AuditStamp.line();
    try (PDDocument doc = new PDDocument()) {
      Layout l = new Layout(doc, NotoFonts.load(doc));
      l.run(content);
      int pages = doc.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        PDPage page = doc.getPage(i);
        try (PDPageContentStream cs =
            new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
          PdfText.showCentered(
              cs,
              l.fonts.regular(),
              10f,
              105f * PdfText.MM,
              12f * PdfText.MM,
              "— " + (i + 1) + " —");
          if (stamp != null) {
            PdfText.showCentered(
                cs, l.fonts.regular(), 7.5f, 105f * PdfText.MM, 7f * PdfText.MM, stamp);
          }
        }
      }
      byte[] pdf =
          PdfText.saveDeterministic(
              doc, content.title(), "document|" + content + (stamp == null ? "" : "|" + stamp));
      return new Result(pdf, pages, l.missing);
    } catch (IOException e) {
      throw new UncheckedIOException("PDF文档生成失败", e);
    }
  }

  private static final class Layout {
    final PDDocument doc;
    final NotoFonts.Faces fonts;
    final List<MissingCharacter> missing = new ArrayList<>();
    PDPageContentStream cs;
    float y; // mm from the top: the top of the next line

    Layout(PDDocument doc, NotoFonts.Faces fonts) {
      this.doc = doc;
      this.fonts = fonts;
    }

    static float contentWidthMm() {
      return 210f - 2 * MARGIN_MM;
    }

    static float yPt(float mmFromTop) {
      return (297f - mmFromTop) * PdfText.MM;
    }

    void run(DocumentContent c) throws IOException {
      newPage();
      try {
        float widthPt = contentWidthMm() * PdfText.MM;
        String title = NotoFonts.sanitize(c.title(), "title", missing);
        for (String line : PdfText.wrap(fonts.bold(), 18f, title, widthPt, 0)) {
          float h = 18f * 1.5f / PdfText.MM;
          ensure(h);
          PdfText.showCentered(cs, fonts.bold(), 18f, 105f * PdfText.MM, baseline(h, 18f), line);
          y += h;
        }
        if (c.subtitle() != null) {
          String sub = NotoFonts.sanitize(c.subtitle(), "subtitle", missing);
          for (String line : PdfText.wrap(fonts.regular(), BODY_SIZE, sub, widthPt, 0)) {
            float h = lineMm(BODY_SIZE);
            ensure(h);
            PdfText.showCentered(
                cs, fonts.regular(), BODY_SIZE, 105f * PdfText.MM, baseline(h, BODY_SIZE), line);
            y += h;
          }
        }
        y += 4f;
        for (int b = 0; b < c.blocks().size(); b++) {
          DocumentContent.Block block = c.blocks().get(b);
          String field = "blocks[" + b + "]";
          if (block instanceof DocumentContent.Heading h) {
            y += 2f;
            paragraph(NotoFonts.sanitize(h.text(), field, missing), fonts.bold(), 13f, false);
          } else if (block instanceof DocumentContent.Paragraph p) {
            paragraph(
                NotoFonts.sanitize(p.text(), field, missing),
                fonts.regular(),
                BODY_SIZE,
                p.indent());
          } else if (block instanceof DocumentContent.Table t) {
            y += 2f;
            table(t, field);
            y += 3f;
          }
        }
        signature(c);
      } finally {
        cs.close();
      }
    }

    static float lineMm(float size) {
      return size * LINE_FACTOR / PdfText.MM;
    }

    /** Baseline (pt) of text of {@code size} centred in a line box of {@code heightMm} at y. */
    float baseline(float heightMm, float size) {
      return yPt(y + heightMm / 2) - size * 0.36f;
    }

    void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = TOP_MM;
    }

    /** Starts a new page unless {@code heightMm} still fits. */
    boolean ensure(float heightMm) throws IOException {
      if (y + heightMm > BOTTOM_LIMIT_MM && y > TOP_MM) {
        newPage();
        return true;
      }
      return false;
    }

    void paragraph(String text, PDFont font, float size, boolean indent) throws IOException {
      float widthPt = contentWidthMm() * PdfText.MM;
      float indentPt = indent ? PdfText.width(font, size, "中中") : 0;
      List<String> lines = PdfText.wrap(font, size, text, widthPt, indentPt);
      float h = lineMm(size);
      for (int i = 0; i < lines.size(); i++) {
        ensure(h);
        float x = MARGIN_MM * PdfText.MM + (i == 0 ? indentPt : 0);
        if (i < lines.size() - 1) {
          float lineWidth = widthPt - (i == 0 ? indentPt : 0);
          PdfText.showJustified(cs, font, size, x, baseline(h, size), lines.get(i), lineWidth);
        } else {
          PdfText.show(cs, font, size, x, baseline(h, size), lines.get(i));
        }
        y += h;
      }
    }

    void table(DocumentContent.Table t, String field) throws IOException {
      int n = t.header().size();
      List<String> header = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        header.add(NotoFonts.sanitize(t.header().get(c), field + ".header[" + c + "]", missing));
      }
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r < t.rows().size(); r++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < n; c++) {
          row.add(
              NotoFonts.sanitize(
                  t.rows().get(r).get(c), field + ".rows[" + r + "][" + c + "]", missing));
        }
        rows.add(row);
      }
      float[] widths = columnWidths(header, rows);
      float lineH = TABLE_SIZE * 1.35f / PdfText.MM;
      drawRow(header, widths, true, lineH, false);
      for (List<String> row : rows) {
        if (drawRow(row, widths, false, lineH, true)) {
          // a page break happened before this row: the header was repeated inside drawRow
        }
      }
    }

    /**
     * Column widths in mm: natural widths, squeezed by water-filling when the table is too wide.
     */
    float[] columnWidths(List<String> header, List<List<String>> rows) {
      int n = header.size();
      float pad = 2 * CELL_PADDING_MM;
      float[] natural = new float[n];
      for (int c = 0; c < n; c++) {
        natural[c] = PdfText.width(fonts.bold(), TABLE_SIZE, header.get(c)) / PdfText.MM + pad;
        for (List<String> row : rows) {
          natural[c] =
              Math.max(
                  natural[c],
                  PdfText.width(fonts.regular(), TABLE_SIZE, row.get(c)) / PdfText.MM + pad);
        }
        natural[c] = Math.max(natural[c], TABLE_SIZE * 2 / PdfText.MM + pad);
      }
      float avail = contentWidthMm();
      float total = 0;
      for (float w : natural) {
        total += w;
      }
      float[] widths = new float[n];
      if (total <= avail) {
        // stretch to the full width, keeping proportions
        for (int c = 0; c < n; c++) {
          widths[c] = natural[c] * avail / total;
        }
        return widths;
      }
      boolean[] fixed = new boolean[n];
      float remaining = avail;
      int open = n;
      boolean changed = true;
      while (changed && open > 0) {
        changed = false;
        float share = remaining / open;
        for (int c = 0; c < n; c++) {
          if (!fixed[c] && natural[c] <= share) {
            widths[c] = natural[c];
            fixed[c] = true;
            remaining -= natural[c];
            open--;
            changed = true;
          }
        }
      }
      float openNatural = 0;
      for (int c = 0; c < n; c++) {
        if (!fixed[c]) {
          openNatural += natural[c];
        }
      }
      for (int c = 0; c < n; c++) {
        if (!fixed[c]) {
          widths[c] = remaining * natural[c] / openNatural;
        }
      }
      return widths;
    }

    /** Draws one table row; returns true if it had to start a new page (header repeated). */
    boolean drawRow(
        List<String> cells, float[] widths, boolean bold, float lineH, boolean repeatHeader)
        throws IOException {
      PDFont font = bold ? fonts.bold() : fonts.regular();
      List<List<String>> wrapped = new ArrayList<>();
      int maxLines = 1;
      for (int c = 0; c < cells.size(); c++) {
        float inner = (widths[c] - 2 * CELL_PADDING_MM) * PdfText.MM;
        List<String> lines = PdfText.wrap(font, TABLE_SIZE, cells.get(c), inner, 0);
        wrapped.add(lines);
        maxLines = Math.max(maxLines, lines.size());
      }
      float h = maxLines * lineH + 2 * CELL_PADDING_MM;
      boolean broke = ensure(h);
      if (broke && repeatHeader) {
        drawRow(currentHeader, widths, true, lineH, false);
      }
      if (bold) {
        currentHeader = cells;
        cs.setNonStrokingColor(new Color(0xE6, 0xE6, 0xE6));
        cs.addRect(MARGIN_MM * PdfText.MM, yPt(y + h), sum(widths) * PdfText.MM, h * PdfText.MM);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
      }
      cs.setLineWidth(0.6f);
      float x = MARGIN_MM;
      for (int c = 0; c < cells.size(); c++) {
        cs.addRect(x * PdfText.MM, yPt(y + h), widths[c] * PdfText.MM, h * PdfText.MM);
        List<String> lines = wrapped.get(c);
        float top = y + CELL_PADDING_MM + (maxLines - lines.size()) * lineH / 2;
        for (int i = 0; i < lines.size(); i++) {
          String s = lines.get(i);
          float centre = (x + widths[c] / 2) * PdfText.MM;
          float base = yPt(top + i * lineH + lineH / 2) - TABLE_SIZE * 0.36f;
          PdfText.showCentered(cs, font, TABLE_SIZE, centre, base, s);
        }
        x += widths[c];
      }
      cs.stroke();
      y += h;
      return broke;
    }

    private List<String> currentHeader = List.of();

    static float sum(float[] a) {
      float s = 0;
      for (float v : a) {
        s += v;
      }
      return s;
    }

    void signature(DocumentContent c) throws IOException {
      List<String> lines = new ArrayList<>();
      if (c.issuer() != null) {
        lines.add(NotoFonts.sanitize(c.issuer(), "issuer", missing));
      }
      if (c.date() != null) {
        lines.add(NotoFonts.sanitize(c.date(), "date", missing));
      }
      if (lines.isEmpty()) {
        return;
      }
      float h = lineMm(BODY_SIZE);
      y += h; // one empty line before the 落款
      ensure(h * lines.size());
      float right =
          (210f - MARGIN_MM) * PdfText.MM - PdfText.width(fonts.regular(), BODY_SIZE, "中中");
      float blockWidth = 0;
      for (String s : lines) {
        blockWidth = Math.max(blockWidth, PdfText.width(fonts.regular(), BODY_SIZE, s));
      }
      float blockCentre = right - blockWidth / 2;
      for (String s : lines) {
        // each line centred on the issuer's centre, the block right-aligned (公文落款)
        PdfText.showCentered(
            cs, fonts.regular(), BODY_SIZE, blockCentre, baseline(h, BODY_SIZE), s);
        y += h;
      }
    }
  }
}
