package xuanju.cli.round;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import xuanju.core.ballot.CompactBallots;

/**
 * The fast reader of a ballot file (选票文件快速读取): the {@link BallotCsv} format read straight from the
 * file's bytes, for a round of a million ballots.
 *
 * <p>The file is read in large blocks into one {@code byte[]}; lines are found by their bytes
 * ({@code \n}, {@code \r\n} or a lone {@code \r}, as {@link java.io.BufferedReader#readLine} does).
 * A line that is only plain ASCII marks ({@code Y y + N n X x A a - _ ?}), as many as there are
 * candidates (at most 32), is packed into its 2-bit word directly: no {@code String}, no split.
 * Every other line (header, comment, BOM, quotes, write-ins, {@code ○ ×}, spaces, a wrong length,
 * an unknown mark) is decoded as strict UTF-8 and given to the same per-line code as the simple
 * reader ({@link BallotCsv.Lines}).
 *
 * <p>Bad input behaves exactly as before: on any problem (a bad line, bytes that are not UTF-8) the
 * file is read again by the simple reader, {@link BallotCsv#read(Reader, int, String)} over {@link
 * Files#newBufferedReader}, which reports the same error it always did (the same field and Chinese
 * message, or the same {@link java.io.UncheckedIOException} for malformed UTF-8).
 */
final class BallotCsvFile {
  private BallotCsvFile() {}

  /**
   * Block size: the file is read 1 MiB at a time into the same buffer (a longer line grows it), so
   * a large file does not cost fresh memory for its whole size.
   */
  static final int BLOCK = 1 << 20;

  /** 2-bit {@link xuanju.core.ballot.Mark} code of a plain ASCII mark byte; -1 for any other. */
  static final byte[] CODE = new byte[256];

  static {
    Arrays.fill(CODE, (byte) -1);
    for (char c : "Yy+".toCharArray()) {
      CODE[c] = 1;
    }
    for (char c : "NnXx".toCharArray()) {
      CODE[c] = 2;
    }
    for (char c : "Aa-_".toCharArray()) {
      CODE[c] = 0;
    }
    CODE['?'] = 3;
  }

  static CompactBallots read(Path file, int candidates, String label) throws IOException {
    try {
      return fastest(file, candidates, label);
    } catch (RuntimeException | IOException e) {
      // the simple reader gives the error as it always did (or, were the fast one wrong, the
      // ballots); an unreadable file fails there again with its own message
      return simple(file, candidates, label);
    }
  }

  /**
   * The fastest way for this file: up to 32 candidates and up to 1 GiB, read whole and scanned in
   * two halves at once ({@link BallotCsvSplit}); otherwise streamed ({@link #fast}).
   */
  static CompactBallots fastest(Path file, int candidates, String label) throws IOException {
    if (candidates >= 1 && candidates <= 32 && Files.size(file) <= BallotCsvSplit.MAX_WHOLE) {
      return BallotCsvSplit.read(file, candidates, label, BallotCsvSplit.PARALLEL_FROM);
    }
    return fast(file, candidates, label, BLOCK);
  }

  static CompactBallots simple(Path file, int candidates, String label) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return BallotCsv.read(r, candidates, label);
    }
  }

  /**
   * The byte-level reading; throws on the first problem (the caller then reads the file the simple
   * way).
   *
   * @param block the size of each read (tests use small blocks to put line ends at block edges)
   */
  static CompactBallots fast(Path file, int candidates, String label, int block)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return new Scan(ch, candidates, label, block).run();
    }
  }

  /** One reading of a file: the buffer, where the next line starts, how many lines were read. */
  private static final class Scan {
    private final FileChannel ch;
    private final int candidates;
    private final boolean packed;
    private final BallotCsv.Lines lines;
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Packed words of plain lines, handed to the builder a batch at a time. */
    private final long[] batch = new long[1024];

    private byte[] buf;

    /** Start of the next line in {@link #buf}. */
    private int pos;

    /** End of the bytes read into {@link #buf}. */
    private int end;

    private boolean eof;

    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to it. */
    private boolean afterCr;

    private int lineNo;

    Scan(FileChannel ch, int candidates, String label, int block) throws IOException {
      this.ch = ch;
      this.candidates = candidates;
      this.packed = candidates >= 1 && candidates <= 32;
      long size = ch.size();
      // a ballot line has at least one byte per candidate and its line end
      this.lines =
          new BallotCsv.Lines(
              candidates, label, (int) Math.min(Integer.MAX_VALUE, (size + 1) / (candidates + 1)));
      this.buf = new byte[(int) Math.max(16, Math.min(size + 1, block))];
    }

    CompactBallots run() throws IOException {
      while (true) {
        fill();
        if (afterCr && pos < end) {
          afterCr = false;
          if (buf[pos] == '\n') {
            pos++;
          }
        }
        while (true) {
          if (packed && !afterCr) {
            int n;
            while ((n = packPlain()) > 0) {
              lineNo += n;
              lines.ballots.addPacked(batch, 0, n);
              lines.first = false;
            }
          }
          if (!nextLine()) {
            break;
          }
        }
        if (eof && pos >= end) {
          return lines.ballots.build();
        }
      }
    }

    /** Keeps the incomplete last line and reads more after it (growing for a very long line). */
    private void fill() throws IOException {
      if (eof) {
        return;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
      }
      if (end == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = ch.read(ByteBuffer.wrap(buf, end, buf.length - end));
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    }

    /**
     * Packs the plain lines from {@link #pos}, up to a batch: exactly {@code candidates} plain
     * marks followed by {@code \n} or {@code \r\n}. Stops before any other line and before a line
     * whose end is not read yet. Returns how many were packed (in {@link #batch}).
     */
    private int packPlain() {
      final byte[] b = buf;
      final int n = candidates;
      final int limit = end;
      final long[] out = batch;
      int p = pos;
      int k = 0;
      while (k < out.length) {
        int q = p + n;
        if (q + 1 >= limit) {
          break; // the line end (and the byte after a \r) must be in the buffer
        }
        long word = 0;
        int i = 0;
        for (; i < n; i++) {
          int c = CODE[b[p + i] & 0xFF];
          if (c < 0) {
            break;
          }
          word |= (long) c << (i << 1);
        }
        if (i < n) {
          break;
        }
        byte t = b[q];
        if (t == '\n') {
          p = q + 1;
        } else if (t == '\r') {
          p = b[q + 1] == '\n' ? q + 2 : q + 1;
        } else {
          break;
        }
        out[k++] = word;
      }
      pos = p;
      return k;
    }

    /**
     * Reads the line at {@link #pos} the general way (decoded, through {@link BallotCsv.Lines}).
     * Returns false when the line is not complete yet (more to read) or nothing is left.
     */
    private boolean nextLine() throws CharacterCodingException {
      int j = pos;
      while (j < end && buf[j] != '\n' && buf[j] != '\r') {
        j++;
      }
      if (j == end && (!eof || j == pos)) {
        return false;
      }
      lineNo++;
      if (j > pos) {
        lines.line(utf8.decode(ByteBuffer.wrap(buf, pos, j - pos)).toString(), lineNo);
      }
      if (j == end) {
        pos = j; // the last line, without a line end
        return false;
      }
      if (buf[j] == '\r') {
        if (j + 1 < end) {
          if (buf[j + 1] == '\n') {
            j++;
          }
        } else {
          afterCr = true;
        }
      }
      pos = j + 1;
      return true;
    }
  }
}
