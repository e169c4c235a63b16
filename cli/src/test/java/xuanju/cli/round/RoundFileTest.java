package xuanju.cli.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;
import xuanju.core.rule.InvalidInputException;

/** The round file reader/writer and the ballot CSV, with seeded random ballots. */
class RoundFileTest {

  static Stream<Arguments> seeds() {
    return Stream.of(1L, 20260601L, 987654321L).map(Arguments::of);
  }

  private static final String[] NAMES = {"王某", "李, 某", "赵\"某\"", "钱某"};

  static List<Ballot> randomBallots(Random rnd, int n, int candidates) {
    List<Ballot> out = new ArrayList<>();
    Mark[] marks = Mark.values();
    for (int i = 0; i < n; i++) {
      List<Mark> m = new ArrayList<>();
      for (int c = 0; c < candidates; c++) {
        // mostly clear marks, sometimes unclear
        m.add(rnd.nextInt(40) == 0 ? Mark.UNCLEAR : marks[rnd.nextInt(3)]);
      }
      List<WriteIn> w = new ArrayList<>();
      if (rnd.nextInt(8) == 0) {
        w.add(new WriteIn(NAMES[rnd.nextInt(NAMES.length)], marks[rnd.nextInt(4)]));
      }
      out.add(new Ballot(m, w, rnd.nextInt(50) == 0));
    }
    return out;
  }

  /** CSV written by {@link BallotCsv#write} reads back to the same ballots, for any marks. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void csvRoundTrip(long seed) {
    Random rnd = new Random(seed);
    for (int round = 0; round < 20; round++) {
      int candidates = 1 + rnd.nextInt(40);
      List<Ballot> ballots = randomBallots(rnd, rnd.nextInt(60), candidates);
      String csv = BallotCsv.write(ballots);
      CompactBallots back = BallotCsv.read(csv, candidates, "b.csv");
      assertThat(back.size()).as("seed %d", seed).isEqualTo(ballots.size());
      for (int i = 0; i < ballots.size(); i++) {
        assertThat(back.get(i)).as("seed %d ballot %d", seed, i).isEqualTo(ballots.get(i));
      }
      assertThat(BallotCsv.write(back)).isEqualTo(csv);
    }
  }

  private static ObjectNode partyRound(Random rnd, int seats, int candidates, int present) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("formatVersion", 1);
    root.put("profile", "PARTY_GRASSROOTS");
    root.put("seats", seats);
    ArrayNode cs = root.putArray("candidates");
    for (int c = 0; c < candidates; c++) {
      cs.addObject().put("id", "c" + c).put("name", "候选人" + c);
    }
    ObjectNode el = root.putObject("electorate");
    el.put("expected", present + rnd.nextInt(3));
    el.put("present", present);
    el.put("ballotsIssued", present);
    el.put("ballotsReturned", present);
    return root;
  }

  /**
   * The same random ballots inline and as a CSV file give the same decision; the file written back
   * by {@link RoundFile#toJson()} decides the same; and the invariants hold: outcome seats add up,
   * the elected are at most the seats and each has more than half of those present.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void inlineAndCsvAgreeAndInvariantsHold(long seed, @TempDir Path dir) throws IOException {
    Random rnd = new Random(seed);
    for (int round = 0; round < 15; round++) {
      int candidates = 2 + rnd.nextInt(9);
      int seats = 1 + rnd.nextInt(candidates - 1);
      int present = 5 + rnd.nextInt(60);
      List<Ballot> ballots = new ArrayList<>();
      for (Ballot b : randomBallots(rnd, present, candidates)) {
        // keep most ballots valid: at most `seats` yes marks
        List<Mark> m = new ArrayList<>(b.marks());
        long yes = m.stream().filter(x -> x == Mark.YES).count();
        for (int c = 0; c < m.size() && yes > seats && rnd.nextInt(10) > 0; c++) {
          if (m.get(c) == Mark.YES) {
            m.set(c, Mark.ABSTAIN);
            yes--;
          }
        }
        ballots.add(new Ballot(m, b.writeIns(), b.identifyingMarks()));
      }
      ObjectNode inline = partyRound(rnd, seats, candidates, present);
      ObjectNode viaCsv = inline.deepCopy();
      ArrayNode arr = inline.putArray("ballots");
      for (Ballot b : ballots) {
        ObjectNode o = arr.addObject();
        o.put("marks", b.markString());
        ArrayNode w = o.putArray("writeIns");
        b.writeIns()
            .forEach(x -> w.addObject().put("name", x.name()).put("mark", "" + x.mark().toChar()));
        o.put("identifyingMarks", b.identifyingMarks());
      }
      Files.writeString(
          dir.resolve("b" + round + ".csv"), BallotCsv.write(ballots), StandardCharsets.UTF_8);
      viaCsv.put("ballotsFile", "b" + round + ".csv");

      RoundFile a = RoundFile.parse(inline, dir);
      RoundFile b = RoundFile.parse(viaCsv, dir);
      ObjectNode ja = RoundReport.json(RoundReport.of(a));
      ObjectNode jb = RoundReport.json(RoundReport.of(b));
      ((ObjectNode) ja.get("ballots")).remove("source");
      ((ObjectNode) jb.get("ballots")).remove("source");
      String what = "seed " + seed + " round " + round;
      assertThat(jb).as(what).isEqualTo(ja);

      // written back and read again: the same decision
      RoundFile again = RoundFile.parse(Json.mapper().readTree(Json.pretty(a.toJson())), dir);
      assertThat(RoundReport.json(RoundReport.of(again)))
          .as(what)
          .isEqualTo(RoundReport.json(RoundReport.of(a)));

      int seatsSum = 0;
      for (JsonNode o : ja.get("outcomes")) {
        seatsSum += o.get("seats").intValue();
      }
      assertThat(seatsSum).as(what).isEqualTo(seats);
      assertThat(ja.get("elected").size()).as(what).isLessThanOrEqualTo(seats);
      long last = Long.MAX_VALUE;
      for (JsonNode c : ja.get("ranking")) {
        long yes = c.get("yes").longValue();
        assertThat(yes).as(what).isLessThanOrEqualTo(last);
        last = yes;
        if (c.get("status").asString().equals("ELECTED")) {
          assertThat(yes * 2).as(what).isGreaterThan(present);
        }
      }
      JsonNode bc = ja.get("ballots");
      assertThat(
              bc.get("valid").longValue()
                  + bc.get("invalid").longValue()
                  + bc.get("needsReview").longValue())
          .as(what)
          .isEqualTo(present);
    }
  }

  @Test
  void countsFileWritesBackUnchanged() throws IOException {
    Path f = Path.of("../docs/examples/tally-g8-npc-direct.json");
    RoundFile r = RoundFile.read(f);
    RoundFile again = RoundFile.parse(Json.mapper().readTree(Json.pretty(r.toJson())), null);
    assertThat(again).isEqualTo(r);
    assertThat(r.counts().writeIns()).containsEntry("郑五", 12L);
  }

  @Test
  void csvErrorsNameFileAndLine() {
    assertThatThrownBy(() -> BallotCsv.read("marks\nYN\n\"YN\n", 2, "x.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("field", "x.csv:3")
        .hasMessageContaining("引号");
    assertThatThrownBy(() -> BallotCsv.read("YN,:Y\n", 2, "x.csv"))
        .hasFieldOrPropertyWithValue("field", "x.csv:1")
        .hasMessageContaining("姓名");
    assertThatThrownBy(() -> BallotCsv.read("YN,王某:YY\n", 2, "x.csv"))
        .hasFieldOrPropertyWithValue("field", "x.csv:1");
    // the header is optional, and only the first line can be one
    assertThat(BallotCsv.read("YN\nAA\n", 2, "x.csv").size()).isEqualTo(2);
    assertThatThrownBy(() -> BallotCsv.read("YN\nmarks\n", 2, "x.csv"))
        .hasFieldOrPropertyWithValue("field", "x.csv:2");
  }
}
