package xuanju.server.person;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streaming reader of a person-register .csv (居民名册 CSV 读取), one record at a time (RFC 4180: comma
 * separated, fields in double quotes may hold commas, quotes doubled and line breaks). Encoding:
 * UTF-8 (with or without BOM); a file whose start is not valid UTF-8 is read as GB18030 (a superset
 * of GBK, as saved by Excel and WPS on Chinese Windows). The header is the first of the first
 * {@value #HEADER_SEARCH_ROWS} non-empty records with 姓名 and 公民身份号码 columns. Row numbers count
 * records, the first as row 1, as a spreadsheet shows the file.
 */
final class PersonCsvReader {
  static final int HEADER_SEARCH_ROWS = 5;
  static final Charset GB18030 = Charset.forName("GB18030");
  private static final int SNIFF = 64 * 1024;

  private PersonCsvReader() {}

  /** Reads the file; returns the number of data rows. */
  static int read(Path file, int maxRows, Consumer<ImportRow> sink) throws PersonFileException {
    try {
      Charset cs = charset(file);
      try (InputStream in = Files.newInputStream(file);
          Reader r = new java.io.BufferedReader(new InputStreamReader(in, cs), 1 << 16)) {
        return read(r, maxRows, sink);
      }
    } catch (IOException e) {
      throw new PersonFileException(ImportProblem.FILE_TYPE, "无法读取文件：" + e.getMessage());
    }
  }

  /**
   * UTF-8 if the first 64 KB decode as UTF-8 (a character cut at the end allowed), else GB18030.
   */
  static Charset charset(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF);
    }
    int n = head.length;
    if (n == SNIFF) {
      // drop a UTF-8 sequence cut by the sniff limit
      int k = n - 1;
      while (k > n - 4 && k > 0 && (head[k] & 0xC0) == 0x80) {
        k--;
      }
      if ((head[k] & 0x80) != 0) {
        n = k;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, n));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return GB18030;
    }
  }

  static int read(Reader r, int maxRows, Consumer<ImportRow> sink)
      throws IOException, PersonFileException {
    PersonColumns columns = null;
    int record = 0;
    int seen = 0;
    int rows = 0;
    List<String> cells = new ArrayList<>();
    boolean first = true;
    while (next(r, cells, first)) {
      first = false;
      record++;
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (columns == null) {
        seen++;
        Map<Integer, String> header = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
          header.put(i, cells.get(i));
        }
        columns = PersonColumns.of(header).orElse(null);
        if (columns == null && seen >= HEADER_SEARCH_ROWS) {
          break;
        }
        continue;
      }
      ImportRow row = columns.row(record, cells);
      if (row.isBlank()) {
        continue;
      }
      rows++;
      if (rows > maxRows) {
        throw new PersonFileException(
            ImportProblem.TOO_MANY_ROWS, "文件中的居民超过一次导入的上限 " + maxRows + " 人，请分批导入");
      }
      sink.accept(row);
    }
    if (columns == null) {
      throw new PersonFileException(
          ImportProblem.HEADER, "CSV 文件的" + PersonColumns.headerHint(HEADER_SEARCH_ROWS));
    }
    if (rows == 0) {
      throw new PersonFileException(ImportProblem.EMPTY, "文件中没有居民数据（表头下面是空的）");
    }
    return rows;
  }

  /** Reads the next record into {@code cells}; false at the end of the input. */
  private static boolean next(Reader r, List<String> cells, boolean first) throws IOException {
    cells.clear();
    StringBuilder cell = new StringBuilder();
    int c = r.read();
    if (first && c == '\uFEFF') {
      c = r.read();
    }
    if (c < 0) {
      return false;
    }
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c < 0) {
          break; // an unterminated quote: take what there is
        }
        if (c == '"') {
          int d = r.read();
          if (d == '"') {
            cell.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          cell.append((char) c);
        }
      } else {
        if (c < 0 || c == '\n') {
          break;
        }
        if (c == '\r') {
          // \r\n or a lone \r ends the record; the \n is read as the next record's
          // first character otherwise, so peek by reading it and treating it here
          r.mark(1);
          int d = r.read();
          if (d != '\n' && d >= 0) {
            r.reset();
          }
          break;
        }
        if (c == ',') {
          cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '"' && cell.toString().isBlank()) {
          cell.setLength(0);
          quoted = true;
          wasQuoted = true;
        } else {
          cell.append((char) c);
        }
      }
      c = r.read();
    }
    cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
    return true;
  }
}
