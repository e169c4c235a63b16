package xuanju.cli.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.ballot.BallotCount;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.WriteInWithoutMark;
import xuanju.core.rule.InvalidInputException;

/**
 * The fast ballot-file reader ({@link BallotCsvFile}) against the simple one ({@link
 * BallotCsv#read(java.io.Reader, int, String)}) on seeded random files with the format's edge
 * cases: BOM, CRLF and lone CR line ends (also at block edges), blank and whitespace lines,
 * comments, a header, quoted cells, write-ins, identifying marks, {@code ○ ×}, spaces, no final
 * line end; and bad files (wrong length, unknown marks, unclosed quotes, bytes that are not UTF-8).
 * Same ballots, or the same error.
 */
class BallotCsvFileTest {
  @TempDir Path dir;

  static final String ASCII_MARKS = "YYYYNNNAAA?yYnNaAxX+-_";
  static final String[] LINE_ENDS = {"\n", "\n", "\n", "\r\n", "\r\n", "\r"};

  static Stream<Long> seeds() {
    return LongStream.range(0, 300).map(i -> 20261204L + 7919L * i).boxed();
  }

  static String marks(Random r, int n, boolean plain) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(
          plain || r.nextInt(10) > 0
              ? ASCII_MARKS.charAt(r.nextInt(ASCII_MARKS.length()))
              : "○×？ ".charAt(r.nextInt(4)));
    }
    return sb.toString();
  }

  /** One line of a valid file (the header only as the first data line). */
  static String validLine(Random r, int candidates, boolean firstData) {
    int kind = r.nextInt(40);
    if (firstData && kind < 4) {
      return r.nextBoolean() ? "marks,writeIns" : " MARKS ";
    }
    return switch (kind) {
      case 4 -> "";
      case 5 -> r.nextBoolean() ? "   " : "\t";
      case 6 -> "# 第" + r.nextInt(9) + "箱，逗号,引号\"";
      case 7 -> marks(r, candidates, false) + ",王某:Y";
      case 8 -> marks(r, candidates, true) + ", \"李, 某:N\" ,赵某,!";
      case 9 -> " " + marks(r, candidates, true) + " ";
      case 10 -> marks(r, candidates, true) + ",";
      case 11 -> "\"" + marks(r, candidates, true) + "\"";
      case 12 -> marks(r, candidates, true) + ",巴特尔·额尔敦：？,阿拉坦 其其格:";
      case 13 -> marks(r, candidates, false);
      // one write-in of a non-ASCII name: read in the scanning thread when the form is plain
      case 14 -> marks(r, candidates, false) + ",巴特尔·额尔敦:" + "YNA-_?xy+".charAt(r.nextInt(9));
      case 15 -> marks(r, candidates, false) + ",乌兰:N";
      case 16 -> marks(r, candidates, false) + ",王某　:Y"; // ideographic space: stripped
      case 17 -> marks(r, candidates, false) + ",王某：Y"; // full-width colon
      case 18 -> marks(r, candidates, false) + ",王某:Y ";
      case 19 -> marks(r, candidates, false) + ",王某:○";
      case 20 -> marks(r, candidates, false) + ",王某";
      default -> marks(r, candidates, true);
    };
  }

  static String badLine(Random r, int candidates) {
    return switch (r.nextInt(7)) {
      case 0 -> marks(r, candidates + 1, true);
      case 1 -> candidates > 1 ? marks(r, candidates - 1, true) : "YY";
      case 2 -> marks(r, candidates - 1, true) + "Z";
      case 3 -> marks(r, candidates, true) + ",\"王某:Y";
      case 4 -> marks(r, candidates, true) + ",:Y";
      case 5 -> marks(r, candidates, true) + ",王某:YY";
      default -> marks(r, candidates, false) + ",王某:Z";
    };
  }

  static byte[] file(Random r, int candidates, boolean valid) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(4) == 0) {
      sb.append('\uFEFF');
    }
    int lines = r.nextInt(5) == 0 ? r.nextInt(3) : r.nextInt(150);
    boolean firstData = true;
    int bad = valid ? -1 : r.nextInt(Math.max(1, lines));
    for (int i = 0; i < lines; i++) {
      String line = i == bad ? badLine(r, candidates) : validLine(r, candidates, firstData);
      if (!line.isBlank() && !line.startsWith("#")) {
        firstData = false;
      }
      sb.append(line);
      if (i + 1 < lines || r.nextBoolean()) {
        sb.append(LINE_ENDS[r.nextInt(LINE_ENDS.length)]);
      }
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (!valid && r.nextInt(3) == 0 && bytes.length > 0) {
      // bytes that are not UTF-8: a stray continuation byte, or a character cut short at the end
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = r.nextInt(bytes.length);
      out.write(bytes, 0, at);
      if (r.nextBoolean()) {
        out.write(0x80 + r.nextInt(0x40));
        out.write(bytes, at, bytes.length - at);
      } else {
        out.write(bytes, 0, 0);
        out.write(bytes, at, bytes.length - at);
        out.write(0xE4);
        out.write(0xB8);
      }
      bytes = out.toByteArray();
    }
    return bytes;
  }

  /** The outcome of a read: the ballots as text and their count, or the error. */
  static String outcome(Reading reading) {
    try {
      CompactBallots b = reading.read();
      StringBuilder sb = new StringBuilder("ok ").append(b.size()).append('\n');
      for (int i = 0; i < b.size(); i++) {
        sb.append(b.get(i)).append('\n');
      }
      if (b.candidates() > 0) {
        BallotCount c =
            b.count(
                new BallotRules(
                    Math.max(1, b.candidates() / 2),
                    b.candidates(),
                    true,
                    true,
                    WriteInWithoutMark.VOID_BALLOT));
        sb.append(c.valid())
            .append(' ')
            .append(c.invalid())
            .append(' ')
            .append(c.review())
            .append(Arrays.toString(c.yes()))
            .append(Arrays.toString(c.no()))
            .append(Arrays.toString(c.abstain()))
            .append(c.writeIns());
      }
      return sb.toString();
    } catch (InvalidInputException e) {
      return "invalid " + e.field() + " " + e.getMessage();
    } catch (Exception e) {
      return "error " + e.getClass().getName() + " " + e.getMessage();
    }
  }

  interface Reading {
    CompactBallots read() throws Exception;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theFastReaderGivesTheSameBallotsOrTheSameError(long seed) throws IOException {
    Random r = new Random(seed);
    int[] sizes = {1, 2, 3, 5, 7, 15, 31, 32, 33};
    int candidates = sizes[r.nextInt(sizes.length)];
    boolean valid = r.nextInt(3) > 0;
    Path f = Files.write(dir.resolve("b" + seed + ".csv"), file(r, candidates, valid));
    String label = f.getFileName().toString();
    String simple = outcome(() -> BallotCsvFile.simple(f, candidates, label));
    int block = 16 + r.nextInt(48);
    assertThat(outcome(() -> BallotCsvFile.read(f, candidates, label)))
        .as("seed %d, %d candidates", seed, candidates)
        .isEqualTo(simple);
    if (simple.startsWith("ok")) {
      // the byte-level path itself, not a fall-back, reads every good file (also in small blocks)
      assertThat(outcome(() -> BallotCsvFile.fast(f, candidates, label, block)))
          .as("seed %d, block %d", seed, block)
          .isEqualTo(simple);
      assertThat(outcome(() -> BallotCsvFile.fast(f, candidates, label, BallotCsvFile.BLOCK)))
          .isEqualTo(simple);
      if (candidates <= 32) {
        // read whole, in two halves at once (split even when small) and in one
        assertThat(outcome(() -> BallotCsvSplit.read(f, candidates, label, 0)))
            .as("seed %d, two halves", seed)
            .isEqualTo(simple);
        assertThat(outcome(() -> BallotCsvSplit.read(f, candidates, label, Long.MAX_VALUE)))
            .isEqualTo(simple);
      }
    }
  }

  @Test
  void edgeCasesReadAlike() throws IOException {
    String[] files = {
      "",
      "\n",
      "\uFEFF",
      "\uFEFFYNA",
      "\uFEFFmarks\r\nYNA\r\n",
      "YNA\rNYA\r\n\rAAA",
      "YNA\r\n\r\n\r\nNNN\n",
      "# only a comment",
      "marks\nmarks\n",
      "YNA,王某:Y,\"李, 某\"\"乙\"\":N\",!\n",
      "YN A\n",
      "Y\u3000A\n",
      "\u3000\nYNA\n",
      "YNA \t\n",
      "○×-\n",
      "YNAY\n",
      "YN\n",
      "YNZ\n",
      "YNA\nmarks\n",
      "YNA\r\nMARKS,writeIns\r\n",
      "YNA\n\uFEFFYNA\n",
      "YNA\r",
      "YNA\r\r\nNNN",
    };
    for (String text : files) {
      Path f = Files.writeString(dir.resolve("e.csv"), text, StandardCharsets.UTF_8);
      String simple = outcome(() -> BallotCsvFile.simple(f, 3, "e.csv"));
      assertThat(outcome(() -> BallotCsvFile.read(f, 3, "e.csv"))).as(text).isEqualTo(simple);
      for (int block : new int[] {16, 17, 18, 19, 20}) {
        if (simple.startsWith("ok")) {
          assertThat(outcome(() -> BallotCsvFile.fast(f, 3, "e.csv", block)))
              .as(text)
              .isEqualTo(simple);
        }
      }
      if (simple.startsWith("ok")) {
        assertThat(outcome(() -> BallotCsvSplit.read(f, 3, "e.csv", 0))).as(text).isEqualTo(simple);
      }
    }
  }

  @Test
  void aBadLineIsTheSameErrorNamingFileAndLine() throws IOException {
    Path f = Files.writeString(dir.resolve("b.csv"), "marks\r\nYYN\r\nYNA\r\nYYNN\r\n");
    assertThatThrownBy(() -> BallotCsv.read(f, 3, "b.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("选票符号有4个（\"YYNN\"），而候选人有3名（第4行，选票 ballots[2]）")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("b.csv:4");
  }

  @Test
  void bytesThatAreNotUtf8FailAsBeforeAsAnUnreadableFile() throws IOException {
    Path f = dir.resolve("m.csv");
    Files.write(f, new byte[] {'Y', 'N', 'A', '\n', 'Y', (byte) 0xC3, 'A', '\n'});
    assertThatThrownBy(() -> BallotCsv.read(f, 3, "m.csv"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasCauseInstanceOf(java.nio.charset.MalformedInputException.class);
  }

  @Test
  void aMillionStyleFileOfPlainMarksTakesTheBytePathWithLongLinesAcrossBlocks() throws IOException {
    Random r = new Random(15);
    StringBuilder sb = new StringBuilder("marks,writeIns\n");
    for (int i = 0; i < 5000; i++) {
      sb.append(marks(r, 15, true)).append(i % 1000 == 999 ? ",王某:Y\r\n" : "\n");
    }
    Path f = Files.writeString(dir.resolve("big.csv"), sb.toString());
    String simple = outcome(() -> BallotCsvFile.simple(f, 15, "big.csv"));
    assertThat(simple).startsWith("ok 5000");
    assertThat(outcome(() -> BallotCsvFile.fast(f, 15, "big.csv", 4096))).isEqualTo(simple);
    assertThat(outcome(() -> BallotCsvSplit.read(f, 15, "big.csv", 0))).isEqualTo(simple);
    assertThat(outcome(() -> BallotCsv.read(f, 15, "big.csv"))).isEqualTo(simple);
    // the halves meet right after a line end
    byte[] all = Files.readAllBytes(f);
    int cut = BallotCsvSplit.cut(all);
    assertThat(cut).isBetween(all.length / 2, all.length - 1);
    assertThat(all[cut - 1]).isEqualTo((byte) '\n');
    assertThat(BallotCsvSplit.cut("YNA\rYNA\r".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }
}
