package xuanju.server.delegates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.documents.XlsxSheetStream;
import xuanju.server.documents.XlsxTable;

/**
 * A unit's list as an .xlsx (推荐人选名单的 Excel 文件): the first sheet; the header row is the first of the
 * first five rows holding 姓名 and 推荐票数; columns are matched by their header ({@link
 * RecommendeeRows#HEADER}, and the optional {@link RecommendeeRows#OPTIONAL}) in any order; date
 * cells come as ISO dates. The file is only read here: the rows are checked together by {@link
 * RecommendeeRows}, so a bad row refuses the whole file.
 */
final class RecommendeeXlsx {
  private RecommendeeXlsx() {}

  static final int HEADER_SEARCH_ROWS = 5;
  static final int MAX_ROWS = 2_000;

  /** The template a unit fills in: the header only. */
  static XlsxTable template() {
    return new XlsxTable(
        "推荐人选名单",
        RecommendeeRows.ALL,
        List.of(
            List.of(
                "（示例，请删除）张三",
                "男",
                "1975-03-02",
                "汉族",
                "基层一线",
                "某公司高级工程师",
                "专业技术人员、企业",
                "120",
                "1998-07-01",
                "大学本科")));
  }

  static List<RecommendeeRows.Line> read(InputStream in) {
    Path tmp = null;
    try {
      byte[] head = in.readNBytes(4);
      if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
        throw new InvalidInputException(
            "file", "文件不是 Excel 工作簿（.xlsx）；旧版 .xls 文件请在 Excel 或 WPS 中“另存为”.xlsx 后再导入");
      }
      tmp = Files.createTempFile("xuanju-delegates-", ".xlsx");
      try (var out = Files.newOutputStream(tmp)) {
        out.write(head);
        in.transferTo(out);
      }
      Collector c = new Collector();
      try {
        if (!XlsxSheetStream.readFirstSheet(tmp, new XlsxSheetStream.IsoDates(), c)) {
          throw new InvalidInputException("file", "文件中没有工作表");
        }
      } catch (XlsxSheetStream.UnreadableException e) {
        throw new InvalidInputException("file", "无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏");
      }
      if (c.columns == null) {
        throw new InvalidInputException(
            "file",
            "前"
                + HEADER_SEARCH_ROWS
                + "行中找不到表头（应包含"
                + String.join("、", RecommendeeRows.HEADER)
                + "），请使用系统提供的模板");
      }
      if (c.lines.isEmpty()) {
        throw new InvalidInputException("file", "文件中没有推荐人选（表头下面是空的）");
      }
      return c.lines;
    } catch (IOException e) {
      throw new InvalidInputException("file", "无法读取上传的文件");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private static final class Collector implements XlsxSheetStream.RowHandler {
    Map<Integer, Integer> columns; // sheet column → HEADER index
    final List<RecommendeeRows.Line> lines = new ArrayList<>();
    int seen;

    @Override
    public void row(int rowNumber, Map<Integer, String> cells) {
      if (columns == null) {
        seen++;
        Map<Integer, Integer> found = new HashMap<>();
        cells.forEach(
            (col, text) -> {
              int i = RecommendeeRows.ALL.indexOf(text.strip());
              if (i >= 0) {
                found.put(col, i);
              }
            });
        long required =
            found.values().stream().filter(i -> i < RecommendeeRows.HEADER.size()).count();
        if (required == RecommendeeRows.HEADER.size()) {
          columns = found;
        } else if (found.containsValue(0) && found.size() >= 2) {
          List<String> missing = new ArrayList<>(RecommendeeRows.HEADER);
          missing.removeAll(found.values().stream().map(RecommendeeRows.ALL::get).toList());
          throw new InvalidInputException(
              "file", "第" + rowNumber + "行表头缺少列：" + String.join("、", missing) + "（请使用系统提供的模板）");
        } else if (seen >= HEADER_SEARCH_ROWS) {
          throw new InvalidInputException(
              "file",
              "前"
                  + HEADER_SEARCH_ROWS
                  + "行中找不到表头（应包含"
                  + String.join("、", RecommendeeRows.HEADER)
                  + "），请使用系统提供的模板");
        }
        return;
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < RecommendeeRows.ALL.size(); i++) {
        values.add("");
      }
      columns.forEach((col, i) -> values.set(i, cells.getOrDefault(col, "")));
      if (values.stream().allMatch(String::isBlank)) {
        return;
      }
      if (lines.size() >= MAX_ROWS) {
        throw new InvalidInputException("file", "文件中的人选超过" + MAX_ROWS + "行，请核对");
      }
      lines.add(new RecommendeeRows.Line(rowNumber, values));
    }
  }
}
