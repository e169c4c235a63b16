package xuanju.cli.round;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;
import xuanju.core.rule.InvalidInputException;

/**
 * The ballot file (选票文件, CSV): one ballot per line, as the election archive stores a round's
 * ballots. Format (see {@code docs/formats/tally.md}):
 *
 * <ul>
 *   <li>UTF-8 (a byte-order mark is skipped), lines end with {@code \n} or {@code \r\n};
 *   <li>empty lines and lines starting with {@code #} are ignored;
 *   <li>the first other line is a header when its first cell is {@code marks} (any case);
 *   <li>each other line is one ballot: the first cell is the marks string, one character per
 *       printed candidate in ballot order ({@code Y}/{@code ○}/{@code +} 赞成, {@code N}/{@code
 *       ×}/{@code X} 不赞成, {@code A}/{@code -}/{@code _} 弃权, {@code ?} 待认定); each further cell is a
 *       write-in {@code name:mark} (the mark may be left out: {@code name} or {@code name:} = no
 *       mark), or {@code !} for a ballot with identifying marks (有规定以外标记);
 *   <li>a cell may be enclosed in double quotes ({@code ""} inside for a quote); leading and
 *       trailing spaces of a cell are removed;
 *   <li>a write-in cell that starts with an apostrophe followed by {@code = + - @ '}, a tab or a
 *       carriage return is read without that apostrophe: the writer puts it there so that a
 *       spreadsheet opening the file shows such a name as text instead of running it as a formula
 *       (CSV formula injection), and reading gives back the name as it was written in.
 * </ul>
 *
 * Ballots are numbered from 0 in file order (header and comments not counted); these are the
 * indexes of {@code rulings} and of the ballots awaiting review.
 */
public final class BallotCsv {
  private BallotCsv() {}

  /** The header line the writer emits. */
  public static final String HEADER = "marks,writeIns";

  /** Reads ballots from text. */
  public static CompactBallots read(String text, int candidates, String label) {
    return read(new StringReader(text), candidates, label);
  }

  /**
   * Reads ballots.
   *
   * @param candidates the number of printed candidates (length of every marks string)
   * @param label the file name used in error fields, e.g. {@code ballots.csv} gives {@code
   *     ballots.csv:14}
   * @throws InvalidInputException (field {@code label:line}) on a marks string of the wrong length,
   *     an unknown mark, or a malformed cell
   */
  public static CompactBallots read(Reader reader, int candidates, String label) {
    Lines lines = new Lines(candidates, label);
    BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader);
    int lineNo = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        lines.line(line, lineNo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines.ballots.build();
  }

  /**
   * Reads a ballot file with the fast byte-level reader ({@link BallotCsvFile}); same ballots and
   * same errors as {@link #read(Reader, int, String)} over the file decoded as strict UTF-8.
   *
   * @throws IOException if the file cannot be read, or is not valid UTF-8 ({@link
   *     java.nio.charset.MalformedInputException})
   */
  public static CompactBallots read(Path file, int candidates, String label) throws IOException {
    return BallotCsvFile.read(file, candidates, label);
  }

  /**
   * The meaning of each line, in file order: what both readers share. {@link #line} takes one line
   * as text (without its line end) and its number from 1.
   */
  static final class Lines {
    final CompactBallots.Builder ballots;
    private final int candidates;
    private final String label;

    /** No ballot or header line seen yet (the next one may be the header). */
    boolean first = true;

    Lines(int candidates, String label) {
      this(candidates, label, 64);
    }

    Lines(int candidates, String label, int expectedBallots) {
      this.ballots = CompactBallots.builder(candidates, expectedBallots);
      this.candidates = candidates;
      this.label = label;
    }

    void line(String line, int lineNo) {
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        return;
      }
      At at = new At(label, lineNo, ballots.size());
      List<String> cells = split(line, at);
      if (first) {
        first = false;
        if (cells.get(0).toLowerCase(Locale.ROOT).equals("marks")) {
          return;
        }
      }
      ballots.add(ballot(cells, candidates, at));
    }
  }

  /**
   * Where a bad cell is, for its error: the field ({@code label:line}, or a round file's path) and
   * the words after the message. The text is made only when an error is reported.
   */
  record At(String label, int lineNo, int index, String fixedField, String fixedWhere) {
    At(String label, int lineNo, int index) {
      this(label, lineNo, index, null, null);
    }

    static At of(String field, String where) {
      return new At(null, 0, 0, field, where);
    }

    String field() {
      return fixedField != null ? fixedField : label + ":" + lineNo;
    }

    String where() {
      return fixedWhere != null ? fixedWhere : "（第" + lineNo + "行，选票 ballots[" + index + "]）";
    }
  }

  private static Ballot ballot(List<String> cells, int candidates, At at) {
    String marks = cells.get(0);
    List<Mark> list = marks(marks, candidates, at);
    List<WriteIn> writeIns = new ArrayList<>();
    boolean identifying = false;
    for (int c = 1; c < cells.size(); c++) {
      String cell = unguard(cells.get(c));
      if (cell.isEmpty()) {
        continue;
      }
      if (cell.equals("!")) {
        identifying = true;
        continue;
      }
      int colon = Math.max(cell.lastIndexOf(':'), cell.lastIndexOf('：'));
      String name = colon < 0 ? cell : cell.substring(0, colon).strip();
      String mark = colon < 0 ? "" : cell.substring(colon + 1).strip();
      if (name.isEmpty()) {
        throw new InvalidInputException(at.field(), "另选他人缺少姓名：\"" + cell + "\"" + at.where());
      }
      writeIns.add(new WriteIn(name, writeInMark(mark, at)));
    }
    return new Ballot(list, writeIns, identifying);
  }

  /**
   * The marks of one ballot.
   *
   * @throws InvalidInputException (the given field) on a wrong length or an unknown character
   */
  static List<Mark> marks(String marks, int candidates, String field, String where) {
    return marks(marks, candidates, At.of(field, where));
  }

  private static List<Mark> marks(String marks, int candidates, At at) {
    int n = marks.codePointCount(0, marks.length());
    if (n != candidates) {
      throw new InvalidInputException(
          at.field(), "选票符号有" + n + "个（\"" + marks + "\"），而候选人有" + candidates + "名" + at.where());
    }
    List<Mark> list = new ArrayList<>(candidates);
    for (int i = 0; i < marks.length(); i++) {
      char ch = marks.charAt(i);
      try {
        list.add(Mark.ofChar(ch));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            at.field(),
            "第"
                + (i + 1)
                + "个符号 '"
                + ch
                + "' 无法识别（可用 Y ○ + 赞成，N × X 不赞成，A - _ 弃权，? 待认定）"
                + at.where());
      }
    }
    return list;
  }

  /** A write-in's mark: empty = no mark ({@link Mark#ABSTAIN}). */
  static Mark writeInMark(String mark, String field, String where) {
    return writeInMark(mark, At.of(field, where));
  }

  private static Mark writeInMark(String mark, At at) {
    if (mark.isEmpty()) {
      return Mark.ABSTAIN;
    }
    if (mark.length() != 1) {
      throw new InvalidInputException(
          at.field(), "另选他人的符号应为一个字符，实际为 \"" + mark + "\"" + at.where());
    }
    try {
      return Mark.ofChar(mark.charAt(0));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(at.field(), "另选他人的符号 '" + mark + "' 无法识别" + at.where());
    }
  }

  private static List<String> split(String line, At at) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (true) {
      // skip leading blanks of a cell
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new InvalidInputException(at.field(), "引号未闭合");
          }
          char ch = line.charAt(i++);
          if (ch == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              cur.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cur.append(ch);
          }
        }
        while (i < line.length() && line.charAt(i) != ',') {
          if (line.charAt(i) != ' ') {
            throw new InvalidInputException(at.field(), "引号后应为逗号");
          }
          i++;
        }
        cells.add(cur.toString());
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          cur.append(line.charAt(i++));
        }
        cells.add(cur.toString().strip());
      }
      cur.setLength(0);
      if (i >= line.length()) {
        return cells;
      }
      i++; // the comma
    }
  }

  /**
   * Writes ballots in this format: the header {@link #HEADER}, then one line per ballot with the
   * marks as {@code Y N A ?} and write-ins as {@code name:mark} (with an apostrophe in front when
   * the cell would start like a spreadsheet formula, see {@link #guard}); {@code \n} line ends.
   * Reading the text back gives the same ballots.
   *
   * @throws IllegalArgumentException when a write-in's name holds a line break
   */
  public static String write(CompactBallots ballots) {
    StringBuilder sb = new StringBuilder(ballots.size() * (ballots.candidates() + 1) + 16);
    sb.append(HEADER).append('\n');
    for (int i = 0; i < ballots.size(); i++) {
      line(sb, ballots.get(i));
    }
    return sb.toString();
  }

  /** Writes a list of ballots (see {@link #write(CompactBallots)}). */
  public static String write(List<Ballot> ballots) {
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    ballots.forEach(b -> line(sb, b));
    return sb.toString();
  }

  private static void line(StringBuilder sb, Ballot b) {
    sb.append(b.markString());
    for (WriteIn w : b.writeIns()) {
      if (w.name().indexOf('\n') >= 0 || w.name().indexOf('\r') >= 0) {
        // one ballot per line: a line break inside a name cannot be written (nor read back)
        throw new IllegalArgumentException("另选他人的姓名不能包含换行符：" + w.name().strip());
      }
      sb.append(',').append(quote(guard(w.name() + ":" + w.mark().toChar())));
    }
    if (b.identifyingMarks()) {
      sb.append(",!");
    }
    sb.append('\n');
  }

  /** First characters that make a spreadsheet treat a cell as a formula (or hide how it starts). */
  private static final String FORMULA_START = "=+-@\t\r";

  /**
   * A cell as written: one that a spreadsheet would run as a formula ({@code = + - @}, a tab or a
   * carriage return first) gets an apostrophe in front, and so does one that already starts with an
   * apostrophe followed by such a character or another apostrophe, so that {@link #unguard} gives
   * back exactly the original cell.
   */
  public static String guard(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    if (FORMULA_START.indexOf(first) >= 0
        || first == '\''
            && cell.length() > 1
            && (FORMULA_START.indexOf(cell.charAt(1)) >= 0 || cell.charAt(1) == '\'')) {
      return "'" + cell;
    }
    return cell;
  }

  /** The cell as it was before {@link #guard}. */
  public static String unguard(String cell) {
    if (cell.length() > 1
        && cell.charAt(0) == '\''
        && (FORMULA_START.indexOf(cell.charAt(1)) >= 0 || cell.charAt(1) == '\'')) {
      return cell.substring(1);
    }
    return cell;
  }

  private static String quote(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
