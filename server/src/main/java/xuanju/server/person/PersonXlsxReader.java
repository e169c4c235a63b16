package xuanju.server.person;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.DateUtil;
import xuanju.server.documents.XlsxSheetStream;

/**
 * Streaming reader of a person-register .xlsx (居民名册 Excel 读取) over {@link XlsxSheetStream}: rows
 * are handed on one at a time, the workbook is never built in memory. Reads the first sheet; the
 * header is the first of the first {@value #HEADER_SEARCH_ROWS} non-empty rows with 姓名 and 公民身份号码
 * columns.
 */
final class PersonXlsxReader {
  static final int HEADER_SEARCH_ROWS = 5;

  private PersonXlsxReader() {}

  /** Reads the file; returns the number of data rows. */
  static int read(Path file, int maxRows, Consumer<ImportRow> sink) throws PersonFileException {
    Collector collector = new Collector(maxRows, sink);
    try {
      if (!XlsxSheetStream.readFirstSheet(file, new IsoDates(), collector)) {
        throw new PersonFileException(ImportProblem.EMPTY, "文件中没有工作表");
      }
    } catch (Stop stop) {
      throw stop.problem;
    } catch (XlsxSheetStream.UnreadableException e) {
      throw new PersonFileException(
          ImportProblem.FILE_TYPE,
          "无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏或不是 .xlsx 格式（" + e.getMessage() + "）");
    }
    if (collector.columns == null) {
      throw new PersonFileException(
          ImportProblem.HEADER, "第一个工作表的" + PersonColumns.headerHint(HEADER_SEARCH_ROWS));
    }
    if (collector.rows == 0) {
      throw new PersonFileException(ImportProblem.EMPTY, "文件中没有居民数据（表头下面是空的）");
    }
    return collector.rows;
  }

  /** Carries a file problem out of the reader. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient PersonFileException problem;

    Stop(PersonFileException problem) {
      super(problem.getMessage(), null, false, false);
      this.problem = problem;
    }
  }

  /**
   * ISO dates as {@link XlsxSheetStream.IsoDates}; whole numbers of 12 to 18 digits without
   * exponent.
   */
  static final class IsoDates extends XlsxSheetStream.IsoDates {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (!(DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value))
          && value == Math.rint(value)
          && Math.abs(value) >= 1e11
          && Math.abs(value) < 1e18) {
        // an ID number typed as a number: Excel keeps only 15 significant digits, the check
        // then reports the wrong number instead of "1.50626E+17"
        return String.format(java.util.Locale.ROOT, "%.0f", value);
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  private static final class Collector implements XlsxSheetStream.RowHandler {
    private final int maxRows;
    private final Consumer<ImportRow> sink;
    private PersonColumns columns;
    private int rowsSeen;
    int rows;

    Collector(int maxRows, Consumer<ImportRow> sink) {
      this.maxRows = maxRows;
      this.sink = sink;
    }

    @Override
    public void row(int rowNumber, Map<Integer, String> cells) {
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
      ImportRow row = columns.row(rowNumber, cells);
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
