package xuanju.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberInput;
import xuanju.core.roster.Roster;
import xuanju.core.roster.RosterField;
import xuanju.core.roster.RosterRule;

/** The .xlsx template, export writer and streaming reader, without the application. */
class RosterXlsxTest {

  @Test
  void templateHasChineseHeaderExampleRowAndInstructionsSheet() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RosterXlsxWriter.template(out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("党员名册");
      assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
      var header = wb.getSheetAt(0).getRow(0);
      List<String> titles = new ArrayList<>();
      header.forEach(c -> titles.add(c.getStringCellValue()));
      assertThat(titles).isEqualTo(RosterFixtures.header());
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("【示例】");
      assertThat(wb.getSheetAt(0).getDataValidations()).hasSizeGreaterThanOrEqualTo(5);
      StringBuilder help = new StringBuilder();
      wb.getSheetAt(1)
          .forEach(r -> r.forEach(c -> help.append(c.getStringCellValue()).append('|')));
      assertThat(help).contains("公民身份号码").contains("留党察看").contains("蒙古族").contains("初中及以下");
    }
    // read back with the streaming reader: the example row is there and is refused by its rule
    List<RosterXlsxReader.Row> rows = RosterFixtures.read(out.toByteArray());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).rowNumber()).isEqualTo(2);
    assertThat(Roster.validate(rows.get(0).input(), LocalDate.now()).findings().codes())
        .containsExactly(RosterRule.IMPORT_EXAMPLE_ROW.code());
  }

  @Test
  void exportReadsBackToTheSameMembers() throws Exception {
    List<Member> members = RosterFixtures.members(4711L, 300);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RosterXlsxWriter.write(out, sink -> members.forEach(sink));
    List<RosterXlsxReader.Row> rows = RosterFixtures.read(out.toByteArray());
    assertThat(rows).hasSize(300);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).rowNumber()).isEqualTo(i + 2);
      assertThat(Roster.validate(rows.get(i).input(), LocalDate.now()).member())
          .as("row %d", i + 2)
          .contains(members.get(i));
    }
  }

  @Test
  void excelDateCellsBecomeIsoDatesAndTextDatesStayAsTyped() throws Exception {
    Member m = RosterFixtures.members(7L, 1).get(0);
    List<List<String>> sheet = RosterFixtures.sheet(List.of(m));
    MemberInput viaDates = RosterFixtures.read(RosterFixtures.xlsx(sheet, true)).get(0).input();
    assertThat(viaDates.birthDate()).isEqualTo(m.birthDate().toString());
    assertThat(viaDates.joinDate()).isEqualTo(m.joinDate().toString());
    sheet
        .get(1)
        .set(
            3,
            m.birthDate().getYear()
                + "/"
                + m.birthDate().getMonthValue()
                + "/"
                + m.birthDate().getDayOfMonth());
    MemberInput viaText = RosterFixtures.read(RosterFixtures.xlsx(sheet)).get(0).input();
    assertThat(Roster.parseDate(viaText.birthDate())).contains(m.birthDate());
  }

  @Test
  void columnsAreFoundByHeaderInAnyOrderBelowATitleRow() throws Exception {
    Member m = RosterFixtures.members(8L, 1).get(0);
    List<String> header = new ArrayList<>(RosterFixtures.header());
    List<String> row = new ArrayList<>(RosterFixtures.row(m));
    java.util.Collections.reverse(header);
    java.util.Collections.reverse(row);
    header.add("备注");
    row.add("无关的列");
    List<List<String>> sheet = new ArrayList<>();
    sheet.add(List.of("某某党支部党员名册"));
    sheet.add(header);
    sheet.add(row);
    List<RosterXlsxReader.Row> rows = RosterFixtures.read(RosterFixtures.xlsx(sheet));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).rowNumber()).isEqualTo(3);
    assertThat(Roster.validate(rows.get(0).input(), LocalDate.now()).member()).contains(m);
  }

  @Test
  void missingRequiredColumnIsAHeaderError() {
    List<String> header = new ArrayList<>(RosterFixtures.header());
    header.set(RosterField.JOIN_DATE.ordinal(), "入党日期?");
    byte[] file = RosterFixtures.xlsx(List.of(header, List.of("张三")));
    assertThatThrownBy(() -> RosterFixtures.read(file))
        .isInstanceOf(RosterFileException.class)
        .hasMessageContaining("缺少必需的列：入党时间")
        .extracting(e -> ((RosterFileException) e).rule())
        .isEqualTo(RosterRule.IMPORT_HEADER);
  }

  @Test
  void notAnXlsxIsAFileTypeError() throws IOException {
    assertFileType("姓名,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8), "不是 Excel 工作簿");
    byte[] xls = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    assertFileType(xls, ".xls");
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("hello.txt"));
      z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertFileType(zip.toByteArray(), "无法作为 Excel 工作簿");
  }

  @Test
  void rowLimitStopsReading() {
    byte[] file = RosterFixtures.xlsx(RosterFixtures.sheet(RosterFixtures.members(9L, 5)));
    assertThatThrownBy(() -> RosterXlsxReader.read(new ByteArrayInputStream(file), 4, r -> {}))
        .isInstanceOf(RosterFileException.class)
        .extracting(e -> ((RosterFileException) e).rule())
        .isEqualTo(RosterRule.IMPORT_TOO_MANY_ROWS);
  }

  private static void assertFileType(byte[] file, String message) {
    assertThatThrownBy(() -> RosterFixtures.read(file))
        .isInstanceOf(RosterFileException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((RosterFileException) e).rule())
        .isEqualTo(RosterRule.IMPORT_FILE_TYPE);
  }
}
