package xuanju.server.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import xuanju.core.rule.InvalidInputException;

/**
 * A one-sheet Excel table (.xlsx 表格): a bold, shaded header row that stays frozen when scrolling,
 * then the rows as text cells (so ID numbers and leading zeros survive), with column widths sized
 * for Chinese text (a CJK character counts as two Latin ones), and the audit chain's check code
 * ({@link AuditStamp}) in the printed page footer. Written with the streaming SXSSF workbook.
 *
 * <p>A table meant to be read and printed (a statistics sheet, a posted list) has a title row above
 * the header (表头上方的标题行, merged across the columns, bold) and, under it, lines such as 应到会 45 人、实到会
 * 43 人 ({@link #withTitle}); the header row then repeats on every printed page. Tables meant to be
 * imported again (templates, roster exports) keep the header in the first row.
 *
 * @param sheetName the sheet name (made safe for Excel: at most 31 characters, no {@code []:*?/\})
 * @param header the column headers
 * @param rows the rows; shorter rows are padded with empty cells
 * @param title the title row above the header, or "" for none
 * @param notes lines between the title and the header (e.g. 应到会/实到会), each one merged row
 */
public record XlsxTable(
    String sheetName,
    List<String> header,
    List<List<String>> rows,
    String title,
    List<String> notes) {
  /** Widest column, in characters. */
  public static final int MAX_COLUMN_CHARS = 60;

  public static final String FONT_NAME = "宋体";

  public XlsxTable {
    if (header == null || header.isEmpty()) {
      throw new InvalidInputException("header", "表格必须有表头");
    }
    sheetName =
        WorkbookUtil.createSafeSheetName(
            sheetName == null || sheetName.isBlank() ? "Sheet1" : sheetName);
    header = List.copyOf(header);
    List<List<String>> copy = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).size() > header.size()) {
        throw new InvalidInputException(
            "rows[" + r + "]", "该行有" + rows.get(r).size() + "列，多于表头的" + header.size() + "列");
      }
      List<String> padded = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        String v = c < rows.get(r).size() ? rows.get(r).get(c) : null;
        padded.add(v == null ? "" : v);
      }
      copy.add(List.copyOf(padded));
    }
    rows = List.copyOf(copy);
    title = title == null ? "" : title;
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A table without a title: the header in the first row. */
  public XlsxTable(String sheetName, List<String> header, List<List<String>> rows) {
    this(sheetName, header, rows, "", List.of());
  }

  /** The same table with a title row and note lines above the header. */
  public XlsxTable withTitle(String newTitle, List<String> newNotes) {
    return new XlsxTable(sheetName, header, rows, newTitle, newNotes);
  }

  /** The number of rows above the header (title and notes). */
  public int headerRowIndex() {
    return title.isEmpty() ? 0 : 1 + notes.size();
  }

  /** The table of a {@link DocumentContent.Table}. */
  public static XlsxTable of(String sheetName, DocumentContent.Table table) {
    return new XlsxTable(sheetName, table.header(), table.rows());
  }

  /** Display width in Latin character units: CJK and other wide characters count 2. */
  static int displayWidth(String s) {
    return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
  }

  private static boolean isWide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115F
            || cp >= 0x2E80 && cp <= 0xA4CF
            || cp >= 0xAC00 && cp <= 0xD7A3
            || cp >= 0xF900 && cp <= 0xFAFF
            || cp >= 0xFE30 && cp <= 0xFE4F
            || cp >= 0xFF00 && cp <= 0xFF60
            || cp >= 0xFFE0 && cp <= 0xFFE6
            || cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /** Column width in Excel units (1/256 of a character) for the widest cell of column {@code c}. */
  int columnWidth(int c) {
    int chars = displayWidth(header.get(c)) + 2; // the bold header needs a little more
    for (List<String> row : rows) {
      chars = Math.max(chars, displayWidth(row.get(c)));
    }
    chars = Math.min(MAX_COLUMN_CHARS, Math.max(6, chars + 2));
    return chars * 256;
  }

  /**
   * Whether a cell holds a count or an amount (数值单元格): an integer of at most 9 digits without a
   * leading zero, or such a number with up to 4 decimals. Codes with leading zeros (001), ID and
   * telephone numbers (more digits) stay text, so that nothing is lost or shown as 1.5E+17.
   */
  static boolean isNumber(String v) {
    return v != null && v.matches("-?(0|[1-9][0-9]{0,8})(\\.[0-9]{1,4})?");
  }

  /** The .xlsx bytes. */
  public byte[] toBytes() {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    try {
      wb.setCompressTempFiles(true);
      Font plain = wb.createFont();
      plain.setFontName(FONT_NAME);
      plain.setFontHeightInPoints((short) 11);
      Font bold = wb.createFont();
      bold.setFontName(FONT_NAME);
      bold.setFontHeightInPoints((short) 11);
      bold.setBold(true);
      CellStyle head = wb.createCellStyle();
      head.setFont(bold);
      head.setAlignment(HorizontalAlignment.CENTER);
      head.setVerticalAlignment(VerticalAlignment.CENTER);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      head.setBorderBottom(BorderStyle.THIN);
      head.setBorderTop(BorderStyle.THIN);
      head.setBorderLeft(BorderStyle.THIN);
      head.setBorderRight(BorderStyle.THIN);
      CellStyle text = wb.createCellStyle();
      text.setFont(plain);
      text.setVerticalAlignment(VerticalAlignment.CENTER);
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      text.setBorderBottom(BorderStyle.THIN);
      text.setBorderTop(BorderStyle.THIN);
      text.setBorderLeft(BorderStyle.THIN);
      text.setBorderRight(BorderStyle.THIN);

      CellStyle number = wb.createCellStyle();
      number.cloneStyleFrom(text);
      number.setDataFormat(wb.createDataFormat().getFormat("General"));

      SXSSFSheet sheet = wb.createSheet(sheetName);
      for (int c = 0; c < header.size(); c++) {
        sheet.setColumnWidth(c, columnWidth(c));
      }
      int top = headerRowIndex();
      if (top > 0) {
        Font big = wb.createFont();
        big.setFontName(FONT_NAME);
        big.setFontHeightInPoints((short) 16);
        big.setBold(true);
        CellStyle titleStyle = wb.createCellStyle();
        titleStyle.setFont(big);
        titleStyle.setAlignment(HorizontalAlignment.CENTER);
        titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
        CellStyle noteStyle = wb.createCellStyle();
        noteStyle.setFont(plain);
        noteStyle.setAlignment(HorizontalAlignment.LEFT);
        noteStyle.setVerticalAlignment(VerticalAlignment.CENTER);
        Row t = sheet.createRow(0);
        t.setHeightInPoints(28);
        var tc = t.createCell(0);
        tc.setCellValue(title);
        tc.setCellStyle(titleStyle);
        for (int i = 0; i < notes.size(); i++) {
          Row n = sheet.createRow(1 + i);
          var nc = n.createCell(0);
          nc.setCellValue(notes.get(i));
          nc.setCellStyle(noteStyle);
        }
        if (header.size() > 1) {
          for (int r = 0; r < top; r++) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, header.size() - 1));
          }
        }
        sheet.setRepeatingRows(new CellRangeAddress(top, top, 0, header.size() - 1));
      }
      Row h = sheet.createRow(top);
      h.setHeightInPoints(20);
      for (int c = 0; c < header.size(); c++) {
        var cell = h.createCell(c);
        cell.setCellValue(header.get(c));
        cell.setCellStyle(head);
      }
      sheet.createFreezePane(0, top + 1);
      String stamp = AuditStamp.line();
      if (stamp != null) {
        sheet.getFooter().setCenter(stamp); // printed on every page, not a data row
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(top + r + 1);
        List<String> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          var cell = row.createCell(c);
          String v = values.get(c);
          if (isNumber(v)) {
            cell.setCellValue(Double.parseDouble(v));
            cell.setCellStyle(number);
          } else {
            cell.setCellValue(v);
            cell.setCellStyle(text);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Excel表格生成失败", e);
    } finally {
      wb.dispose();
      try {
        wb.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
