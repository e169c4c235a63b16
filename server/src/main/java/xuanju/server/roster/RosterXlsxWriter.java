package xuanju.server.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import xuanju.core.roster.Education;
import xuanju.core.roster.Ethnicities;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.roster.ResidentIds;
import xuanju.core.roster.RosterField;

/**
 * Writes the roster workbook (名册模板与导出) with the streaming {@link SXSSFWorkbook}: sheet 1 "党员名册"
 * with the Chinese header row (and, for the template, one example row), sheet 2 "填写说明" with the
 * rules and the allowed values. The export has the same columns, so it imports again unchanged.
 */
final class RosterXlsxWriter {
  static final String DATA_SHEET = "党员名册";
  static final String HELP_SHEET = "填写说明";

  /** Rows below the header that carry drop-down lists and text formats. */
  static final int VALIDATED_ROWS = 10000;

  private RosterXlsxWriter() {}

  /** The example row of the template: a made-up member whose ID checks out. */
  static Member example() {
    String first17 = "11010519800512001";
    String id = first17 + ResidentIds.checkCharacter(first17);
    return new Member(
        "【示例】张三",
        xuanju.core.quota.Gender.MALE,
        "汉族",
        LocalDate.of(1980, 5, 12),
        id,
        Education.BACHELOR,
        LocalDate.of(2005, 7, 1),
        Membership.FULL,
        MemberStatus.NORMAL,
        "13800138000");
  }

  /** The empty template with one example row. */
  static void template(OutputStream out) throws IOException {
    write(out, sink -> sink.accept(example()));
  }

  /**
   * A workbook with the members {@code source} feeds to its consumer, written row by row (only 100
   * rows are kept in memory).
   */
  static void write(OutputStream out, Consumer<Consumer<Member>> source) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(100);
    try {
      CellStyle header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

      SXSSFSheet sheet = wb.createSheet(DATA_SHEET);
      Sheet help = wb.createSheet(HELP_SHEET);
      RosterField[] fields = RosterField.values();
      Row h = sheet.createRow(0);
      for (int c = 0; c < fields.length; c++) {
        var cell = h.createCell(c);
        cell.setCellValue(fields[c].labelZh());
        cell.setCellStyle(header);
        sheet.setColumnWidth(c, width(fields[c]) * 256);
        if (fields[c] == RosterField.RESIDENT_ID || fields[c] == RosterField.PHONE) {
          sheet.setDefaultColumnStyle(c, text);
        } else if (fields[c] == RosterField.BIRTH_DATE || fields[c] == RosterField.JOIN_DATE) {
          sheet.setDefaultColumnStyle(c, date);
        }
      }
      sheet.createFreezePane(0, 1);
      int allowedColumn = writeHelp(help);
      addDropDowns(sheet, allowedColumn);

      int[] r = {1};
      source.accept(
          m -> {
            Row row = sheet.createRow(r[0]++);
            for (int c = 0; c < fields.length; c++) {
              var cell = row.createCell(c);
              switch (fields[c]) {
                case NAME -> cell.setCellValue(m.name());
                case GENDER -> cell.setCellValue(m.gender().labelZh());
                case ETHNICITY -> cell.setCellValue(m.ethnicity());
                case BIRTH_DATE -> {
                  cell.setCellValue(m.birthDate());
                  cell.setCellStyle(date);
                }
                case RESIDENT_ID -> {
                  cell.setCellValue(m.residentId());
                  cell.setCellStyle(text);
                }
                case EDUCATION -> cell.setCellValue(m.education().labelZh());
                case JOIN_DATE -> {
                  cell.setCellValue(m.joinDate());
                  cell.setCellStyle(date);
                }
                case MEMBERSHIP -> cell.setCellValue(m.membership().labelZh());
                case STATUS -> cell.setCellValue(m.status().labelZh());
                case PHONE -> {
                  cell.setCellValue(m.phone());
                  cell.setCellStyle(text);
                }
              }
            }
          });
      wb.write(out);
    } finally {
      wb.close(); // also deletes the temporary files
    }
  }

  private static int width(RosterField f) {
    return switch (f) {
      case RESIDENT_ID -> 22;
      case NAME, BIRTH_DATE, JOIN_DATE, EDUCATION, PHONE -> 14;
      case ETHNICITY, MEMBERSHIP, STATUS -> 11;
      case GENDER -> 7;
    };
  }

  /** Writes the instructions; returns the column of the help sheet holding the ethnicities. */
  private static int writeHelp(Sheet help) {
    List<String> lines =
        List.of(
            "党员名册填写说明",
            "1. 第一个工作表“党员名册”的第1行是表头，请勿修改列名；从第2行起每行填写一名党员。列的顺序可以调整，多余的列会被忽略。",
            "2. 第2行是示例（姓名以“【示例】”开头），导入前请删除，否则该行会报错。",
            "3. 必填列：姓名、性别、民族、出生日期、公民身份号码、学历、入党时间、党员类别。党籍状态不填视为“正常”；联系电话可不填。",
            "4. 公民身份号码：18位，最后一位可以是X；请保持“文本”格式，不要让 Excel 变成科学计数法。系统会校验最后一位校验码，"
                + "并核对号码中的出生日期（第7至14位）和性别（第17位，奇数为男、偶数为女）与所填是否一致。",
            "5. 日期可以写成 2020-01-02、2020/1/2、2020.1.2、2020年1月2日，或使用 Excel 日期格式。",
            "6. 入党时间不能晚于今天；入党时未满十八周岁会提示核实（不阻止导入）。",
            "7. 同一公民身份号码在文件中只能出现一次；已在其他组织名册中的党员不能导入本组织（一名党员只能编入一个党支部）。",
            "8. 导入时只要有一行出错，整个文件都不会导入；请按错误列表逐行改正后重新上传。",
            "9. 预备党员，以及处于留党察看、留置、逮捕、停止党籍、出党状态的人员，没有表决权、选举权和被选举权" + "（《中国共产党基层组织选举工作条例》第五条）。",
            "",
            "允许填写的值：");
    int r = 0;
    for (String line : lines) {
      help.createRow(r++).createCell(0).setCellValue(line);
    }
    help.setColumnWidth(0, 120 * 256);
    int top = r;
    List<List<String>> columns =
        List.of(
            List.of("性别", "男", "女"),
            prepend(RosterField.EDUCATION.labelZh(), Education.labels()),
            prepend(RosterField.MEMBERSHIP.labelZh(), Membership.labels()),
            prepend(RosterField.STATUS.labelZh(), MemberStatus.labels()),
            prepend(RosterField.ETHNICITY.labelZh(), Ethnicities.all()));
    int maxLen = columns.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < maxLen; i++) {
      Row row = help.createRow(top + i);
      for (int c = 0; c < columns.size(); c++) {
        if (i < columns.get(c).size()) {
          row.createCell(c + 1).setCellValue(columns.get(c).get(i));
        }
      }
    }
    for (int c = 1; c <= columns.size(); c++) {
      help.setColumnWidth(c, 18 * 256);
    }
    return top;
  }

  private static List<String> prepend(String head, List<String> rest) {
    var l = new java.util.ArrayList<String>();
    l.add(head);
    l.addAll(rest);
    return l;
  }

  /** Drop-down lists for the coded columns; the ethnicity list points at the help sheet. */
  private static void addDropDowns(SXSSFSheet sheet, int helpTop) {
    DataValidationHelper dv = sheet.getDataValidationHelper();
    RosterField[] fields = RosterField.values();
    for (int c = 0; c < fields.length; c++) {
      DataValidationConstraint constraint =
          switch (fields[c]) {
            case GENDER -> dv.createExplicitListConstraint(new String[] {"男", "女"});
            case EDUCATION ->
                dv.createExplicitListConstraint(Education.labels().toArray(String[]::new));
            case MEMBERSHIP ->
                dv.createExplicitListConstraint(Membership.labels().toArray(String[]::new));
            case STATUS ->
                dv.createExplicitListConstraint(MemberStatus.labels().toArray(String[]::new));
            case ETHNICITY ->
                dv.createFormulaListConstraint(
                    "'"
                        + HELP_SHEET
                        + "'!$F$"
                        + (helpTop + 2)
                        + ":$F$"
                        + (helpTop + 1 + Ethnicities.all().size()));
            default -> null;
          };
      if (constraint == null) {
        continue;
      }
      DataValidation v =
          dv.createValidation(constraint, new CellRangeAddressList(1, VALIDATED_ROWS, c, c));
      v.setShowErrorBox(true);
      v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
      v.createErrorBox("取值不在列表中", "请从下拉列表中选择，或参见“填写说明”工作表");
      sheet.addValidationData(v);
    }
  }
}
