package xuanju.cli.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;

/**
 * Write-ins a spreadsheet would run as formulas (CSV formula injection): written with an apostrophe
 * in front, read back as written in.
 */
class BallotCsvFormulaTest {
  static final List<String> NAMES =
      List.of(
          "=1+1",
          "-1+1",
          "+1",
          "@a",
          "=HYPERLINK(\"http://x\",\"点击\")",
          "'=1+1",
          "''",
          "'",
          "'abc",
          "王'某",
          "=",
          "李, =某",
          "\t=1",
          "普通姓名");

  @Test
  void formulaLikeWriteInsAreWrittenAsTextAndReadBackAsTheyWere() {
    List<Ballot> ballots = new ArrayList<>();
    for (String n : NAMES) {
      ballots.add(new Ballot(List.of(Mark.YES, Mark.NO), List.of(new WriteIn(n, Mark.YES)), false));
    }
    String csv = BallotCsv.write(ballots);
    for (String line : csv.split("\n")) {
      for (String cell : line.split(",", -1)) {
        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(c).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        assertThat(c).as(line).doesNotStartWith("-").doesNotStartWith("\t");
      }
    }
    assertThat(csv).contains("'=1+1:Y\n", "'-1+1:Y\n", "'+1:Y\n", "'@a:Y\n", "''=1+1:Y\n");
    assertThat(csv).contains("'abc:Y\n").contains("王'某:Y\n");
    CompactBallots back = BallotCsv.read(csv, 2, "ballots.csv");
    assertThat(back.size()).isEqualTo(NAMES.size());
    for (int i = 0; i < NAMES.size(); i++) {
      // a leading tab is a blank around the cell and is not kept, as before
      assertThat(back.get(i).writeIns().get(0).name()).isEqualTo(NAMES.get(i).strip());
      assertThat(back.get(i).marks()).containsExactly(Mark.YES, Mark.NO);
    }
  }

  @Test
  void guardAndUnguardAreInverse() {
    for (String s :
        List.of("=a", "+", "-", "@", "\ta", "\ra", "'", "''", "'''", "'=", "'a", "a", "", "a=b")) {
      assertThat(BallotCsv.unguard(BallotCsv.guard(s))).as(s).isEqualTo(s);
      String g = BallotCsv.guard(s);
      if (!g.isEmpty()) {
        assertThat("=+-@\t\r").as(s).doesNotContain(g.substring(0, 1));
      }
    }
    // a hand-written file's name that starts with an apostrophe and a letter is left as it is
    assertThat(BallotCsv.unguard("'abc")).isEqualTo("'abc");
  }

  @Test
  void aLineBreakInANameCannotBeWritten() {
    Ballot b = new Ballot(List.of(Mark.YES), List.of(new WriteIn("王\r=1+1", Mark.YES)), false);
    assertThatThrownBy(() -> BallotCsv.write(List.of(b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("换行符");
  }
}
