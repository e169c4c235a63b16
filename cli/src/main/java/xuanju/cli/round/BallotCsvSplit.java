package xuanju.cli.round;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;

/**
 * A ballot file read whole and scanned in two halves at once (选票文件分段并行读取), for up to 32 candidates:
 * each half is cut into lines and its plain lines (only marks, as many as there are candidates) are
 * packed into words by its own thread; then, in file order, the packed runs go into the box and
 * every other line (header, comment, blank, BOM, write-ins, quotes, anything odd) goes through the
 * same per-line code as the simple reader ({@link BallotCsv.Lines}) with its line number. The
 * halves meet right after a {@code \n}, so no line (and no {@code \r\n}) is cut.
 *
 * <p>Any problem throws; {@link BallotCsvFile#read} then reads the file the simple way.
 */
final class BallotCsvSplit {
  private BallotCsvSplit() {}

  /** Files from this size are scanned by two threads (smaller ones by one). */
  static final long PARALLEL_FROM = 1 << 22;

  /** Files larger than this are not read whole (the streaming reader takes them). */
  static final long MAX_WHOLE = 1L << 30;

  /**
   * Reads the ballots.
   *
   * @param parallelFrom the size from which two threads scan (tests pass 0 to split small files)
   */
  static CompactBallots read(Path file, int candidates, String label, long parallelFrom)
      throws IOException {
    byte[] all = readAll(file);
    int cut = all.length >= parallelFrom ? cut(all) : -1;
    Part[] parts;
    if (cut > 0) {
      Part second = new Part(all, cut, all.length, candidates);
      Throwable[] failure = new Throwable[1];
      // a named class, not a lambda: nothing to spin at run time in a short-lived tool
      Thread helper = new Thread(new Scan(second, failure), "ballot-file-second-half");
      helper.setDaemon(true);
      helper.start();
      Part first = new Part(all, 0, cut, candidates);
      first.scan();
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("读取被中断", e);
      }
      if (failure[0] != null) {
        throw new IllegalStateException(failure[0]);
      }
      parts = new Part[] {first, second};
    } else {
      Part only = new Part(all, 0, all.length, candidates);
      only.scan();
      parts = new Part[] {only};
    }
    int expected = 0;
    for (Part p : parts) {
      expected += p.words + p.others;
    }
    BallotCsv.Lines lines = new BallotCsv.Lines(candidates, label, expected);
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int lineNo = 0;
    for (Part p : parts) {
      lineNo = p.merge(lines, utf8, lineNo);
    }
    return lines.ballots.build();
  }

  /**
   * The file's bytes, read 1 MiB at a time (so the JDK's temporary native buffer stays small and is
   * reused, rather than one as large as the file).
   */
  static byte[] readAll(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > MAX_WHOLE) {
        throw new IOException("选票文件过大，不整体读入：" + size);
      }
      byte[] all = new byte[(int) size];
      int off = 0;
      while (off < all.length) {
        int n = ch.read(ByteBuffer.wrap(all, off, Math.min(1 << 20, all.length - off)));
        if (n < 0) {
          return Arrays.copyOf(all, off); // the file shrank while it was read
        }
        off += n;
      }
      if (ch.read(ByteBuffer.allocate(1)) > 0) {
        throw new IOException("选票文件在读取时变长了");
      }
      return all;
    }
  }

  /** Where the second half starts: just after the first {@code \n} from the middle; -1 if none. */
  static int cut(byte[] all) {
    for (int i = all.length / 2; i < all.length; i++) {
      if (all[i] == '\n') {
        return i + 1 < all.length ? i + 1 : -1;
      }
    }
    return -1;
  }

  /** Scans one part in the helper thread, keeping what it throws. */
  private static final class Scan implements Runnable {
    private final Part part;
    private final Throwable[] failure;

    Scan(Part part, Throwable[] failure) {
      this.part = part;
      this.failure = failure;
    }

    @Override
    public void run() {
      try {
        part.scan();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }
  }

  /** One half of the file: its packed plain lines and where its other lines are. */
  private static final class Part {
    private final byte[] buf;
    private final int from;
    private final int to;
    private final int candidates;

    /** The packed words of the plain lines, in order. */
    long[] packed;

    int words;

    /**
     * The other lines, three ints each: how many plain lines came before it in this part, its first
     * byte, its end (without the line end).
     */
    int[] other = new int[48];

    int others;

    /** The ballots with a write-in read by {@link #writeIn}: their positions among the words. */
    int[] wiAt = new int[16];

    Ballot[] wiBallot = new Ballot[16];

    int writeIns;

    Part(byte[] buf, int from, int to, int candidates) {
      this.buf = buf;
      this.from = from;
      this.to = to;
      this.candidates = candidates;
    }

    void scan() {
      final byte[] b = buf;
      final byte[] code = BallotCsvFile.CODE;
      final int n = candidates;
      final int end = to;
      // a plain line takes at least n + 1 bytes (its marks and its line end)
      long[] out = new long[(end - from) / (n + 1) + 1];
      int w = 0;
      int p = from;
      while (p < end) {
        int q = p + n;
        if (q < end) {
          long word = 0;
          int i = 0;
          for (; i < n; i++) {
            int c = code[b[p + i] & 0xFF];
            if (c < 0) {
              break;
            }
            word |= (long) c << (i << 1);
          }
          if (i == n) {
            byte t = b[q];
            if (t == ',') {
              int next = writeIn(q, word, w);
              if (next > 0) {
                out[w++] = word;
                p = next;
                continue;
              }
            }
            if (t == '\n') {
              out[w++] = word;
              p = q + 1;
              continue;
            }
            if (t == '\r') {
              out[w++] = word;
              p = q + 1 < end && b[q + 1] == '\n' ? q + 2 : q + 1;
              continue;
            }
          }
        }
        int j = p;
        while (j < end && b[j] != '\n' && b[j] != '\r') {
          j++;
        }
        addOther(w, p, j);
        if (j == end) {
          break; // the last line, without a line end
        }
        p = b[j] == '\r' && j + 1 < end && b[j + 1] == '\n' ? j + 2 : j + 1;
      }
      packed = out;
      words = w;
    }

    /**
     * A ballot line with one write-in, {@code marks,姓名:M}, whose name is all non-ASCII bytes (a
     * Chinese or Mongolian name, middle dots included) and whose mark is one ASCII mark, followed
     * by a line end: its ballot is made here, in this part's thread, exactly as the per-line code
     * would make it. Returns where the next line starts, or -1 for any other line (that one then
     * goes through the per-line code).
     *
     * @param comma the position of the comma after the marks
     * @param w the ballot's position among this part's words
     */
    private int writeIn(int comma, long word, int w) {
      final byte[] b = buf;
      int j = comma + 1;
      while (j < to && b[j] < 0) {
        j++;
      }
      int nameEnd = j;
      if (nameEnd == comma + 1 || j + 2 >= to || b[j] != ':') {
        return -1;
      }
      byte m = b[j + 1];
      if (BallotCsvFile.CODE[m & 0xFF] < 0) {
        return -1;
      }
      int next;
      byte t = b[j + 2];
      if (t == '\n') {
        next = j + 3;
      } else if (t == '\r') {
        next = j + 3 < to && b[j + 3] == '\n' ? j + 4 : j + 3;
      } else {
        return -1;
      }
      String name = new String(b, comma + 1, nameEnd - comma - 1, StandardCharsets.UTF_8);
      // malformed bytes, a full-width colon or blanks around the name: the per-line code decides
      if (name.indexOf('\uFFFD') >= 0 || name.indexOf('：') >= 0 || !name.strip().equals(name)) {
        return -1;
      }
      List<Mark> marks = new ArrayList<>(candidates);
      for (int c = 0; c < candidates; c++) {
        marks.add(Mark.ofBits((int) (word >>> (c << 1))));
      }
      Ballot ballot = new Ballot(marks, List.of(new WriteIn(name, Mark.ofChar((char) m))), false);
      if (writeIns == wiAt.length) {
        wiAt = Arrays.copyOf(wiAt, writeIns * 2);
        wiBallot = Arrays.copyOf(wiBallot, writeIns * 2);
      }
      wiAt[writeIns] = w;
      wiBallot[writeIns] = ballot;
      writeIns++;
      return next;
    }

    private void addOther(int before, int start, int end) {
      if (others * 3 + 3 > other.length) {
        other = Arrays.copyOf(other, other.length * 2);
      }
      other[others * 3] = before;
      other[others * 3 + 1] = start;
      other[others * 3 + 2] = end;
      others++;
    }

    /** Puts this part's lines into the box in order; returns the number of the last line. */
    int merge(BallotCsv.Lines lines, CharsetDecoder utf8, int lineNo)
        throws CharacterCodingException {
      int done = 0;
      int k = 0;
      int x = 0;
      // other lines and ballots with a write-in, in file order (an other line with "before" = B
      // comes before word B)
      while (k < others || x < writeIns) {
        boolean otherLine = k < others && (x >= writeIns || other[k * 3] <= wiAt[x]);
        int at = otherLine ? other[k * 3] : wiAt[x];
        if (at > done) {
          lines.ballots.addPacked(packed, done, at - done);
          lines.first = false;
          done = at;
        }
        if (!otherLine) {
          lines.ballots.addSpecialPacked(packed[at], wiBallot[x]);
          lines.first = false;
          done = at + 1;
          x++;
          continue;
        }
        int start = other[k * 3 + 1];
        int end = other[k * 3 + 2];
        if (end > start) {
          String text = utf8.decode(ByteBuffer.wrap(buf, start, end - start)).toString();
          lines.line(text, lineNo + at + k + 1);
        }
        k++;
      }
      if (words > done) {
        lines.ballots.addPacked(packed, done, words - done);
        lines.first = false;
      }
      return lineNo + words + others;
    }
  }
}
