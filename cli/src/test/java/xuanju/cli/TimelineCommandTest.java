package xuanju.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TimelineCommandTest {
  /** Maven runs tests with the module folder as working directory. */
  static final Path EXAMPLES = Path.of("../docs/examples");

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static JsonNode milestone(JsonNode root, String id) {
    for (JsonNode m : root.get("milestones")) {
      if (m.get("id").asString().equals(id)) {
        return m;
      }
    }
    throw new AssertionError("no milestone " + id);
  }

  private static List<String> codes(JsonNode root) {
    List<String> out = new ArrayList<>();
    root.get("findings").forEach(f -> out.add(f.get("code").asString()));
    return out;
  }

  @Test
  void registeredAndListedInHelp() {
    Run r = run("help");
    assertThat(r.out()).contains("timeline").contains("quota");
    assertThat(run("help", "timeline").out()).contains("NPC_DIRECT").contains("--working-days");
  }

  /** legal-rules.md G14 through the command line, as a Chinese table. */
  @Test
  void g14Table() {
    Run r = run("timeline", "--type", "NPC_DIRECT", "--date", "2026-11-20");
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("选举日 2026-11-20")
        .contains("2026-10-31前")
        .contains("2026-11-01至2026-11-05")
        .contains("2026-11-15前")
        .contains("2026-11-13前")
        .contains("NPC.DEADLINE.FORMAL_LIST_D7")
        .contains("第三十二条")
        .contains("SCHEDULE.HOLIDAY.EXTENDED");
    // ordered by date: the voter list comes before the formal list
    assertThat(r.out().indexOf("公布选民名单")).isLessThan(r.out().indexOf("公布正式代表候选人名单"));
  }

  @Test
  void g14Json() {
    Run r = run("timeline", "--type", "npc_direct", "--date", "2026-11-20", "--json");
    assertThat(r.status()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("type").asString()).isEqualTo("NPC_DIRECT");
    assertThat(milestone(root, "voterList").get("to").asString()).isEqualTo("2026-10-31");
    assertThat(milestone(root, "objections").get("to").asString()).isEqualTo("2026-11-05");
    assertThat(milestone(root, "court").get("to").asString()).isEqualTo("2026-11-15");
    assertThat(milestone(root, "candidateList").get("to").asString()).isEqualTo("2026-11-05");
    assertThat(milestone(root, "formalList").get("to").asString()).isEqualTo("2026-11-13");
    assertThat(milestone(root, "voterList").get("citation").get("article").asString())
        .isEqualTo("第二十八条");
    assertThat(milestone(root, "voterList").get("from").isNull()).isTrue();
    assertThat(root.get("settings").get("forwardPeriods").asString()).isEqualTo("NEXT_WORKDAY");
  }

  @Test
  void shiftSettingsFromTheCommandLine() {
    JsonNode root =
        json(
            run(
                    "timeline",
                    "--type",
                    "NPC_DIRECT",
                    "--date",
                    "2026-11-20",
                    "--json",
                    "--forward-shift",
                    "none",
                    "--fixed-shift",
                    "next")
                .out());
    // fixed "next": voter list D-20 = Saturday 10-31 -> Monday 11-02, court Sunday 11-15 -> 11-16
    assertThat(milestone(root, "voterList").get("to").asString()).isEqualTo("2026-11-02");
    assertThat(milestone(root, "court").get("to").asString()).isEqualTo("2026-11-16");
    // forward "none": objections 11-03..11-07 and the decision on 11-10, not moved
    assertThat(milestone(root, "objections").get("to").asString()).isEqualTo("2026-11-07");
    assertThat(milestone(root, "objectionDecision").get("to").asString()).isEqualTo("2026-11-10");
  }

  @Test
  void workingDayPublicityForPartyBranch() {
    JsonNode root =
        json(
            run(
                    "timeline",
                    "--type",
                    "PARTY_BRANCH",
                    "--date",
                    "2026-10-09",
                    "--working-days",
                    "--json")
                .out());
    assertThat(root.get("settings").get("publicityUnit").asString()).isEqualTo("WORKING_DAYS");
    assertThat(milestone(root, "preliminaryCandidatesPublicity").get("from").asString())
        .isEqualTo("2026-09-23");
  }

  /** 2027 is unknown to tyme4j; the example operator calendar in docs/examples fills it in. */
  @Test
  void exampleCalendarExtends2027() {
    Run bare = run("timeline", "--type", "NPC_DIRECT", "--date", "2027-11-19", "--json");
    assertThat(bare.status()).isZero();
    assertThat(codes(json(bare.out()))).contains("SCHEDULE.CALENDAR.YEAR_UNKNOWN");

    Path cal = EXAMPLES.resolve("timeline-calendar-2027.csv");
    assertThat(cal).exists();
    Run ext =
        run(
            "timeline",
            "--type",
            "NPC_DIRECT",
            "--date",
            "2027-11-19",
            "--calendar",
            cal.toString(),
            "--json");
    assertThat(ext.status()).isZero();
    assertThat(codes(json(ext.out()))).doesNotContain("SCHEDULE.CALENDAR.YEAR_UNKNOWN");

    // National Day 2027 per the example file: objections from a list published 09-27 end 10-02,
    // a holiday, and run to the first working day after it
    JsonNode village =
        json(
            run(
                    "timeline",
                    "--type",
                    "VILLAGE_COMMITTEE",
                    "--date",
                    "2027-10-17",
                    "--calendar",
                    cal.toString(),
                    "--json")
                .out());
    assertThat(milestone(village, "voterList").get("to").asString()).isEqualTo("2027-09-27");
    assertThat(milestone(village, "objections").get("to").asString()).isEqualTo("2027-10-08");
  }

  @Test
  void lateActualDateExitsThree() {
    Run r =
        run(
            "timeline",
            "--type",
            "NPC_DIRECT",
            "--date",
            "2026-11-20",
            "--actual",
            "voterList=2026-11-02");
    assertThat(r.status()).isEqualTo(TimelineCommand.EXIT_MISSED);
    assertThat(r.out()).contains("逾期").contains("晚2日").contains("实际");
    Run ok =
        run(
            "timeline",
            "--type",
            "NPC_DIRECT",
            "--date",
            "2026-11-20",
            "--actual",
            "voterList=2026-10-30");
    assertThat(ok.status()).isZero();
    assertThat(ok.out()).contains("按期");
  }

  @Test
  void badInputExitsTwoWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
    assertBad(run("timeline", "--date", "2026-11-20"), "--type");
    assertBad(run("timeline", "--type", "NOPE", "--date", "2026-11-20"), "--type");
    assertBad(run("timeline", "--type", "NPC_DIRECT"), "--date");
    assertBad(run("timeline", "--type", "NPC_DIRECT", "--date", "2026-02-30"), "--date");
    assertBad(run("timeline", "--type", "NPC_DIRECT", "--date"), "--date");
    assertBad(run("timeline", "--type", "NPC_DIRECT", "--date", "2026-11-20", "--x"), "--x");
    assertBad(
        run(
            "timeline",
            "--type",
            "NPC_DIRECT",
            "--date",
            "2026-11-20",
            "--actual",
            "nope=2026-01-01"),
        "--actual nope");
    assertBad(
        run("timeline", "--type", "NPC_DIRECT", "--date", "2026-11-20", "--actual", "voterList"),
        "--actual");
    assertBad(
        run("timeline", "--type", "NPC_DIRECT", "--date", "2026-11-20", "--forward-shift", "later"),
        "--forward-shift");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "2027-01-01,休,元旦\n2027-13-01,休,错误\n", StandardCharsets.UTF_8);
    assertBad(
        run(
            "timeline",
            "--type",
            "NPC_DIRECT",
            "--date",
            "2027-11-19",
            "--calendar",
            bad.toString()),
        "calendar[2]");
    assertBad(
        run(
            "timeline",
            "--type",
            "NPC_DIRECT",
            "--date",
            "2027-11-19",
            "--calendar",
            dir.resolve("missing.csv").toString()),
        "--calendar");
  }

  static void assertBad(Run r, String field) {
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("错误：字段 " + field + "：");
  }
}
