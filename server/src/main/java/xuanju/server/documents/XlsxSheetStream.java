package xuanju.server.documents;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
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

/**
 * Streaming reader of the first sheet of an .xlsx (表格逐行读取) with the POI event API: {@link
 * XSSFReader} + {@link XSSFSheetXMLHandler} over {@link ReadOnlySharedStringsTable}, so a file of a
 * million rows is read row by row without building a workbook in memory. The imports (党员名册, 居民名册)
 * put their header detection and column mapping on top.
 */
public final class XlsxSheetStream {
  private XlsxSheetStream() {}

  /** Receives each non-empty row. */
  @FunctionalInterface
  public interface RowHandler {
    /**
     * One row with at least one non-blank cell.
     *
     * @param rowNumber the 1-based row number as Excel shows it
     * @param cells the non-blank cells' text by 0-based column; valid only during the call
     */
    void row(int rowNumber, Map<Integer, String> cells);
  }

  /** The file cannot be read as an .xlsx (not a zip of a workbook, damaged, bad XML …). */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(Exception cause) {
      super(cause.getClass().getSimpleName(), cause);
    }
  }

  /**
   * Reads the first sheet, handing its non-empty rows to {@code handler}. An exception the handler
   * throws ends the reading and reaches the caller unchanged.
   *
   * @return false if the workbook has no sheet
   */
  public static boolean readFirstSheet(Path file, DataFormatter formatter, RowHandler handler)
      throws UnreadableException {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return false;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
            new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler), formatter, false));
        xml.parse(new InputSource(sheet));
      }
      return true;
    } catch (HandlerFailure f) {
      throw f.failure;
    } catch (Exception e) {
      throw new UnreadableException(e);
    } finally {
      if (pkg != null) {
        pkg.revert(); // read-only: close without saving
      }
    }
  }

  /** Formats date cells as ISO dates ({@code 2020-01-02}); everything else as Excel shows it. */
  public static class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  /** Carries the handler's exception past the reader's own error handling. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RuntimeException failure;

    HandlerFailure(RuntimeException failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  /** Turns cell events into rows. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowHandler handler;
    private final Map<Integer, String> cells = new HashMap<>();
    private final Map<Integer, String> view = Collections.unmodifiableMap(cells);
    private int nextColumn;

    Rows(RowHandler handler) {
      this.handler = handler;
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
      if (cells.isEmpty()) {
        return;
      }
      try {
        handler.row(rowNum + 1, view);
      } catch (RuntimeException e) {
        throw new HandlerFailure(e);
      }
    }
  }
}
