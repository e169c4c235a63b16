package xuanju.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.cli.TimelineCommandTest.EXAMPLES;
import static xuanju.cli.TimelineCommandTest.assertBad;
import static xuanju.cli.TimelineCommandTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.cli.TimelineCommandTest.Run;

class SlateCommandTest {
  private static final String DELEGATES = "slate-party-congress-delegates.json";
  private static final String INFEASIBLE = "slate-party-congress-infeasible.json";

  @TempDir Path dir;

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static String example(String name) {
    Path file = EXAMPLES.resolve(name);
    assertThat(file).exists();
    return file.toString();
  }

  private Path file(String text) throws Exception {
    Path f = dir.resolve("slate.json");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  /** One person of the given tags; the rest of a valid file around it. */
  private Run one(String person, String extra) throws Exception {
    return run(
        "slate",
        file("{\"seats\": 1, \"quotaSet\": \"PARTY_CONGRESS_DELEGATES\", \"referenceDate\":"
                + " \"2019-04-10\","
                + extra
                + " \"people\": ["
                + person
                + "]}")
            .toString());
  }

  @Test
  void exampleProposesSixteenWithTheLocksAndEveryQuotaMet() {
    Run r = run("slate", example(DELEGATES), "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("status").asString()).isEqualTo("OPTIMAL");
    JsonNode slate = root.get("slate");
    assertThat(slate).hasSize(16);
    List<String> ids = new ArrayList<>();
    long total = 0;
    for (JsonNode n : slate) {
      ids.add(n.get("id").asString());
      total += n.get("support").longValue();
    }
    assertThat(ids).contains("r03", "r20").doesNotHaveDuplicates();
    assertThat(root.get("totalSupport").longValue()).isEqualTo(total);
    assertThat(root.get("quota"))
        .hasSize(8)
        .allSatisfy(q -> assertThat(q.get("met").booleanValue()).isTrue());
    // the slate, counted here from the input file, meets the 003 numbers
    JsonNode people = json(read(EXAMPLES.resolve(DELEGATES))).get("people");
    Map<String, JsonNode> byId = new HashMap<>();
    people.forEach(p -> byId.put(p.get("id").asString(), p));
    long women = ids.stream().filter(i -> byId.get(i).get("gender").asString().equals("女")).count();
    long cadres = ids.stream().filter(i -> tags(byId.get(i)).contains("领导干部")).count();
    assertThat(women).isGreaterThanOrEqualTo(7);
    assertThat(cadres).isLessThanOrEqualTo(9);
  }

  @Test
  void exampleTableIsChinese() {
    Run r = run("slate", example(DELEGATES));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("代表人选建议名单（出席市党代会代表结构（003））")
        .contains("应选16名，推荐人选30名，已锁定2名")
        .contains("结果：已得出推荐票总数最高的名单")
        .contains("[符合] ST-14 女性至少7名");
    assertThat(r.out().lines().filter(l -> l.matches("^\\d+\\s+r\\d\\d.*"))).hasSize(16);
  }

  @Test
  void infeasibleExampleExplainsWithNumbers() {
    Run r = run("slate", example(INFEASIBLE), "--json");
    assertThat(r.status()).isEqualTo(SlateCommand.EXIT_NO_SLATE);
    JsonNode root = json(r.out());
    assertThat(root.get("status").asString()).isEqualTo("INFEASIBLE");
    assertThat(root.get("slate")).isEmpty();
    JsonNode f = root.get("findings").get(0);
    assertThat(f.get("code").asString()).isEqualTo("SLATE.QUOTA.SHORT");
    assertThat(f.get("messageZh").asString())
        .isEqualTo("女性至少7名，已锁定人选中有1名女性，除已锁定人选外仅剩5名女性，合计6名，还差1名");
    assertThat(f.get("citation").get("sourceId").asString()).isEqualTo("ST-14");
    Run table = run("slate", example(INFEASIBLE));
    assertThat(table.status()).isEqualTo(SlateCommand.EXIT_NO_SLATE);
    assertThat(table.out()).contains("结果：不存在符合全部结构要求的名单", "原因：", "SLATE.QUOTA.SHORT");
  }

  @Test
  void leadingCadreTaggedGrassrootsIsBadInput() throws Exception {
    Run r =
        one(
            "{\"id\": \"a\", \"name\": \"王五\", \"tags\": [\"领导干部\", \"基层一线\"], \"support\": 3}",
            "");
    assertBad(r, "people[0].tags");
    assertThat(r.err()).contains("SLATE.IDENTITY.CADRE_GRASSROOTS", "领导干部不得占用基层一线");
  }

  @Test
  void badFieldsAreNamed() throws Exception {
    String ok = "{\"id\": \"a\", \"support\": 3}";
    assertBad(one("{\"id\": \"a\", \"support\": -1}", ""), "people[0].support");
    assertBad(one("{\"id\": \"a\"}", ""), "people[0].support");
    assertBad(one("{\"id\": \"a\", \"support\": 3, \"votes\": 1}", ""), "people[0].votes");
    assertBad(one(ok, " \"locked\": [\"zz\"],"), "locked[0]");
    assertBad(one(ok, " \"locked\": [\"a\", \"a\"],"), "locked[1]");
    assertBad(one(ok, " \"timeLimitSeconds\": 0,"), "timeLimitSeconds");
    assertBad(
        run(
            "slate",
            file("{\"quotaSet\": \"PARTY_CONGRESS_DELEGATES\", \"people\": []}").toString()),
        "seats");
    assertBad(run("slate", example(DELEGATES), "--xml"), "--xml");
    assertBad(run("slate", dir.resolve("none.json").toString()), "FILE");
    assertBad(run("slate"), "FILE");
  }

  @Test
  void helpListsTheCommand() {
    assertThat(run("help").out()).contains("slate");
    assertThat(run("help", "slate").out()).contains("docs/formats/slate.md");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> tags(JsonNode p) {
    List<String> out = new ArrayList<>();
    p.get("tags").forEach(t -> out.add(t.asString()));
    return out;
  }
}
