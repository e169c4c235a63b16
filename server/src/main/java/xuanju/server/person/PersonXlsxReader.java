package xuanju.server.person;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streaming reader of a person-register .xlsx (居民名册 Excel 读取) with the POI event API ({@link
 * XSSFReader} + {@link XSSFSheetXMLHandler}): rows are handed on one at a time, the workbook is
 * never built in memory. Reads the first sheet; the header is the first of the first {@value
 * #HEADER_SEARCH_ROWS} non-empty rows with 姓名 and 公民身份号码 columns.
 */
final class PersonXlsxReader {
  static final int HEADER_SEARCH_ROWS = 5;

  private PersonXlsxReader() {}

  /** Reads the file; returns the number of data rows. */
  static int read(Path file, int maxRows, Consumer<ImportRow> sink) throws PersonFileException {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new PersonFileException(ImportProblem.EMPTY, "文件中没有工作表");
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
        throw new PersonFileException(
            ImportProblem.HEADER, "第一个工作表的" + PersonColumns.headerHint(HEADER_SEARCH_ROWS));
      }
      if (collector.rows == 0) {
        throw new PersonFileException(ImportProblem.EMPTY, "文件中没有居民数据（表头下面是空的）");
      }
      return collector.rows;
    } catch (PersonFileException e) {
      throw e;
    } catch (Exception e) {
      throw new PersonFileException(
          ImportProblem.FILE_TYPE,
          "无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏或不是 .xlsx 格式（" + e.getClass().getSimpleName() + "）");
    } finally {
      if (pkg != null) {
        pkg.revert();
      }
    }
  }

  /** Carries a file problem out of the SAX parser. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient PersonFileException problem;

    Stop(PersonFileException problem) {
      super(problem.getMessage(), null, false, false);
      this.problem = problem;
    }
  }

  /** Formats date cells as ISO dates, whole numbers without exponent, the rest as Excel shows. */
  static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      if (value == Math.rint(value) && Math.abs(value) >= 1e11 && Math.abs(value) < 1e18) {
        // an ID number typed as a number: Excel keeps only 15 significant digits, the check
        // then reports the wrong number instead of "1.50626E+17"
        return String.format(java.util.Locale.ROOT, "%.0f", value);
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final int maxRows;
    private final Consumer<ImportRow> sink;
    private final Map<Integer, String> cells = new HashMap<>();
    private PersonColumns columns;
    private int nextColumn;
    private int rowsSeen;
    int rows;

    Collector(int maxRows, Consumer<ImportRow> sink) {
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
      int col = cellReference == null ? nextColumn : column(cellReference);
      nextColumn = col + 1;
      if (formattedValue != null && !formattedValue.isBlank()) {
        cells.put(col, formattedValue);
      }
    }

    /** The 0-based column of a reference such as {@code AB12} (letters only, no sheet name). */
    private static int column(String ref) {
      int col = 0;
      for (int i = 0; i < ref.length(); i++) {
        char c = ref.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          col = col * 26 + (c - 'A' + 1);
        } else if (c != '$') {
          break;
        }
      }
      return col - 1;
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.isEmpty()) {
        return;
      }
      if (columns == null) {
        rowsSeen++;
        columns = PersonColumns.of(cells).orElse(null);
        if (columns == null && rowsSeen >= HEADER_SEARCH_ROWS) {
          throw new Stop(
              new PersonFileException(
                  ImportProblem.HEADER, "第一个工作表的" + PersonColumns.headerHint(HEADER_SEARCH_ROWS)));
        }
        return;
      }
      ImportRow row = columns.row(rowNum + 1, cells);
      if (row.isBlank()) {
        return;
      }
      rows++;
      if (rows > maxRows) {
        throw new Stop(
            new PersonFileException(
                ImportProblem.TOO_MANY_ROWS, "文件中的居民超过一次导入的上限 " + maxRows + " 人，请分批导入"));
      }
      sink.accept(row);
    }
  }
}
