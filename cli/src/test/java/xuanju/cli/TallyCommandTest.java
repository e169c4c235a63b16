package xuanju.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.cli.TimelineCommandTest.EXAMPLES;
import static xuanju.cli.TimelineCommandTest.assertBad;
import static xuanju.cli.TimelineCommandTest.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.cli.TimelineCommandTest.Run;
import xuanju.cli.round.Json;

/**
 * {@code ./xuanju tally}: the shipped examples (legal-rules.md G1–G9) against their expected output
 * and against the worked results, the next-round round trip, and every kind of bad input.
 *
 * <p>To refresh the expected files after a deliberate change of the output, run the tests with
 * {@code -Dxuanju.updateExpected=true} and review the diff.
 */
class TallyCommandTest {

  static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }

  static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asString()));
    return out;
  }

  static List<String> codes(JsonNode root) {
    List<String> out = new ArrayList<>();
    root.get("trail").forEach(s -> out.add(s.get("code").asString()));
    return out;
  }

  static List<String> types(JsonNode root) {
    List<String> out = new ArrayList<>();
    root.get("outcomes").forEach(o -> out.add(o.get("type").asString()));
    return out;
  }

  static JsonNode tally(String example) {
    Path f = EXAMPLES.resolve(example);
    assertThat(f).exists();
    Run r = run("tally", f.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return json(r.out());
  }

  static Stream<String> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      List<String> names =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("tally-") && n.endsWith(".json"))
              .filter(n -> !n.endsWith(".expected.json"))
              .sorted()
              .toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(10);
      return names.stream();
    }
  }

  /** Every example's JSON output equals its {@code .expected.json}, byte for byte. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleMatchesExpectedOutput(String name) throws IOException {
    Run r = run("tally", EXAMPLES.resolve(name).toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Path expected = EXAMPLES.resolve(name.replace(".json", ".expected.json"));
    if (Boolean.getBoolean("xuanju.updateExpected")) {
      Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
    }
    assertThat(expected).exists();
    assertThat(r.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    // deterministic: a second run gives the same bytes
    assertThat(run("tally", EXAMPLES.resolve(name).toString()).out()).isEqualTo(r.out());
  }

  @Test
  void registeredFirstInHelp() {
    Run r = run("help");
    assertThat(r.out().indexOf("tally")).isLessThan(r.out().indexOf("margin"));
    assertThat(r.out().indexOf("margin")).isLessThan(r.out().indexOf("timeline"));
    assertThat(run("help", "tally").out()).contains("PEOPLES_CONGRESS_DIRECT").contains("--text");
  }

  /** G1: 42 individual ballots from the CSV file; F passes the threshold but ranks 6th. */
  @Test
  void g1PartyBallotsFromCsv() {
    JsonNode root = tally("tally-g1-party-ballots.json");
    assertThat(strings(root.get("elected"))).containsExactly("A", "B", "C", "D", "E");
    assertThat(types(root)).containsExactly("ELECTED");
    assertThat(root.get("final").booleanValue()).isTrue();
    JsonNode b = root.get("ballots");
    assertThat(b.get("source").asString()).isEqualTo("ballotsFile");
    assertThat(b.get("valid").longValue()).isEqualTo(42);
    assertThat(b.get("invalid").longValue()).isZero();
    List<Long> yes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    root.get("ranking")
        .forEach(
            c -> {
              yes.add(c.get("yes").longValue());
              ids.add(c.get("id").asString());
            });
    assertThat(ids).containsExactly("A", "B", "C", "D", "E", "F", "G", "王某");
    assertThat(yes).containsExactly(40L, 37L, 33L, 29L, 25L, 22L, 12L, 1L);
    JsonNode f = root.get("ranking").get(5);
    assertThat(f.get("passed").booleanValue()).isTrue();
    assertThat(f.get("status").asString()).isEqualTo("NOT_ELECTED");
    List<String> expected = new ArrayList<>();
    expected.addAll(
        List.of(
            "PARTY.QUORUM.4_5",
            "ROUND.BALLOTS.RETURNED_LE_ISSUED",
            "TALLY.SUM.BALLOTS",
            "TALLY.SUM.CANDIDATE"));
    for (int i = 0; i < 8; i++) {
      expected.add("PARTY.THRESHOLD.HALF_PRESENT");
    }
    expected.add("COUNT.RANK.MOST_VOTES");
    assertThat(codes(root)).isEqualTo(expected);
    assertThat(root.get("trail").get(4).get("explanationZh").asString())
        .isEqualTo("候选人张三得赞成票40票，超过实到会有选举权人数42人的半数（21），当选");
    assertThat(root.get("nextRound").isNull()).isTrue();
  }

  @Test
  void g1TextSummaryNamesTheElectedAndTheRules() {
    Run r = run("tally", EXAMPLES.resolve("tally-g1-party-ballots.json").toString(), "--text");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("当选5名（按得票多少为序）：张三（A）、李四（B）、王五（C）、赵六（D）、钱七（E）")
        .contains("PARTY.QUORUM.4_5")
        .contains("COUNT.RANK.MOST_VOTES")
        .contains("孙八（F）  赞成22")
        .contains("王某［另选他人］  赞成1");
  }

  /** G2: a tie for the last seat; the next round is a re-vote between E and F only. */
  @Test
  void g2TieGivesRevoteFragment() {
    JsonNode root = tally("tally-g2-party-tie.json");
    assertThat(types(root)).containsExactly("ELECTED", "TIE_REVOTE_NEEDED");
    assertThat(strings(root.get("elected"))).containsExactly("A", "B", "C", "D");
    JsonNode tie = root.get("outcomes").get(1);
    assertThat(tie.get("seats").intValue()).isEqualTo(1);
    assertThat(strings(tie.get("tiedIds"))).containsExactly("E", "F");
    assertThat(tie.get("votes").longValue()).isEqualTo(25);
    assertThat(codes(root)).endsWith("COUNT.RANK.MOST_VOTES", "COUNT.TIE.REVOTE");
    JsonNode next = root.get("nextRound");
    assertThat(next.get("roundKind").asString()).isEqualTo("TIE_REVOTE");
    assertThat(next.get("seats").intValue()).isEqualTo(1);
    assertThat(next.get("candidates").findValuesAsString("id")).containsExactly("E", "F");
    assertThat(next.has("counts")).isFalse();
    assertThat(next.has("ballots")).isFalse();
  }

  /**
   * The round trip: G2's {@code nextRound} plus the re-vote's counts tallies again, and the shipped
   * re-vote example is exactly that fragment plus counts.
   */
  @Test
  void g2NextRoundPlusCountsDecidesTheTie(@TempDir Path dir) throws IOException {
    ObjectNode next = (ObjectNode) tally("tally-g2-party-tie.json").get("nextRound");
    ObjectNode counts = next.putObject("counts");
    counts.put("valid", 42);
    counts.put("invalid", 0);
    ObjectNode cs = counts.putObject("candidates");
    cs.putObject("E").put("yes", 24).put("no", 0).put("abstain", 18);
    cs.putObject("F").put("yes", 18).put("no", 0).put("abstain", 24);
    Path f = dir.resolve("revote.json");
    Files.writeString(f, Json.pretty(next), StandardCharsets.UTF_8);
    Run r = run("tally", f.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("kind").asString()).isEqualTo("TIE_REVOTE");
    assertThat(strings(root.get("elected"))).containsExactly("E");
    assertThat(root.get("final").booleanValue()).isTrue();
    assertThat(codes(root))
        .containsExactly(
            "PARTY.QUORUM.4_5",
            "ROUND.BALLOTS.RETURNED_LE_ISSUED",
            "TALLY.SUM.BALLOTS",
            "TALLY.SUM.CANDIDATE",
            "COUNT.TIE.PLURALITY",
            "COUNT.TIE.PLURALITY",
            "COUNT.RANK.MOST_VOTES");
    // the shipped example is the same round
    ObjectNode shipped = (ObjectNode) tally("tally-g2-party-tie-revote.json");
    assertThat(shipped.get("elected")).isEqualTo(root.get("elected"));
    assertThat(shipped.get("trail")).isEqualTo(root.get("trail"));
    ObjectNode shippedInput =
        (ObjectNode) json(Files.readString(EXAMPLES.resolve("tally-g2-party-tie-revote.json")));
    shippedInput.remove("comment");
    next.remove("comment");
    assertThat(shippedInput).isEqualTo(next);
  }

  /** G3: exactly 4/5 present is not a quorum by default; the local plan's override allows it. */
  @Test
  void g3QuorumStrictAndOverride() {
    JsonNode strict = tally("tally-g3-quorum-not-met.json");
    assertThat(types(strict)).containsExactly("QUORUM_NOT_MET");
    JsonNode q = strict.get("outcomes").get(0);
    assertThat(q.get("ruleCode").asString()).isEqualTo("PARTY.QUORUM.4_5");
    assertThat(q.get("actual").longValue()).isEqualTo(40);
    assertThat(q.get("minimum").longValue()).isEqualTo(41);
    assertThat(strict.get("elected")).isEmpty();
    assertThat(strict.get("nextRound").isNull()).isTrue();
    assertThat(codes(strict)).containsExactly("PARTY.QUORUM.4_5");

    JsonNode allowed = tally("tally-g3-quorum-override.json");
    assertThat(strings(allowed.get("elected"))).containsExactly("A", "B", "C");
    assertThat(codes(allowed)).startsWith("PROFILE.OVERRIDE.APPLIED", "PARTY.QUORUM.4_5");
    JsonNode ov = allowed.get("overrides").get(0);
    assertThat(ov.get("param").asString()).isEqualTo("quorumAllowExact");
    assertThat(ov.get("from").asString()).isEqualTo("false");
    assertThat(ov.get("to").asString()).isEqualTo("true");
  }

  /** G5: 4 pass for 5 seats; a further round with E and F, or fewer seats with consent. */
  @Test
  void g5Shortfall() {
    JsonNode root = tally("tally-g5-party-shortfall.json");
    assertThat(types(root)).containsExactly("ELECTED", "FURTHER_ROUND_NEEDED");
    assertThat(strings(root.get("elected"))).containsExactly("A", "B", "C", "D");
    JsonNode f = root.get("outcomes").get(1);
    assertThat(f.get("seats").intValue()).isEqualTo(1);
    assertThat(strings(f.get("candidateIds"))).containsExactly("E", "F");
    assertThat(f.get("reduceSeatsAllowed").booleanValue()).isTrue();
    assertThat(codes(root))
        .endsWith("COUNT.SHORTFALL.FURTHER_ROUND", "PARTY.SHORTFALL.REDUCE_SEATS")
        .doesNotContain("COUNT.RANK.MOST_VOTES");
    // E (20 < 23) is not elected
    assertThat(root.get("ranking").get(4).get("status").asString()).isEqualTo("NOT_ELECTED");
    JsonNode next = root.get("nextRound");
    assertThat(next.get("roundKind").asString()).isEqualTo("FURTHER");
    assertThat(next.get("furtherRound").intValue()).isEqualTo(1);
    assertThat(next.get("candidates").findValuesAsString("id")).containsExactly("E", "F");
  }

  /** G6: void write-in without mark, over-marked ballot, blank ballot, a ruling on a "?" ballot. */
  @Test
  void g6InlineBallotsWithRuling() {
    JsonNode root = tally("tally-g6-party-inline-ballots.json");
    JsonNode b = root.get("ballots");
    assertThat(b.get("source").asString()).isEqualTo("ballots");
    assertThat(b.get("valid").longValue()).isEqualTo(8);
    assertThat(b.get("invalid").longValue()).isEqualTo(2);
    assertThat(b.get("needsReview").longValue()).isZero();
    assertThat(b.get("rulingsApplied").intValue()).isEqualTo(1);
    assertThat(strings(root.get("elected"))).containsExactly("A", "B", "C");

    JsonNode review = tally("tally-g6-party-review-needed.json");
    assertThat(types(review)).containsExactly("REVIEW_NEEDED");
    assertThat(review.get("outcomes").get(0).get("ballotIndexes").get(0).intValue()).isEqualTo(5);
    assertThat(review.get("ballots").get("reviewIndexes").get(0).intValue()).isEqualTo(5);
    assertThat(codes(review)).endsWith("BALLOT.MARK.UNCLEAR");
    assertThat(review.get("elected")).isEmpty();
  }

  /** G7: more ballots returned than issued: the round is void and is held again. */
  @Test
  void g7VoidRound() {
    JsonNode root = tally("tally-g7-void-returned-exceeds-issued.json");
    assertThat(types(root)).containsExactly("ROUND_VOID");
    assertThat(root.get("outcomes").get(0).get("ruleCode").asString())
        .isEqualTo("ROUND.BALLOTS.RETURNED_LE_ISSUED");
    assertThat(codes(root)).containsExactly("PARTY.QUORUM.4_5", "ROUND.BALLOTS.RETURNED_LE_ISSUED");
    assertThat(root.get("trail").get(1).get("passed").booleanValue()).isFalse();
    assertThat(root.get("elected")).isEmpty();
    JsonNode next = root.get("nextRound");
    assertThat(next.get("roundKind").asString()).isEqualTo("FIRST");
    assertThat(next.get("seats").intValue()).isEqualTo(5);
    assertThat(next.get("candidates")).hasSize(7);
  }

  /** G8: direct election, turnout 1520 of 3000, threshold > 760. */
  @Test
  void g8DirectElection() {
    JsonNode root = tally("tally-g8-npc-direct.json");
    assertThat(strings(root.get("elected"))).containsExactly("A", "B");
    assertThat(codes(root).get(0)).isEqualTo("NPC.TURNOUT.HALF");
    // only A (1100) and B (790) exceed 760: no ranking step is needed
    assertThat(codes(root))
        .containsExactly(
            "NPC.TURNOUT.HALF",
            "ROUND.BALLOTS.RETURNED_LE_ISSUED",
            "TALLY.SUM.BALLOTS",
            "TALLY.SUM.CANDIDATE",
            "NPC.THRESHOLD.HALF_VOTED",
            "NPC.THRESHOLD.HALF_VOTED",
            "NPC.THRESHOLD.HALF_VOTED",
            "NPC.THRESHOLD.HALF_VOTED",
            "NPC.THRESHOLD.HALF_VOTED");
    assertThat(root.get("trail").get(0).get("explanationZh").asString())
        .contains("1520")
        .contains("3000");
    JsonNode writeIn = root.get("ranking").get(4);
    assertThat(writeIn.get("id").asString()).isEqualTo("郑五");
    assertThat(writeIn.get("writeIn").booleanValue()).isTrue();
    assertThat(writeIn.get("yes").longValue()).isEqualTo(12);
  }

  /** G9: A elected, 另行选举 between B and C; its fragment plus the G9 counts elects B. */
  @Test
  void g9FurtherRoundRoundTrip(@TempDir Path dir) throws IOException {
    JsonNode first = tally("tally-g9-npc-direct-shortfall.json");
    assertThat(strings(first.get("elected"))).containsExactly("A");
    JsonNode f = first.get("outcomes").get(1);
    assertThat(f.get("type").asString()).isEqualTo("FURTHER_ROUND_NEEDED");
    assertThat(strings(f.get("candidateIds"))).containsExactly("B", "C");
    assertThat(f.get("reduceSeatsAllowed").booleanValue()).isFalse();

    ObjectNode next = (ObjectNode) first.get("nextRound");
    ObjectNode el = (ObjectNode) next.get("electorate");
    el.put("ballotsIssued", 1400);
    el.put("ballotsReturned", 1400);
    ObjectNode counts = next.putObject("counts");
    counts.put("valid", 1300);
    counts.put("invalid", 100);
    ObjectNode cs = counts.putObject("candidates");
    cs.putObject("B").put("yes", 600).put("no", 300).put("abstain", 400);
    cs.putObject("C").put("yes", 520).put("no", 300).put("abstain", 480);
    Path file = dir.resolve("further.json");
    Files.writeString(file, Json.pretty(next), StandardCharsets.UTF_8);
    Run r = run("tally", file.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(strings(root.get("elected"))).containsExactly("B");
    assertThat(codes(root).get(0)).isEqualTo("COUNT.FURTHER_ROUND.NO_TURNOUT");
    assertThat(codes(root)).contains("NPC.FURTHER_ROUND.ONE_THIRD");
    assertThat(root.get("trail").get(4).get("explanationZh").asString())
        .isEqualTo("候选人林二得票600票，不少于选票1400张的三分之一（至少467票），当选");
    assertThat(root.get("trail"))
        .isEqualTo(tally("tally-g9-npc-direct-further-round.json").get("trail"));

    JsonNode vacancy = tally("tally-g9-npc-direct-vacancy.json");
    assertThat(types(vacancy)).containsExactly("VACANCY");
    assertThat(vacancy.get("final").booleanValue()).isTrue();
    assertThat(codes(vacancy)).endsWith("COUNT.SHORTFALL.VACANCY");
  }

  // ------------------------------------------------------------------------------ bad input

  private static final String CANDS =
      "\"candidates\": [{\"id\": \"A\", \"name\": \"张三\"}, {\"id\": \"B\"}, {\"id\": \"C\"}]";
  private static final String PARTY_EL =
      "\"electorate\": {\"expected\": 10, \"present\": 9, \"ballotsIssued\": 9,"
          + " \"ballotsReturned\": 9}";
  private static final String COUNTS =
      "\"counts\": {\"valid\": 9, \"invalid\": 0, \"candidates\": {\"A\": {\"yes\": 8, \"no\": 1},"
          + " \"B\": {\"yes\": 6, \"abstain\": 3}, \"C\": {\"yes\": 1, \"no\": 8}}}";

  private static String round(String... parts) {
    List<String> all = new ArrayList<>(List.of("\"formatVersion\": 1"));
    all.addAll(List.of(parts));
    return "{" + String.join(", ", all) + "}";
  }

  private static String ok(String... extra) {
    List<String> all = new ArrayList<>();
    all.add("\"profile\": \"PARTY_GRASSROOTS\"");
    all.add("\"seats\": 2");
    all.add(CANDS);
    all.add(PARTY_EL);
    all.addAll(List.of(extra));
    return round(all.toArray(String[]::new));
  }

  private static Run file(Path dir, String text) throws IOException {
    Path f = dir.resolve("round.json");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return run("tally", f.toString());
  }

  @Test
  void validBaseCaseOfTheBadInputTests(@TempDir Path dir) throws IOException {
    Run r = file(dir, ok(COUNTS));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(strings(json(r.out()).get("elected"))).containsExactly("A", "B");
  }

  @Test
  void badInputExitsTwoWithOneLineNamingTheField(@TempDir Path dir) throws IOException {
    assertBad(run("tally"), "FILE");
    assertBad(run("tally", "a.json", "b.json"), "FILE");
    assertBad(run("tally", dir.resolve("none.json").toString()), "FILE");
    assertBad(run("tally", "x.json", "--json"), "--json");
    // malformed JSON: the file name, with line and column
    Run malformed = file(dir, "{\"formatVersion\": 1,\n  \"seats\": 5,,\n}");
    assertBad(malformed, "round.json");
    assertThat(malformed.err()).contains("第2行第");
    assertBad(file(dir, "[1]"), "(根)");
    assertBad(
        file(dir, ok(COUNTS).replace("\"formatVersion\": 1", "\"formatVersion\": 2")),
        "formatVersion");
    assertBad(file(dir, ok(COUNTS).replace("\"formatVersion\": 1, ", "")), "formatVersion");
    // unknown profile, unknown override, override without reason
    assertBad(file(dir, ok(COUNTS).replace("PARTY_GRASSROOTS", "PARTY_X")), "profile");
    assertBad(
        file(dir, ok(COUNTS, "\"overrides\": {\"nope\": \"1\"}, \"overrideReason\": \"r\"")),
        "overrides.nope");
    assertBad(
        file(
            dir,
            ok(COUNTS, "\"overrides\": {\"quorumRatio\": \"x/y\"}, \"overrideReason\": \"r\"")),
        "overrides.quorumRatio");
    assertBad(
        file(dir, ok(COUNTS, "\"overrides\": {\"quorumAllowExact\": \"true\"}")), "overrideReason");
    // candidates
    assertBad(
        file(dir, ok(COUNTS).replace("{\"id\": \"C\"}", "{\"id\": \"B\"}")), "candidates[2].id");
    assertBad(
        file(dir, ok(COUNTS).replace("{\"id\": \"B\"}", "{\"nmae\": \"B\"}")),
        "candidates[1].nmae");
    assertBad(
        file(dir, ok(COUNTS).replace("{\"id\": \"B\"}", "{\"name\": \"B\"}")), "candidates[1].id");
    // seats
    assertBad(file(dir, ok(COUNTS).replace("\"seats\": 2", "\"seats\": 0")), "seats");
    assertBad(file(dir, ok(COUNTS).replace("\"seats\": 2", "\"seats\": \"two\"")), "seats");
    assertBad(file(dir, ok(COUNTS).replace("\"seats\": 2, ", "")), "seats");
    // unknown fields
    assertBad(file(dir, ok(COUNTS, "\"electorat\": {}")), "electorat");
    assertBad(file(dir, ok(COUNTS).replace("\"present\"", "\"presnt\"")), "electorate.presnt");
    assertBad(
        file(dir, ok(COUNTS.replace("\"abstain\": 3", "\"abstian\": 3"))),
        "counts.candidates.B.abstian");
    assertBad(file(dir, ok(COUNTS.replace("\"invalid\"", "\"invalids\""))), "counts.invalids");
    // electorate fields the profile needs
    assertBad(file(dir, ok(COUNTS).replace("\"present\": 9, ", "")), "electorate.present");
    assertBad(
        file(
            dir,
            round(
                "\"profile\": \"PEOPLES_CONGRESS_DIRECT\"",
                "\"seats\": 2",
                CANDS,
                PARTY_EL,
                COUNTS)),
        "electorate.registered");
    assertBad(
        file(dir, ok(COUNTS).replace("\"ballotsIssued\": 9", "\"ballotsIssued\": -1")),
        "electorate.ballotsIssued");
    assertBad(file(dir, ok(COUNTS, "\"meeting\": \"COUNCIL\"")), "meeting");
    assertBad(file(dir, ok(COUNTS, "\"roundKind\": \"SECOND\"")), "roundKind");
    // counts: unknown candidate, negative, inconsistent, write-ins
    assertBad(file(dir, ok(COUNTS.replace("\"C\": {", "\"Z\": {"))), "counts.candidates.Z");
    assertBad(
        file(dir, ok(COUNTS.replace(", \"C\": {\"yes\": 1, \"no\": 8}", ""))),
        "counts.candidates.C");
    assertBad(
        file(dir, ok(COUNTS.replace("\"yes\": 8", "\"yes\": -8"))), "counts.candidates.A.yes");
    assertBad(file(dir, ok(COUNTS.replace("\"valid\": 9", "\"valid\": -9"))), "counts.valid");
    Run sum = file(dir, ok(COUNTS.replace("\"yes\": 6", "\"yes\": 5")));
    assertBad(sum, "counts.candidates.B");
    assertThat(sum.err()).contains("之和8不等于有效票数9").contains("TALLY.SUM.CANDIDATE");
    assertBad(
        file(dir, ok(COUNTS.replace("}}}", "}}, \"writeIns\": {\"王某\": 10}}"))),
        "counts.writeIns.王某");
    // valid + invalid must equal the ballots returned
    assertBad(
        file(dir, ok(COUNTS.replace("\"invalid\": 0", "\"invalid\": 1"))),
        "electorate.ballotsReturned");
    // ballots and counts together; none at all
    assertBad(file(dir, ok(COUNTS, "\"ballots\": [\"YYN\"]")), "counts");
    assertBad(file(dir, ok()), "ballots");
    assertBad(file(dir, ok("\"ballots\": [\"YYN\"]", "\"ballotsFile\": \"b.csv\"")), "ballotsFile");
    // marks strings
    List<String> ballots = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ballots.add("\"YYN\"");
    }
    ballots.add("{\"marks\": \"YYNA\"}");
    Run length = file(dir, ok("\"ballots\": [" + String.join(", ", ballots) + "]"));
    assertBad(length, "ballots[12].marks");
    assertThat(length.err()).contains("选票符号有4个").contains("候选人有3名");
    assertBad(file(dir, ok("\"ballots\": [\"YYN\", \"YZN\"]")), "ballots[1].marks");
    assertThat(file(dir, ok("\"ballots\": [\"YYN\", \"YZN\"]")).err()).contains("'Z'");
    assertBad(file(dir, ok("\"ballots\": [\"YY\"]")), "ballots[0].marks");
    assertBad(
        file(
            dir,
            ok(
                "\"ballots\": [{\"marks\": \"YNA\", \"writeIns\": [{\"name\": \"王\", \"mark\": \"Q\"}]}]")),
        "ballots[0].writeIns[0].mark");
    assertBad(file(dir, ok("\"ballots\": [{\"marks\": \"YNA\", \"x\": 1}]")), "ballots[0].x");
    // ballots file
    assertBad(file(dir, ok("\"ballotsFile\": \"missing.csv\"")), "ballotsFile");
    Files.writeString(dir.resolve("b.csv"), "marks\nYYN\nYNA\nYYNN\n", StandardCharsets.UTF_8);
    assertBad(file(dir, ok("\"ballotsFile\": \"b.csv\"")), "b.csv:4");
    Files.writeString(dir.resolve("c.csv"), "YYN\n# comment\nY!N\n", StandardCharsets.UTF_8);
    assertBad(file(dir, ok("\"ballotsFile\": \"c.csv\"")), "c.csv:3");
    // rulings
    assertBad(file(dir, ok(COUNTS, "\"rulings\": {\"0\": \"YYN\"}")), "rulings");
    assertBad(
        file(dir, ok("\"ballots\": [\"Y?N\"]", "\"rulings\": {\"3\": \"YYN\"}")), "rulings.3");
    assertBad(
        file(dir, ok("\"ballots\": [\"Y?N\"]", "\"rulings\": {\"0\": \"YY\"}")), "rulings.0.marks");
    assertBad(
        file(dir, ok("\"ballots\": [\"Y?N\"]", "\"rulings\": {\"a\": \"YYN\"}")), "rulings.a");
    // a tie re-vote has no write-ins and needs more candidates than seats
    assertBad(
        file(
            dir,
            ok(
                COUNTS.replace("}}}", "}}, \"writeIns\": {\"王某\": 1}}"),
                "\"roundKind\": \"TIE_REVOTE\"")),
        "counts.writeIns");
    assertBad(
        file(
            dir,
            ok(COUNTS, "\"roundKind\": \"TIE_REVOTE\"").replace("\"seats\": 2", "\"seats\": 3")),
        "candidates");
    assertBad(
        file(dir, ok(COUNTS, "\"roundKind\": \"FURTHER\"", "\"furtherRound\": 0")), "furtherRound");
  }

  @Test
  void csvReaderAcceptsHeaderCommentsBomQuotesAndWriteIns(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("b.csv"),
        "\uFEFF# box 1\r\nMARKS,writeIns\r\n\r\nYNA, \"王某:Y\"\r\n○×-,赵某\r\nY?A\r\nAAA,!\r\n",
        StandardCharsets.UTF_8);
    Run r =
        file(
            dir,
            ok("\"ballotsFile\": \"b.csv\"")
                .replace("\"present\": 9", "\"present\": 4")
                .replace("\"ballotsIssued\": 9", "\"ballotsIssued\": 4")
                .replace("\"ballotsReturned\": 9", "\"ballotsReturned\": 4")
                .replace("\"expected\": 10", "\"expected\": 4"));
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode b = json(r.out()).get("ballots");
    // ballot 1: write-in without a mark voids the ballot (party rule); 3: identifying mark
    assertThat(b.get("valid").longValue()).isEqualTo(1);
    assertThat(b.get("invalid").longValue()).isEqualTo(2);
    assertThat(b.get("reviewIndexes").get(0).intValue()).isEqualTo(2);
  }
}
