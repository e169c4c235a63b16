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
 * The printable A4 ballot (选票) as a PDF, drawn with PDFBox and the embedded, subsetted Noto Sans SC
 * font.
 *
 * <p>Layout (all in millimetres from the top-left corner of the page, see docs/documents.md): four
 * solid {@value #FIDUCIAL_SIZE_MM} mm corner marks {@value #FIDUCIAL_INSET_MM} mm in from the
 * edges; the title, the stage label and 应选N名, and the numbered instructions; then a table with one
 * row per candidate (候选人姓名 / 赞成 / 不赞成 / 弃权) and the write-in rows (另选他人), every row on a regular
 * pitch with a square mark box centred in each mark column; in the footer of every page the
 * election code, the page number and a dashed seal box (选举委员会（盖章）). Long tables continue on further
 * pages (the table header is repeated) or, when they almost fit, the row pitch shrinks down to
 * {@value #MIN_ROW_PITCH_MM} mm to keep one page.
 *
 * <p>There is no serial number or anything else that varies between copies, and rendering is
 * deterministic: the same layout always gives the same bytes (fixed dates, document ID derived from
 * the layout).
 */
public final class BallotPdf {
  public static final float PAGE_WIDTH_MM = 210f;
  public static final float PAGE_HEIGHT_MM = 297f;

  /** Side of each solid square corner mark (定位标记). */
  public static final float FIDUCIAL_SIZE_MM = 6f;

  /** Distance from the page edges to the outer edges of the corner marks. */
  public static final float FIDUCIAL_INSET_MM = 8f;

  /** Left and right margin of the text and table. */
  public static final float MARGIN_MM = 20f;

  public static final float NAME_COLUMN_MM = 80f;
  public static final float MARK_COLUMN_MM = 30f;
  public static final float MARK_BOX_MM = 7f;

  /** The normal row pitch of the table grid. */
  public static final float ROW_PITCH_MM = 10f;

  /** The smallest pitch used to keep a ballot on one page. */
  public static final float MIN_ROW_PITCH_MM = 8f;

  public static final float HEADER_ROW_MM = 9f;

  /** The table never goes below this line (mm from the top); the footer and seal box are below. */
  public static final float TABLE_LIMIT_MM = 245f;

  /** Top of the table header on continuation pages. */
  public static final float CONTINUATION_TABLE_TOP_MM = 32f;

  static final float SEAL_LEFT_MM = 140f;
  static final float SEAL_TOP_MM = 250f;
  static final float SEAL_WIDTH_MM = 50f;
  static final float SEAL_HEIGHT_MM = 26f;
  static final float FOOTER_BASELINE_MM = 288f;

  private static final float NAME_SIZE = 14f;
  private static final float NAME_MIN_SIZE = 7f;
  private static final float INSTRUCTION_SIZE = 10.5f;
  private static final float INSTRUCTION_LINE_MM = 5.5f;

  /**
   * The rendered ballot.
   *
   * @param pdf the PDF bytes (an array: do not modify)
   * @param sha256 lower-case hex SHA-256 of {@code pdf}, for the archive manifest
   * @param pageCount number of A4 pages
   * @param rowPitchMm the row pitch actually used ({@link #ROW_PITCH_MM} or less, down to {@link
   *     #MIN_ROW_PITCH_MM})
   * @param tableTopsMm for each page, the top of the table header (the first grid row starts {@link
   *     #HEADER_ROW_MM} below)
   * @param markBoxes every mark box, page by page, row by row, 赞成/不赞成/弃权
   * @param missingCharacters characters the font cannot draw, printed as 〓; empty when all is well
   */
  public record Result(
      byte[] pdf,
      String sha256,
      int pageCount,
      float rowPitchMm,
      List<Float> tableTopsMm,
      List<MarkBox> markBoxes,
      List<MissingCharacter> missingCharacters) {
    public Result {
      tableTopsMm = List.copyOf(tableTopsMm);
      markBoxes = List.copyOf(markBoxes);
      missingCharacters = List.copyOf(missingCharacters);
    }
  }

  private enum RowType {
    CANDIDATE,
    WRITE_IN_HEADER,
    WRITE_IN
  }

  private record Row(RowType type, int index, String text) {}

  private BallotPdf() {}

  /**
   * Renders {@code layout}; never fails on characters missing from the font (see {@link Result}).
   */
  public static Result render(BallotLayout layout) {
    List<MissingCharacter> missing = new ArrayList<>();
    String title = NotoFonts.sanitize(layout.title(), "title", missing);
    String stage =
        layout.stageLabel() == null
            ? null
            : NotoFonts.sanitize(layout.stageLabel(), "stageLabel", missing);
    List<String> instructions = new ArrayList<>();
    for (int i = 0; i < layout.instructions().size(); i++) {
      instructions.add(
          NotoFonts.sanitize(layout.instructions().get(i), "instructions[" + i + "]", missing));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < layout.candidates().size(); i++) {
      rows.add(
          new Row(
              RowType.CANDIDATE,
              i,
              NotoFonts.sanitize(
                  layout.candidates().get(i).strip(), "candidates[" + i + "]", missing)));
    }
    if (layout.writeInRows() > 0) {
      rows.add(new Row(RowType.WRITE_IN_HEADER, -1, "另选他人"));
      for (int i = 0; i < layout.writeInRows(); i++) {
        rows.add(new Row(RowType.WRITE_IN, i, ""));
      }
    }
    String code = NotoFonts.sanitize(layout.electionCode(), "electionCode", missing);
    String seal = NotoFonts.sanitize(layout.sealLabel(), "sealLabel", missing);

    try (PDDocument doc = new PDDocument()) {
      NotoFonts.Faces fonts = NotoFonts.load(doc);
      Drawer d = new Drawer(doc, fonts);

      // first-page heading: measured before the table so the table top is known
      float titleSize = 18f;
      float contentWidthPt = (PAGE_WIDTH_MM - 2 * MARGIN_MM) * PdfText.MM;
      while (titleSize > 14f && PdfText.width(fonts.bold(), titleSize, title) > contentWidthPt) {
        titleSize -= 0.5f;
      }
      List<String> titleLines = PdfText.wrap(fonts.bold(), titleSize, title, contentWidthPt, 0);
      String subtitle = (stage == null ? "" : stage + "　") + "应选" + layout.seats() + "名";
      List<List<String>> instructionLines = new ArrayList<>();
      float numberIndentPt = PdfText.width(fonts.regular(), INSTRUCTION_SIZE, "8. ");
      for (int i = 0; i < instructions.size(); i++) {
        instructionLines.add(
            PdfText.wrap(
                fonts.regular(),
                INSTRUCTION_SIZE,
                instructions.get(i),
                contentWidthPt - numberIndentPt,
                0));
      }
      float y = 24f + (titleLines.size() - 1) * 8f; // last title baseline
      y += 8f; // subtitle baseline
      float instructionsTop = y + 3f;
      int instructionLineCount = instructionLines.stream().mapToInt(List::size).sum();
      float tableTop1 =
          instructionLineCount == 0
              ? y + 5f
              : instructionsTop + (instructionLineCount + 1) * INSTRUCTION_LINE_MM + 3f;

      // row pitch and pagination
      float firstSpace = TABLE_LIMIT_MM - tableTop1 - HEADER_ROW_MM;
      float pitch = ROW_PITCH_MM;
      if (rows.size() * ROW_PITCH_MM > firstSpace) {
        float fit = (float) Math.floor(firstSpace / rows.size() * 10f) / 10f;
        if (fit >= MIN_ROW_PITCH_MM) {
          pitch = fit;
        }
      }
      int firstCapacity = Math.max(1, (int) Math.floor(firstSpace / pitch + 1e-4));
      int laterCapacity =
          (int)
              Math.floor(
                  (TABLE_LIMIT_MM - CONTINUATION_TABLE_TOP_MM - HEADER_ROW_MM) / pitch + 1e-4);
      List<List<Row>> pages = paginate(rows, firstCapacity, laterCapacity);

      List<MarkBox> boxes = new ArrayList<>();
      List<Float> tops = new ArrayList<>();
      for (int p = 0; p < pages.size(); p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          d.cs = cs;
          d.fiducials();
          float tableTop;
          if (p == 0) {
            float ty = 24f;
            for (String line : titleLines) {
              d.centered(fonts.bold(), titleSize, PAGE_WIDTH_MM / 2, ty, line);
              ty += 8f;
            }
            d.centered(fonts.regular(), 12f, PAGE_WIDTH_MM / 2, y, subtitle);
            if (instructionLineCount > 0) {
              float iy = instructionsTop + INSTRUCTION_LINE_MM;
              d.text(fonts.bold(), INSTRUCTION_SIZE, MARGIN_MM, iy, "说明：");
              for (int i = 0; i < instructionLines.size(); i++) {
                List<String> lines = instructionLines.get(i);
                for (int l = 0; l < lines.size(); l++) {
                  iy += INSTRUCTION_LINE_MM;
                  if (l == 0) {
                    d.text(fonts.regular(), INSTRUCTION_SIZE, MARGIN_MM, iy, (i + 1) + ".");
                  }
                  d.textPt(
                      fonts.regular(),
                      INSTRUCTION_SIZE,
                      MARGIN_MM * PdfText.MM + numberIndentPt,
                      iy,
                      lines.get(l));
                }
              }
            }
            tableTop = tableTop1;
          } else {
            d.centered(fonts.bold(), 14f, PAGE_WIDTH_MM / 2, 22f, title + "（续）");
            tableTop = CONTINUATION_TABLE_TOP_MM;
          }
          tops.add(tableTop);
          d.tableHeader(tableTop);
          float rowTop = tableTop + HEADER_ROW_MM;
          List<Row> pageRows = pages.get(p);
          for (int r = 0; r < pageRows.size(); r++) {
            Row row = pageRows.get(r);
            float top = rowTop + r * pitch;
            d.row(row, top, pitch);
            if (row.type() != RowType.WRITE_IN_HEADER) {
              float box = Math.min(MARK_BOX_MM, pitch - 2f);
              MarkBox.Choice[] choices = MarkBox.Choice.values();
              for (int c = 0; c < choices.length; c++) {
                float cx = MARGIN_MM + NAME_COLUMN_MM + (c + 0.5f) * MARK_COLUMN_MM;
                float bx = cx - box / 2;
                float by = top + (pitch - box) / 2;
                d.box(bx, by, box);
                boxes.add(
                    new MarkBox(
                        p + 1,
                        row.type() == RowType.CANDIDATE
                            ? MarkBox.Kind.CANDIDATE
                            : MarkBox.Kind.WRITE_IN,
                        row.index(),
                        choices[c],
                        r,
                        bx,
                        by,
                        box));
              }
            }
          }
          d.footer(code, p + 1, pages.size(), seal);
        }
      }
      byte[] pdf = PdfText.saveDeterministic(doc, layout.title(), "ballot|" + layout);
      return new Result(pdf, PdfText.sha256Hex(pdf), pages.size(), pitch, tops, boxes, missing);
    } catch (IOException e) {
      throw new UncheckedIOException("选票PDF生成失败", e);
    }
  }

  /** Splits rows into pages; the 另选他人 header row never ends a page. */
  private static List<List<Row>> paginate(List<Row> rows, int firstCapacity, int laterCapacity) {
    List<List<Row>> pages = new ArrayList<>();
    List<Row> current = new ArrayList<>();
    int capacity = firstCapacity;
    for (Row row : rows) {
      if (current.size() == capacity) {
        List<Row> next = new ArrayList<>();
        if (current.get(current.size() - 1).type() == RowType.WRITE_IN_HEADER && capacity > 1) {
          next.add(current.remove(current.size() - 1));
        }
        pages.add(current);
        current = next;
        capacity = Math.max(1, laterCapacity);
      }
      current.add(row);
    }
    pages.add(current);
    return pages;
  }

  /** Drawing helpers working in millimetres from the top-left corner. */
  private static final class Drawer {
    private final NotoFonts.Faces fonts;
    PDPageContentStream cs;

    Drawer(PDDocument doc, NotoFonts.Faces fonts) {
      this.fonts = fonts;
    }

    static float x(float mm) {
      return mm * PdfText.MM;
    }

    static float y(float mmFromTop) {
      return (PAGE_HEIGHT_MM - mmFromTop) * PdfText.MM;
    }

    void fiducials() throws IOException {
      cs.setNonStrokingColor(Color.BLACK);
      float far = PAGE_WIDTH_MM - FIDUCIAL_INSET_MM - FIDUCIAL_SIZE_MM;
      float low = PAGE_HEIGHT_MM - FIDUCIAL_INSET_MM - FIDUCIAL_SIZE_MM;
      for (float[] c :
          new float[][] {
            {FIDUCIAL_INSET_MM, FIDUCIAL_INSET_MM},
            {far, FIDUCIAL_INSET_MM},
            {FIDUCIAL_INSET_MM, low},
            {far, low}
          }) {
        cs.addRect(
            x(c[0]),
            y(c[1] + FIDUCIAL_SIZE_MM),
            FIDUCIAL_SIZE_MM * PdfText.MM,
            FIDUCIAL_SIZE_MM * PdfText.MM);
      }
      cs.fill();
    }

    void text(PDFont font, float size, float xMm, float baselineMm, String s) throws IOException {
      PdfText.show(cs, font, size, x(xMm), y(baselineMm), s);
    }

    void textPt(PDFont font, float size, float xPt, float baselineMm, String s) throws IOException {
      PdfText.show(cs, font, size, xPt, y(baselineMm), s);
    }

    void centered(PDFont font, float size, float centerXMm, float baselineMm, String s)
        throws IOException {
      PdfText.showCentered(cs, font, size, x(centerXMm), y(baselineMm), s);
    }

    /** Text vertically centred in a band starting at {@code topMm} of height {@code heightMm}. */
    void centeredIn(PDFont font, float size, float centerXMm, float topMm, float heightMm, String s)
        throws IOException {
      float centerPt = y(topMm + heightMm / 2);
      PdfText.showCentered(cs, font, size, x(centerXMm), centerPt - size * 0.36f, s);
    }

    void rect(float xMm, float topMm, float wMm, float hMm) throws IOException {
      cs.addRect(x(xMm), y(topMm + hMm), wMm * PdfText.MM, hMm * PdfText.MM);
    }

    void tableHeader(float top) throws IOException {
      cs.setLineWidth(0.8f);
      cs.setStrokingColor(Color.BLACK);
      cs.setNonStrokingColor(new Color(0xE6, 0xE6, 0xE6));
      rect(MARGIN_MM, top, NAME_COLUMN_MM + 3 * MARK_COLUMN_MM, HEADER_ROW_MM);
      cs.fill();
      cs.setNonStrokingColor(Color.BLACK);
      rect(MARGIN_MM, top, NAME_COLUMN_MM, HEADER_ROW_MM);
      for (int c = 0; c < 3; c++) {
        rect(MARGIN_MM + NAME_COLUMN_MM + c * MARK_COLUMN_MM, top, MARK_COLUMN_MM, HEADER_ROW_MM);
      }
      cs.stroke();
      centeredIn(fonts.bold(), 12f, MARGIN_MM + NAME_COLUMN_MM / 2, top, HEADER_ROW_MM, "候选人姓名");
      MarkBox.Choice[] choices = MarkBox.Choice.values();
      for (int c = 0; c < choices.length; c++) {
        centeredIn(
            fonts.bold(),
            12f,
            MARGIN_MM + NAME_COLUMN_MM + (c + 0.5f) * MARK_COLUMN_MM,
            top,
            HEADER_ROW_MM,
            choices[c].labelZh());
      }
    }

    void row(Row row, float top, float pitch) throws IOException {
      cs.setLineWidth(0.8f);
      cs.setStrokingColor(Color.BLACK);
      if (row.type() == RowType.WRITE_IN_HEADER) {
        cs.setNonStrokingColor(new Color(0xF2, 0xF2, 0xF2));
        rect(MARGIN_MM, top, NAME_COLUMN_MM + 3 * MARK_COLUMN_MM, pitch);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        rect(MARGIN_MM, top, NAME_COLUMN_MM + 3 * MARK_COLUMN_MM, pitch);
        cs.stroke();
        centeredIn(
            fonts.bold(),
            12f,
            MARGIN_MM + (NAME_COLUMN_MM + 3 * MARK_COLUMN_MM) / 2,
            top,
            pitch,
            row.text() + "（在姓名栏内写上所选人姓名）");
        return;
      }
      rect(MARGIN_MM, top, NAME_COLUMN_MM, pitch);
      for (int c = 0; c < 3; c++) {
        rect(MARGIN_MM + NAME_COLUMN_MM + c * MARK_COLUMN_MM, top, MARK_COLUMN_MM, pitch);
      }
      cs.stroke();
      if (row.type() == RowType.CANDIDATE) {
        name(row.text(), top, pitch);
      }
    }

    /** The name, centred; shrunk and if need be wrapped to fit the name cell. */
    private void name(String name, float top, float pitch) throws IOException {
      float widthPt = (NAME_COLUMN_MM - 6f) * PdfText.MM;
      float heightPt = (pitch - 1.5f) * PdfText.MM;
      PDFont f = fonts.regular();
      float size = NAME_SIZE;
      List<String> lines = List.of(name);
      while (true) {
        if (PdfText.width(f, size, name) <= widthPt && size <= heightPt) {
          lines = List.of(name);
          break;
        }
        List<String> wrapped = PdfText.wrap(f, size, name, widthPt, 0);
        if (wrapped.size() * size * 1.15f <= heightPt && size <= 11f) {
          lines = wrapped;
          break;
        }
        if (size <= NAME_MIN_SIZE) {
          lines = wrapped; // print what we have: a name this long is not realistic
          break;
        }
        size -= 0.5f;
      }
      float center = MARGIN_MM + NAME_COLUMN_MM / 2;
      float lineMm = size * 1.15f / PdfText.MM;
      float blockTop = top + (pitch - lines.size() * lineMm) / 2;
      for (int i = 0; i < lines.size(); i++) {
        centeredIn(f, size, center, blockTop + i * lineMm, lineMm, lines.get(i));
      }
    }

    void box(float xMm, float topMm, float sizeMm) throws IOException {
      cs.setLineWidth(1f);
      rect(xMm, topMm, sizeMm, sizeMm);
      cs.stroke();
    }

    void footer(String code, int page, int pages, String seal) throws IOException {
      cs.setNonStrokingColor(Color.BLACK);
      text(fonts.regular(), 9f, MARGIN_MM, FOOTER_BASELINE_MM, "选举编码：" + code);
      centered(
          fonts.regular(),
          9f,
          PAGE_WIDTH_MM / 2,
          FOOTER_BASELINE_MM,
          "第" + page + "页　共" + pages + "页");
      cs.setLineWidth(0.8f);
      cs.setLineDashPattern(new float[] {3f, 2f}, 0);
      rect(SEAL_LEFT_MM, SEAL_TOP_MM, SEAL_WIDTH_MM, SEAL_HEIGHT_MM);
      cs.stroke();
      cs.setLineDashPattern(new float[] {}, 0);
      centeredIn(
          fonts.regular(),
          10.5f,
          SEAL_LEFT_MM + SEAL_WIDTH_MM / 2,
          SEAL_TOP_MM + SEAL_HEIGHT_MM - 8f,
          7f,
          seal);
    }
  }
}
