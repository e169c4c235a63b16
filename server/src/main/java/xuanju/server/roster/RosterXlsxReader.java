package xuanju.server.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xuanju.core.roster.MemberInput;
import xuanju.core.roster.RosterField;
import xuanju.core.roster.RosterRule;
import xuanju.server.documents.XlsxSheetStream;

/**
 * Streaming reader of a roster .xlsx (名册文件读取) over {@link XlsxSheetStream} (the POI event API:
 * {@code XSSFReader} + {@code XSSFSheetXMLHandler}), so a 100,000-row file is read row by row
 * without building a workbook in memory.
 *
 * <p>Reads the first sheet. The header row is the first of the first {@value #HEADER_SEARCH_ROWS}
 * rows that holds the columns 姓名 and 公民身份号码 (a title row above it is allowed); columns are matched
 * by their Chinese header in any order, unknown columns are ignored. Date cells are passed on as
 * ISO dates ({@code 2020-01-02}), whatever their display format.
 */
final class RosterXlsxReader {
  static final int HEADER_SEARCH_ROWS = 5;

  private RosterXlsxReader() {}

  /** One data row: its 1-based row number as Excel shows it, and its text. */
  record Row(int rowNumber, MemberInput input) {}

  /**
   * Reads {@code in} (an .xlsx) and hands every non-blank data row to {@code sink}.
   *
   * @return the number of data rows read
   * @throws RosterFileException if the file is not an .xlsx, has no usable header, or has more than
   *     {@code maxRows} rows
   */
  static int read(InputStream in, int maxRows, Consumer<Row> sink) throws RosterFileException {
    Path tmp = null;
    try {
      byte[] head = in.readNBytes(8);
      checkMagic(head);
      tmp = Files.createTempFile("xuanju-roster-", ".xlsx");
      try (var out = Files.newOutputStream(tmp)) {
        out.write(head);
        in.transferTo(out);
      }
      return readFile(tmp, maxRows, sink);
    } catch (IOException e) {
      throw new RosterFileException(RosterRule.IMPORT_FILE_TYPE, "无法读取文件：" + e.getMessage());
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

  private static void checkMagic(byte[] head) throws RosterFileException {
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return;
    }
    if (head.length >= 4
        && (head[0] & 0xff) == 0xD0
        && (head[1] & 0xff) == 0xCF
        && (head[2] & 0xff) == 0x11
        && (head[3] & 0xff) == 0xE0) {
      throw new RosterFileException(
          RosterRule.IMPORT_FILE_TYPE,
          "这是旧版 Excel 97-2003（.xls）文件或加密文件，请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入");
    }
    throw new RosterFileException(RosterRule.IMPORT_FILE_TYPE, "文件不是 Excel 工作簿（.xlsx），请下载模板填写后上传");
  }

  private static int readFile(Path file, int maxRows, Consumer<Row> sink)
      throws RosterFileException {
    Collector collector = new Collector(maxRows, sink);
    try {
      if (!XlsxSheetStream.readFirstSheet(file, new XlsxSheetStream.IsoDates(), collector)) {
        throw new RosterFileException(RosterRule.IMPORT_EMPTY, "文件中没有工作表");
      }
    } catch (Stop stop) {
      throw stop.problem;
    } catch (XlsxSheetStream.UnreadableException e) {
      // not a zip of an OOXML workbook, a damaged file, a zip bomb, bad XML …
      throw new RosterFileException(
          RosterRule.IMPORT_FILE_TYPE,
          "无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏或不是 .xlsx 格式（" + e.getMessage() + "）");
    }
    if (collector.columns == null) {
      throw new RosterFileException(
          RosterRule.IMPORT_HEADER,
          "第一个工作表的前" + HEADER_SEARCH_ROWS + "行中找不到表头（应包含“姓名”“公民身份号码”等列），请使用系统提供的模板");
    }
    if (collector.rows == 0) {
      throw new RosterFileException(RosterRule.IMPORT_EMPTY, "文件中没有党员数据（表头下面是空的）");
    }
    return collector.rows;
  }

  /** Carries a file problem out of the reader. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RosterFileException problem;

    Stop(RosterFileException problem) {
      super(problem.getMessage(), null, false, false);
      this.problem = problem;
    }
  }

  /** Turns rows into members. */
  private static final class Collector implements XlsxSheetStream.RowHandler {
    private final int maxRows;
    private final Consumer<Row> sink;
    private Map<Integer, RosterField> columns;
    private int rowsSeen;
    int rows;

    Collector(int maxRows, Consumer<Row> sink) {
      this.maxRows = maxRows;
      this.sink = sink;
    }

    @Override
    public void row(int rowNumber, Map<Integer, String> cells) {
      if (columns == null) {
        rowsSeen++;
        Map<Integer, RosterField> found = new HashMap<>();
        cells.forEach((col, text) -> RosterField.byHeader(text).ifPresent(f -> found.put(col, f)));
        if (found.containsValue(RosterField.NAME) && found.containsValue(RosterField.RESIDENT_ID)) {
          List<String> missing = new ArrayList<>();
          for (RosterField f : RosterField.values()) {
            if (f.required() && !found.containsValue(f)) {
              missing.add(f.labelZh());
            }
          }
          if (!missing.isEmpty()) {
            throw new Stop(
                new RosterFileException(
                    RosterRule.IMPORT_HEADER,
                    "第" + rowNumber + "行表头缺少必需的列：" + String.join("、", missing) + "（请使用系统提供的模板）"));
          }
          columns = found;
        } else if (rowsSeen >= HEADER_SEARCH_ROWS) {
          throw new Stop(
              new RosterFileException(
                  RosterRule.IMPORT_HEADER,
                  "第一个工作表的前" + HEADER_SEARCH_ROWS + "行中找不到表头（应包含“姓名”“公民身份号码”等列），请使用系统提供的模板"));
        }
        return;
      }
      Map<RosterField, String> values = new EnumMap<>(RosterField.class);
      columns.forEach(
          (col, field) -> {
            String v = cells.get(col);
            if (v != null) {
              values.put(field, v);
            }
          });
      MemberInput input = MemberInput.of(values);
      if (input.isBlank()) {
        return;
      }
      rows++;
      if (rows > maxRows) {
        throw new Stop(
            new RosterFileException(
                RosterRule.IMPORT_TOO_MANY_ROWS, "文件中的党员超过一次导入的上限 " + maxRows + " 人，请分批导入"));
      }
      sink.accept(new Row(rowNumber, input));
    }
  }
}
