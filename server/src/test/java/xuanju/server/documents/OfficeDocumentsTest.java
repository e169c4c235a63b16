package xuanju.server.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xuanju.core.rule.InvalidInputException;

class OfficeDocumentsTest {

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "0,true",
    "41,true",
    "-3,true",
    "123456789,true",
    "12.5,true",
    "1234567890,false",
    "001,false",
    "150626198501010011,false",
    "13800138000,false",
    "12.34567,false",
    "4名,false",
    "'',false",
    "1e5,false"
  })
  void countsAreNumbersCodesStayText(String v, boolean number) throws Exception {
    assertThat(XlsxTable.isNumber(v)).isEqualTo(number);
    byte[] bytes = new XlsxTable("表", List.of("值"), List.of(List.of(v))).toBytes();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Cell cell = wb.getSheetAt(0).getRow(1).getCell(0);
      assertThat(cell.getCellType()).isEqualTo(number ? CellType.NUMERIC : CellType.STRING);
      if (number) {
        assertThat(cell.getNumericCellValue()).isEqualTo(Double.parseDouble(v));
      } else {
        assertThat(cell.getStringCellValue()).isEqualTo(v);
      }
    }
  }

  @Test
  void docxOpensWithPoiAndHasTitleParagraphsTableAndChineseFonts() throws Exception {
    DocumentContent notice = Samples.notice();
    byte[] bytes = DocxDocument.render(notice);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<XWPFParagraph> ps = doc.getParagraphs();
      XWPFParagraph title = ps.get(0);
      assertThat(title.getText()).isEqualTo(notice.title());
      assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
      XWPFRun titleRun = title.getRuns().get(0);
      assertThat(titleRun.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
      assertThat(titleRun.isBold()).isTrue();
      XWPFParagraph body =
          ps.stream().filter(p -> p.getText().startsWith("根据")).findFirst().orElseThrow();
      assertThat(body.getText()).isEqualTo(Samples.LONG_PARAGRAPH);
      assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
          .isEqualTo("宋体");
      assertThat(body.getIndentationFirstLine()).isEqualTo(480);
      XWPFTable table = doc.getTables().get(0);
      DocumentContent.Table source = (DocumentContent.Table) notice.blocks().get(3);
      assertThat(table.getNumberOfRows()).isEqualTo(1 + source.rows().size());
      for (int c = 0; c < source.header().size(); c++) {
        assertThat(table.getRow(0).getCell(c).getText()).isEqualTo(source.header().get(c));
      }
      for (int r = 0; r < source.rows().size(); r++) {
        for (int c = 0; c < source.header().size(); c++) {
          assertThat(table.getRow(r + 1).getCell(c).getText())
              .isEqualTo(source.rows().get(r).get(c));
        }
      }
      assertThat(table.getRow(0).isRepeatHeader()).isTrue();
      XWPFParagraph last = ps.get(ps.size() - 1);
      assertThat(last.getText()).isEqualTo("2026年11月21日");
      assertThat(last.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
      assertThat(ps.get(ps.size() - 2).getText()).isEqualTo("中共代力吉镇机关支部委员会");
    }
  }

  @ParameterizedTest(name = "random table, seed {0}")
  @ValueSource(longs = {3L, 17L, 20261121L})
  void xlsxRoundTripsThroughPoi(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> header = List.of("序号", "姓名", "公民身份号码", "备注");
    List<String> names = Samples.names(seed, 40 + random.nextInt(60));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String id =
          String.format("%017d", Math.abs(random.nextLong()) % 100_000_000_000_000_000L) + "X";
      rows.add(
          List.of(
              String.format("%03d", i + 1), names.get(i), id, random.nextBoolean() ? "" : "预备党员"));
    }
    byte[] bytes = new XlsxTable("候选人/名单:2026", header, rows).toBytes();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).doesNotContain("/", ":");
      Row h = sheet.getRow(0);
      for (int c = 0; c < header.size(); c++) {
        assertThat(h.getCell(c).getStringCellValue()).isEqualTo(header.get(c));
        assertThat(wb.getFontAt(h.getCell(c).getCellStyle().getFontIndex()).getBold()).isTrue();
      }
      assertThat(sheet.getPaneInformation()).isNotNull();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < header.size(); c++) {
          Cell cell = sheet.getRow(r + 1).getCell(c);
          assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
          assertThat(cell.getStringCellValue()).isEqualTo(rows.get(r).get(c));
        }
      }
      // an 18-character ID column is wider than the 4-character Chinese 备注 column, and a CJK header
      // gets two units per character
      assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(3));
      assertThat(sheet.getColumnWidth(3)).isGreaterThanOrEqualTo((2 * 4 + 2) * 256);
    }
  }

  /**
   * A titled table: title and note rows merged above the header, the header frozen and repeated.
   */
  @ParameterizedTest(name = "{0} note lines")
  @ValueSource(ints = {0, 1, 3})
  void aTitleAndNotesStandAboveTheHeader(int noteLines) throws Exception {
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < noteLines; i++) {
      notes.add("应到会 " + (45 + i) + " 人，实到会 " + (43 + i) + " 人");
    }
    List<List<String>> rows = List.of(List.of("王五", "41"), List.of("丁一", "7"));
    byte[] bytes =
        new XlsxTable("统计", List.of("姓名", "票数"), rows).withTitle("某支部选举结果统计表", notes).toBytes();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      int top = 1 + noteLines;
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("某支部选举结果统计表");
      assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      for (int i = 0; i < noteLines; i++) {
        assertThat(sheet.getRow(1 + i).getCell(0).getStringCellValue()).isEqualTo(notes.get(i));
      }
      assertThat(sheet.getNumMergedRegions()).isEqualTo(top);
      assertThat(sheet.getMergedRegion(0).getLastColumn()).isEqualTo(1);
      assertThat(sheet.getRow(top).getCell(0).getStringCellValue()).isEqualTo("姓名");
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
          .isEqualTo((short) (top + 1));
      assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(top);
      assertThat(sheet.getRow(top + 1).getCell(0).getStringCellValue()).isEqualTo("王五");
      assertThat(sheet.getRow(top + 1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(top + 2).getCell(1).getNumericCellValue()).isEqualTo(7.0);
      assertThat(sheet.getLastRowNum()).isEqualTo(top + 2);
    }
  }

  @Test
  void displayWidthCountsChineseAsTwo() {
    assertThat(XlsxTable.displayWidth("abc")).isEqualTo(3);
    assertThat(XlsxTable.displayWidth("候选人")).isEqualTo(6);
    assertThat(XlsxTable.displayWidth("王\uD840\uDC00")).isEqualTo(4);
    assertThat(XlsxTable.displayWidth("（１）")).isEqualTo(6);
  }

  @Test
  void tooWideRowsAreRejected() {
    assertThatThrownBy(() -> new XlsxTable("x", List.of("a"), List.of(List.of("1", "2"))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> DocumentContent.builder("t").table(List.of("a"), List.of(List.of("1", "2"))))
        .isInstanceOf(InvalidInputException.class);
  }
}
