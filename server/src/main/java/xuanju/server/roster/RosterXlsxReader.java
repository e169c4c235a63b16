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
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import xuanju.core.roster.MemberInput;
import xuanju.core.roster.RosterField;
import xuanju.core.roster.RosterRule;

/**
 * Streaming reader of a roster .xlsx (名册文件读取) with the POI event API: {@link XSSFReader} + {@link
 * XSSFSheetXMLHandler} over {@link ReadOnlySharedStringsTable}, so a 100,000-row file is read row
 * by row without building a workbook in memory.
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
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new RosterFileException(RosterRule.IMPORT_EMPTY, "文件中没有工作表");
      }
      Collector collector = new Collector(maxRows, sink);
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
            new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDates(), false));
        xml.parse(new InputSource(sheet));
      } catch (Stop stop) {
        throw stop.problem;
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
    } catch (RosterFileException e) {
      throw e;
    } catch (Exception e) {
      // not a zip of an OOXML workbook, a damaged file, a zip bomb, bad XML …
      throw new RosterFileException(
          RosterRule.IMPORT_FILE_TYPE,
          "无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏或不是 .xlsx 格式（" + e.getClass().getSimpleName() + "）");
    } finally {
      if (pkg != null) {
        pkg.revert(); // read-only: close without saving
      }
    }
  }

  /** Carries a file problem out of the SAX parser. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RosterFileException problem;

    Stop(RosterFileException problem) {
      super(problem.getMessage(), null, false, false);
      this.problem = problem;
    }
  }

  /** Formats date cells as ISO dates; everything else as Excel shows it. */
  static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  /** Turns cell events into rows. */
  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final int maxRows;
    private final Consumer<Row> sink;
    private final Map<Integer, String> cells = new HashMap<>();
    private Map<Integer, RosterField> columns;
    private int nextColumn;
    private int rowsSeen;
    int rows;

    Collector(int maxRows, Consumer<Row> sink) {
      this.maxRows = maxRows;
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
      nextColumn = 0;
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int col = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
      nextColumn = col + 1;
      if (formattedValue != null && !formattedValue.isBlank()) {
        cells.put(col, formattedValue);
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (columns == null) {
        if (cells.isEmpty()) {
          return;
        }
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
                    "第"
                        + (rowNum + 1)
                        + "行表头缺少必需的列："
                        + String.join("、", missing)
                        + "（请使用系统提供的模板）"));
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
      if (cells.isEmpty()) {
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
      sink.accept(new Row(rowNum + 1, input));
    }
  }
}
