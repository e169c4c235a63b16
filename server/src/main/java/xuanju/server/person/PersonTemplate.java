package xuanju.server.person;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xuanju.core.register.Occupation;
import xuanju.core.register.PoliticalStatus;

/**
 * The import template of the person register (居民名册导入模板): sheet "居民名册" with the header row (the ID
 * column formatted as text, so Excel keeps all 18 characters), sheet "填写说明" with the rules and the
 * allowed values.
 */
final class PersonTemplate {
  static final String DATA_SHEET = "居民名册";
  static final String HELP_SHEET = "填写说明";

  private PersonTemplate() {}

  static void write(OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      Sheet sheet = wb.createSheet(DATA_SHEET);
      Row row = sheet.createRow(0);
      List<String> headers = PersonColumns.templateHeaders();
      for (int i = 0; i < headers.size(); i++) {
        row.createCell(i).setCellValue(headers.get(i));
        row.getCell(i).setCellStyle(header);
        sheet.setColumnWidth(i, (headers.get(i).equals("公民身份号码") ? 22 : 14) * 256);
        sheet.setDefaultColumnStyle(i, text);
      }
      sheet.createFreezePane(0, 1);
      Sheet help = wb.createSheet(HELP_SHEET);
      List<String> lines =
          List.of(
              "1. 每行一名居民。姓名、公民身份号码必填；出生日期和性别由公民身份号码得出，不必填写。",
              "2. 村/社区/单位：居民所属的村（嘎查）、社区或单位，最多" + PersonColumns.UNIT_MAX + "个字；划分选区时按此分组。",
              "3. 居民小组：居民小组、村民小组或网格，最多" + PersonColumns.GROUP_MAX + "个字。",
              "4. 户号：居民户口簿或社区户籍登记的户号，每户派代表选举时按户号计算户数，最多" + PersonColumns.HOUSEHOLD_MAX + "个字。",
              "5. 户籍地：户口所在地；现居住地：实际居住的地方（流动人口两者不同）。",
              "6. 民族：如“汉族”“蒙古族”；可不填。",
              "7. 政治面貌：" + labels(PoliticalStatus.values()) + "；可不填。",
              "8. 身份类别：" + labels(Occupation.values()) + "；可不填。",
              "9. 标签：其他身份，如“基层一线”“先进模范”，多个用顿号或逗号分隔，合计最多" + PersonColumns.TAGS_MAX + "个字。",
              "10. 导入时逐行检查，只要有一处错误，整个文件都不会导入；已在本组织居民名册中的居民（按公民身份号码）按文件内容更新。",
              "11. 也可以导入 CSV 文件（UTF-8 或 GBK 编码），第一行为上述表头。");
      for (int i = 0; i < lines.size(); i++) {
        help.createRow(i).createCell(0).setCellValue(lines.get(i));
      }
      help.setColumnWidth(0, 120 * 256);
      wb.write(out);
    }
  }

  private static String labels(Enum<?>[] values) {
    return String.join(
        "、",
        Arrays.stream(values)
            .map(v -> v instanceof Occupation o ? o.labelZh() : ((PoliticalStatus) v).labelZh())
            .toList());
  }
}
