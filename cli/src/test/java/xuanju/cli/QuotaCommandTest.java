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

class QuotaCommandTest {
  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static Run example(String name) {
    Path file = EXAMPLES.resolve(name);
    assertThat(file).exists();
    return run("quota", file.toString());
  }

  private static JsonNode result(JsonNode root, String id) {
    for (JsonNode r : root.get("results")) {
      if (r.get("id").asString().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no result " + id);
  }

  @Test
  void exampleValidDelegatesExitZero() {
    Run r = example("quota-party-congress-delegates.json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("allMet").booleanValue()).isTrue();
    assertThat(root.get("total").intValue()).isEqualTo(16);
    assertThat(root.get("results")).hasSize(8);
    assertThat(root.get("findings")).isEmpty();
    assertThat(result(root, "ST-16").get("actual").intValue()).isEqualTo(9);
    assertThat(result(root, "ST-14").get("requirementZh").asString()).isEqualTo("女性至少7名");
  }

  /** seed-rules.md ST-12/ST-13: 10 leaders + 6 grassroots. */
  @Test
  void exampleTenLeadersExitThree() {
    Run r = example("quota-party-congress-violation.json");
    assertThat(r.status()).isEqualTo(QuotaCommand.EXIT_NOT_MET);
    assertThat(r.err()).isEmpty();
    JsonNode root = json(r.out());
    assertThat(root.get("allMet").booleanValue()).isFalse();
    List<String> codes = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    root.get("findings")
        .forEach(
            f -> {
              codes.add(f.get("code").asString());
              messages.add(f.get("messageZh").asString());
            });
    assertThat(codes).containsExactly("QUOTA.TAG.MAX", "QUOTA.TAG.MIN", "QUOTA.TAG.MIN");
    assertThat(messages).contains("领导干部不超过9名，现有10名，超出1名", "基层一线至少7名，现有6名，还差1名");
    JsonNode st12 = result(root, "ST-12");
    assertThat(st12.get("excess").intValue()).isEqualTo(1);
    assertThat(st12.get("test").asString()).isEqualTo("count <= 9");
    // the finding cites the plan requirement, not only the generic rule
    assertThat(root.get("findings").get(0).get("citation").get("sourceId").asString())
        .isEqualTo("ST-12");
  }

  @Test
  void exampleInlineRequirements() {
    Run r = example("quota-residents-committee-inline.json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode root = json(r.out());
    assertThat(root.get("results")).hasSize(4);
    JsonNode party = result(root, "ST-04");
    assertThat(party.get("test").asString()).isEqualTo("count*2 > total*1");
    assertThat(party.get("actual").intValue()).isEqualTo(4);
    assertThat(party.get("bound").intValue()).isEqualTo(4);
    JsonNode local = result(root, "LOCAL-2");
    assertThat(local.get("ruleCode").asString()).isEqualTo("QUOTA.TAG.MIN");
    assertThat(local.get("requirement").get("share").asString()).isEqualTo("3/7");
    assertThat(local.get("citation").get("document").asString()).contains("大专以上比例高于上届");
  }

  @Test
  void womenShortfallAndMissingDataFromInlineFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("q.json");
    Files.writeString(
        f,
        """
        {"requirements": [{"id": "W", "attribute": "FEMALE", "comparison": "AT_LEAST", "count": 3}],
         "people": [{"id": "a", "gender": "女"}, {"id": "b", "gender": "男"}, {"id": "c"}]}
        """,
        StandardCharsets.UTF_8);
    Run r = run("quota", f.toString());
    assertThat(r.status()).isEqualTo(3);
    JsonNode root = json(r.out());
    assertThat(root.get("findings").get(0).get("messageZh").asString())
        .isEqualTo("女性至少3名，现有1名，还差2名");
    assertThat(root.get("findings").get(1).get("code").asString()).isEqualTo("QUOTA.DATA.MISSING");
    assertThat(root.get("findings").get(1).get("fields").get(0).asString())
        .isEqualTo("people[2].gender");
  }

  @Test
  void badInputExitsTwoWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
    assertBad(run("quota"), "FILE");
    assertBad(run("quota", "a.json", "b.json"), "FILE");
    assertBad(run("quota", dir.resolve("none.json").toString()), "FILE");
    assertBad(file(dir, "{\"quotaSet\": \"PARTY_CONGRESS_DELEGATES\", \"people\": ["), "malformed");
    assertBad(file(dir, "[1, 2]"), "(根)");
    assertBad(file(dir, "{\"quotaSet\": \"NOPE\", \"people\": [{\"id\": \"a\"}]}"), "quotaSet");
    assertBad(file(dir, "{\"people\": [{\"id\": \"a\"}]}"), "quotaSet");
    assertBad(file(dir, "{\"quotaSet\": \"RESIDENTS_COMMITTEE\"}"), "people");
    assertBad(file(dir, "{\"quotaSet\": \"RESIDENTS_COMMITTEE\", \"people\": []}"), "people");
    assertBad(
        file(
            dir,
            "{\"quotaSet\": \"PARTY_CONGRESS_DELEGATES\", \"referenceDate\": \"2019-02-30\","
                + " \"people\": [{\"id\": \"a\"}]}"),
        "referenceDate");
    assertBad(
        file(dir, "{\"quotaSet\": \"PARTY_CONGRESS_DELEGATES\", \"people\": [{\"id\": \"a\"}]}"),
        "referenceDate");
    assertBad(
        file(dir, "{\"quotaSet\": \"RESIDENTS_COMMITTEE\", \"people\": [{\"name\": \"甲\"}]}"),
        "people[0].id");
    assertBad(
        file(
            dir,
            "{\"quotaSet\": \"RESIDENTS_COMMITTEE\", \"people\": [{\"id\": \"a\", \"birthdate\":"
                + " \"1990-01-01\"}]}"),
        "people[0].birthdate");
    assertBad(
        file(
            dir,
            "{\"quotaSet\": \"RESIDENTS_COMMITTEE\", \"people\": [{\"id\": \"a\", \"gender\":"
                + " \"x\"}]}"),
        "people[0].gender");
    assertBad(
        file(
            dir,
            "{\"quotaSet\": \"RESIDENTS_COMMITTEE\", \"people\": [{\"id\": \"a\"}, {\"id\":"
                + " \"a\"}]}"),
        "people[1].id");
    assertBad(
        file(
            dir,
            "{\"requirements\": [{\"id\": \"x\", \"attribute\": \"FEMALE\", \"comparison\":"
                + " \"ATLEAST\", \"count\": 1}], \"people\": [{\"id\": \"a\"}]}"),
        "requirements[0].comparison");
    assertBad(
        file(
            dir,
            "{\"requirements\": [{\"id\": \"x\", \"attribute\": \"AGE_AT_MOST\", \"comparison\":"
                + " \"AT_LEAST\", \"count\": 1}], \"people\": [{\"id\": \"a\"}]}"),
        "requirements[0].years");
    assertBad(
        file(
            dir,
            "{\"requirements\": [{\"id\": \"x\", \"attribute\": \"FEMALE\", \"comparison\":"
                + " \"AT_LEAST\", \"share\": \"150%\"}], \"people\": [{\"id\": \"a\"}]}"),
        "requirements[0].share");
  }

  private static Run file(Path dir, String content) throws Exception {
    Path f = Files.createTempFile(dir, "q", ".json");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    Run r = run("quota", f.toString());
    if (r.err().startsWith("错误：字段 " + f + "：")) {
      // malformed JSON names the file; normalise so the caller can assert on a fixed label
      return new Run(r.status(), r.out(), r.err().replace(f.toString(), "malformed"));
    }
    return r;
  }
}
