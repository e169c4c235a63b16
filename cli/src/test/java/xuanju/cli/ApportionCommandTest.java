package xuanju.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.cli.TimelineCommandTest.EXAMPLES;
import static xuanju.cli.TimelineCommandTest.assertBad;
import static xuanju.cli.TimelineCommandTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.cli.TimelineCommandTest.Run;

class ApportionCommandTest {
  static final String PROPOSAL = "apportion-town-proposal.json";
  static final String MANUAL = "apportion-township-manual.json";

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static Run example(String name, String... more) {
    Path file = EXAMPLES.resolve(name);
    assertThat(file).exists();
    List<String> args = new ArrayList<>(List.of("apportion", file.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static List<String> codes(JsonNode root) {
    List<String> codes = new ArrayList<>();
    root.get("findings").forEach(f -> codes.add(f.get("code").asString()));
    return codes;
  }

  /** 10,950 people: 45 + ⌊10,950 ÷ 1,500⌋ = 45 + 7 = 52 seats for 21 districts. */
  @Test
  void proposalExampleAsText() {
    Run r = example(PROPOSAL);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("示例镇（镇）人民代表大会代表名额与选区划分\n人口10,950人，选区21个\n")
        .contains("  基数45名 + 人口10,950÷1,500取整7名 = 52名；未超过160名\n")
        .contains("  平均每一代表所代表的人口：10,950÷52 = 210.6人；偏离幅度上限：20%（本地方案）\n")
        .contains("  第十九选区（按生产单位、事业单位、工作单位划分；联合选区：镇机关、镇中心学校、镇卫生院）\n")
        // 300 people, 2 seats: (300×52 − 10,950×2) ÷ (10,950×2) = −6,300 ÷ 21,900 = −28.8 %
        .contains("    人口300人，应选2名（建议），每一代表所代表的人口150.0人，比平均数少28.8%（超过20%）\n")
        .contains("  合计：21个选区，人口10,950人，名额52名（代表总名额52名）\n")
        .contains("最大偏离：28.8%；按现有选区划分，任何分配方案的最大偏离都不小于28.8%")
        .contains("第二十六条")
        .endsWith("结论：符合法定要求；有1项警告，请核对并说明理由。\n");
    // no rule codes or English in the report
    assertThat(r.out()).doesNotContain("NPC.", "RESIDENCE", "WORKPLACE");
  }

  @Test
  void proposalExampleAsJson() {
    Run r = example(PROPOSAL, "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("totalSeats").get("computed").intValue()).isEqualTo(52);
    assertThat(root.get("totalSeats").get("total").intValue()).isEqualTo(52);
    assertThat(root.get("totalSeats").get("citation").get("article").asString())
        .isEqualTo("第十二条第一款第四项、第二款");
    assertThat(root.get("proposed").booleanValue()).isTrue();
    assertThat(root.get("seatsSum").intValue()).isEqualTo(52);
    int sum = 0;
    for (JsonNode d : root.get("districts")) {
      int s = d.get("seats").intValue();
      assertThat(s).isBetween(1, 3);
      assertThat(d.get("seatsProposed").booleanValue()).isTrue();
      sum += s;
    }
    assertThat(sum).isEqualTo(52);
    JsonNode nineteen = root.get("districts").get(18);
    assertThat(nineteen.get("basis").asString()).isEqualTo("WORKPLACE");
    assertThat(nineteen.get("joint").booleanValue()).isTrue();
    assertThat(nineteen.get("deviationPercent").decimalValue()).isEqualByComparingTo("-28.8");
    assertThat(nineteen.get("deviation").get("numerator").longValue()).isEqualTo(-6_300);
    assertThat(nineteen.get("deviation").get("denominator").longValue()).isEqualTo(21_900);
    assertThat(root.get("proposal").get("bottleneck").asString()).isEqualTo("第十九选区");
    assertThat(root.get("bestMaxDeviationPercent").decimalValue()).isEqualByComparingTo("28.8");
    assertThat(codes(root))
        .containsExactly("NPC.DISTRICT.DEVIATION_LIMIT", "NPC.DISTRICT.PROPOSAL");
    assertThat(root.get("findings").get(0).get("fields").get(0).asString())
        .isEqualTo("districts[18].seats");
    assertThat(root.get("ok").booleanValue()).isTrue();
  }

  @Test
  void manualExampleWithFourSeatsExitsThree() {
    Run r = example(MANUAL);
    assertThat(r.status()).isEqualTo(ApportionCommand.EXIT_ERRORS);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("县级人大常委会决定代表总名额30名（某县人大常委会关于示例乡第十八届人民代表大会代表名额的决定（示例）），与按人口计算的46名不同，按决定的30名分配")
        .contains("    · 第二选区应选4名代表，不符合每一选区选一名至三名代表的规定（《全国人民代表大会和地方各级人民代表大会选举法（2020）》第二十五条第二款）\n")
        .contains("    人口250人，应选4名，每一代表所代表的人口62.5人，比平均数多0.8%（不在一至三名之间）\n")
        // 250 people can have at most 3 seats: 250/3 = 83.3 per deputy, +34.4 % against 62.0
        .contains("任何分配方案的最大偏离都不小于34.4%")
        .endsWith("结论：有1项错误，须改正后再确定选区名额。\n");
    Run j = example(MANUAL, "--json");
    assertThat(j.status()).isEqualTo(3);
    JsonNode root = json(j.out());
    assertThat(root.get("totalSeats").get("decided").intValue()).isEqualTo(30);
    assertThat(root.get("totalSeats").get("computed").intValue()).isEqualTo(46);
    assertThat(root.get("totalSeats").get("lowerBound").intValue()).isEqualTo(1);
    assertThat(root.get("proposed").booleanValue()).isFalse();
    assertThat(root.get("proposal").isNull()).isTrue();
    assertThat(codes(root))
        .containsExactly(
            "NPC.DISTRICT.SEATS_1_TO_3",
            "NPC.DISTRICT.DEVIATION_LIMIT",
            "NPC.DISTRICT.DEVIATION_LIMIT",
            "NPC.TOWN_SEATS.DECIDED");
    assertThat(root.get("findings").get(0).get("fields").get(0).asString())
        .isEqualTo("districts[1].seats");
    assertThat(root.get("findings").get(0).get("facts").get("district").asString())
        .isEqualTo("第二选区");
    assertThat(root.get("ok").booleanValue()).isFalse();
  }

  @Test
  void committeeChangesTheProposalAndTheChecksRunAgain(@TempDir Path dir) throws Exception {
    // the proposal, then the committee moves a seat from district 1 (612 → 2 seats) to district 4
    JsonNode proposed = json(example(PROPOSAL, "--json").out());
    String original = Files.readString(EXAMPLES.resolve(PROPOSAL), StandardCharsets.UTF_8);
    tools.jackson.databind.node.ObjectNode in =
        (tools.jackson.databind.node.ObjectNode) json(original);
    for (int i = 0; i < in.get("districts").size(); i++) {
      int s = proposed.get("districts").get(i).get("seats").intValue();
      if (i == 0) {
        s--;
      } else if (i == 3) {
        s++;
      }
      ((tools.jackson.databind.node.ObjectNode) in.get("districts").get(i)).put("seats", s);
    }
    Path f = dir.resolve("changed.json");
    Files.writeString(f, in.toString(), StandardCharsets.UTF_8);
    Run r = run("apportion", f.toString(), "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("proposed").booleanValue()).isFalse();
    // 612 with 2 seats: (612×52 − 10,950×2) ÷ 21,900 = +45.3 %; 236 with 2 seats: −44.0 %
    assertThat(root.get("districts").get(0).get("deviationPercent").decimalValue())
        .isEqualByComparingTo("45.3");
    assertThat(root.get("districts").get(3).get("deviationPercent").decimalValue())
        .isEqualByComparingTo("-44.0");
    assertThat(root.get("maxDeviationPercent").decimalValue()).isEqualByComparingTo("45.3");
    assertThat(root.get("bestMaxDeviationPercent").decimalValue()).isEqualByComparingTo("28.8");
    assertThat(codes(root)).containsOnly("NPC.DISTRICT.DEVIATION_LIMIT");
    assertThat(codes(root)).hasSize(3);
  }

  @Test
  void decidedTotalAboveTheLawWarnsAndTheProposalUsesIt(@TempDir Path dir) throws Exception {
    Run r =
        run(
            "apportion",
            file(
                    dir,
                    """
                    {"population": 3000, "townKind": "镇",
                     "decidedTotal": {"seats": 6, "document": "某决定"}, "maxDeviation": "1/2",
                     "districts": [{"name": "甲", "units": ["甲村"], "population": 2000},
                                   {"name": "乙", "units": ["乙村"], "population": 1000}]}
                    """)
                .toString(),
            "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("totalSeats").get("computed").intValue()).isEqualTo(47);
    assertThat(root.get("totalSeats").get("total").intValue()).isEqualTo(6);
    assertThat(root.get("districts").get(0).get("seats").intValue()).isEqualTo(3);
    assertThat(root.get("districts").get(1).get("seats").intValue()).isEqualTo(3);
    assertThat(root.get("maxDeviationLimit").asString()).isEqualTo("50%");
    // 2,000 ÷ 3 = 666.7 against 3,000 ÷ 6 = 500: +33.3 %, within the file's limit of 1/2
    assertThat(root.get("districts").get(0).get("deviationPercent").decimalValue())
        .isEqualByComparingTo("33.3");
    assertThat(codes(root))
        .containsExactly(
            "NPC.TOWN_SEATS.DECIDED_OUT_OF_RANGE",
            "NPC.DISTRICT.PROPOSAL",
            "NPC.TOWN_SEATS.DECIDED");
  }

  private static Path file(Path dir, String text) throws Exception {
    Path f = Files.createTempFile(dir, "a", ".json");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static Run bad(Path dir, String text) throws Exception {
    return run("apportion", file(dir, text).toString());
  }

  private static final String D1 = "{\"name\": \"一\", \"units\": [\"甲村\"], \"population\": 700}";

  @Test
  void badInputExitsTwoWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
    assertBad(run("apportion"), "FILE");
    assertBad(run("apportion", "a.json", "b.json"), "FILE");
    assertBad(run("apportion", "a.json", "--text"), "--text");
    assertBad(run("apportion", dir.resolve("none.json").toString()), "FILE");
    Path broken = file(dir, "{\"population\": ");
    assertBad(run("apportion", broken.toString()), broken.toString());
    assertBad(bad(dir, "[1]"), "(根)");
    assertBad(bad(dir, "{\"districts\": [" + D1 + "]}"), "population");
    assertBad(bad(dir, "{\"population\": \"5000\", \"districts\": [" + D1 + "]}"), "population");
    assertBad(bad(dir, "{\"population\": 0, \"districts\": [" + D1 + "]}"), "population");
    assertBad(
        bad(dir, "{\"population\": 5000, \"popluation\": 1, \"districts\": []}"), "popluation");
    assertBad(bad(dir, "{\"population\": 5000}"), "districts");
    assertBad(bad(dir, "{\"population\": 5000, \"districts\": []}"), "districts");
    assertBad(
        bad(dir, "{\"population\": 5000, \"townKind\": \"县\", \"districts\": [" + D1 + "]}"),
        "townKind");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"decidedTotal\": {\"seats\": 50}, \"districts\": ["
                + D1
                + "]}"),
        "decidedTotal.document");
    assertBad(
        bad(dir, "{\"population\": 5000, \"decidedTotal\": 50, \"districts\": [" + D1 + "]}"),
        "decidedTotal");
    assertBad(
        bad(dir, "{\"population\": 5000, \"maxDeviation\": \"0%\", \"districts\": [" + D1 + "]}"),
        "maxDeviation");
    assertBad(
        bad(dir, "{\"population\": 5000, \"maxDeviation\": \"abc\", \"districts\": [" + D1 + "]}"),
        "maxDeviation");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"districts\": ["
                + D1
                + ", {\"name\": \"二\", \"units\": [\"乙村\"], \"population\": \"很多\"}]}"),
        "districts[1].population");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"districts\": [{\"name\": \"二\", \"units\": [], \"population\": 5}]}"),
        "districts[0].units");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"districts\": [{\"name\": \"二\", \"units\": [\"乙村\", \"乙村\"], \"population\": 5}]}"),
        "districts[0].units[1]");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"districts\": [{\"name\": \"二\", \"units\": [\"乙村\"], \"population\": 5, \"seats\": -1}]}"),
        "districts[0].seats");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"districts\": [{\"name\": \"二\", \"basis\": \"农村\", \"units\": [\"乙村\"], \"population\": 5}]}"),
        "districts[0].basis");
    assertBad(
        bad(
            dir,
            "{\"population\": 5000, \"districts\": [" + D1 + ", " + D1.replace("700", "50") + "]}"),
        "districts[1].name");
  }

  /** 5,000 people → 48 seats; 6 districts can take at most 18: the proposal is impossible. */
  @Test
  void infeasibleProposalIsAChineseErrorNamingTheDistricts(@TempDir Path dir) throws Exception {
    StringBuilder ds = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      ds.append(i == 0 ? "" : ", ")
          .append("{\"name\": \"第")
          .append(i + 1)
          .append("选区\", \"units\": [\"村")
          .append(i)
          .append("\"], \"population\": 833}");
    }
    Run r = bad(dir, "{\"population\": 5000, \"districts\": [" + ds + "]}");
    assertBad(r, "districts");
    assertThat(r.err()).contains("代表总名额48名无法分配给6个选区", "每一选区选一名至三名代表（选举法第二十五条）", "6个选区共可分配6至18名");
  }

  @Test
  void helpListsTheCommand() {
    Run r = run("help");
    assertThat(r.out()).contains("apportion", "计算乡镇人大代表总名额");
    assertThat(run("help", "apportion").out()).contains("docs/formats/apportion.md");
  }
}
