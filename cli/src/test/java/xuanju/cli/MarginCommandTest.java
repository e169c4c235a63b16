package xuanju.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.cli.TimelineCommandTest.assertBad;
import static xuanju.cli.TimelineCommandTest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import xuanju.cli.TimelineCommandTest.Run;
import xuanju.cli.round.Json;

/** {@code ./xuanju margin}: legal-rules.md G15 and the candidate check. */
class MarginCommandTest {

  private static JsonNode json(String... args) {
    List<String> all = new ArrayList<>(List.of("margin"));
    all.addAll(List.of(args));
    all.add("--json");
    Run r = run(all.toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    return Json.mapper().readTree(r.out());
  }

  private static JsonNode range(String profile, int seats, String... more) {
    List<String> args =
        new ArrayList<>(List.of("--profile", profile, "--seats", Integer.toString(seats)));
    args.addAll(List.of(more));
    JsonNode root = json(args.toArray(String[]::new));
    assertThat(root.get("ranges")).hasSize(1);
    return root.get("ranges").get(0);
  }

  /** G15; max -1 means no maximum. */
  @ParameterizedTest(name = "{0} {1} seats → {2}..{3}")
  @CsvSource({
    "PARTY_GRASSROOTS, 3, 4, -1, PARTY.MARGIN.MEMBERS",
    "PARTY_GRASSROOTS, 5, 6, -1, PARTY.MARGIN.MEMBERS",
    "PARTY_GRASSROOTS, 7, 9, -1, PARTY.MARGIN.MEMBERS",
    "PARTY_GRASSROOTS, 9, 11, -1, PARTY.MARGIN.MEMBERS",
    "PEOPLES_CONGRESS_DIRECT, 1, 2, 2, NPC.MARGIN.DIRECT",
    "PEOPLES_CONGRESS_DIRECT, 2, 3, 4, NPC.MARGIN.DIRECT",
    "PEOPLES_CONGRESS_DIRECT, 3, 4, 6, NPC.MARGIN.DIRECT",
    "PEOPLES_CONGRESS_INDIRECT, 5, 6, 7, NPC.MARGIN.INDIRECT",
    "PEOPLES_CONGRESS_INDIRECT, 10, 12, 15, NPC.MARGIN.INDIRECT",
    "VILLAGE_COMMITTEE, 3, 4, -1, VILLAGE.MARGIN.MORE_THAN_SEATS",
  })
  void g15Ranges(String profile, int seats, long min, long max, String rule) {
    JsonNode r = range(profile, seats);
    assertThat(r.get("min").longValue()).isEqualTo(min);
    if (max < 0) {
      assertThat(r.get("max").isNull()).isTrue();
    } else {
      assertThat(r.get("max").longValue()).isEqualTo(max);
    }
    assertThat(r.get("ruleCode").asString()).isEqualTo(rule);
    assertThat(r.get("stage").asString()).isEqualTo("FORMAL");
    assertThat(r.get("citation").get("document").asString()).isNotBlank();
  }

  /** G15, officials elected by a congress (组织法 第二十七条). */
  @Test
  void g15Officials() {
    JsonNode standing = range("PEOPLES_CONGRESS_INDIRECT", 20, "--post", "STANDING");
    assertThat(standing.get("display").asString()).isEqualTo("22–24");
    assertThat(standing.get("ruleCode").asString()).isEqualTo("NPC.MARGIN.STANDING");
    JsonNode deputy = range("PEOPLES_CONGRESS_INDIRECT", 4, "--post", "DEPUTY_CHIEF");
    assertThat(deputy.get("display").asString()).isEqualTo("5–7");
    assertThat(deputy.get("citation").get("article").asString()).isEqualTo("第二十七条");
  }

  @Test
  void textNamesRangeRuleAndCitation() {
    Run r = run("margin", "--profile", "party_grassroots", "--seats", "5");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("5名应选，正式候选人至少6名")
        .contains("PARTY.MARGIN.MEMBERS")
        .contains("第十三条")
        .contains("进一");
    Run direct = run("margin", "--profile", "PEOPLES_CONGRESS_DIRECT", "--seats", "1");
    assertThat(direct.out()).contains("1名应选，正式候选人恰为2名").contains("第三十一条");
    Run indirect = run("margin", "--profile", "PEOPLES_CONGRESS_INDIRECT", "--seats", "5");
    assertThat(indirect.out()).contains("5名应选，正式候选人6至7名");
  }

  @Test
  void candidatesCheckExitsThreeWhenOutsideTheRange() {
    Run ok = run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--candidates", "6");
    assertThat(ok.status()).isZero();
    assertThat(ok.out()).contains("候选人6名：符合差额要求（PARTY.MARGIN.MEMBERS）");
    Run few = run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--candidates", "5");
    assertThat(few.status()).isEqualTo(MarginCommand.EXIT_NOT_ALLOWED);
    assertThat(few.err()).isEmpty();
    assertThat(few.out()).contains("候选人5名：不符合差额要求，少于最低6名");
    Run many =
        run("margin", "--profile", "PEOPLES_CONGRESS_DIRECT", "--seats", "1", "--candidates", "3");
    assertThat(many.status()).isEqualTo(3);
    assertThat(many.out()).contains("多于最高2名").contains("NPC.MARGIN.DIRECT");
    JsonNode j = json("--profile", "PEOPLES_CONGRESS_DIRECT", "--seats", "2", "--candidates", "4");
    assertThat(j.get("allowed").booleanValue()).isTrue();
    assertThat(j.get("ranges").get(0).get("allowed").booleanValue()).isTrue();
  }

  @Test
  void allStagesOfThePartyProfile() {
    JsonNode root = json("--profile", "PARTY_GRASSROOTS", "--seats", "5", "--all-stages");
    List<String> stages = new ArrayList<>();
    List<String> display = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (JsonNode r : root.get("ranges")) {
      stages.add(r.get("stage").asString());
      display.add(r.get("display").asString());
      rules.add(r.get("ruleCode").asString());
    }
    assertThat(stages).containsExactly("PRELIMINARY", "PRE_CANDIDATES", "FORMAL", "BY_ELECTION");
    // 30% of 5 → 2 (进一); 20% → 1; by-election at least one more
    assertThat(display).containsExactly("≥7", "≥6", "≥6", "≥6");
    assertThat(rules)
        .containsExactly(
            "PARTY.MARGIN.PRELIMINARY",
            "PARTY.MARGIN.PRE_CANDIDATES",
            "PARTY.MARGIN.MEMBERS",
            "PARTY.MARGIN.BY_ELECTION");
    // a profile with one rule for every stage lists only FORMAL
    JsonNode village = json("--profile", "VILLAGE_COMMITTEE", "--seats", "3", "--all-stages");
    assertThat(village.get("ranges")).hasSize(1);
    Run text =
        run("margin", "--profile", "PEOPLES_CONGRESS_DIRECT", "--seats", "2", "--all-stages");
    assertThat(text.out()).contains("正式候选人3至4名").contains("补选候选人");
  }

  /** seed-rules MG-13: the margin is counted on the current committee, by local override. */
  @Test
  void overrideCurrentCommitteeBase() {
    JsonNode root =
        json(
            "--profile",
            "PARTY_GRASSROOTS",
            "--seats",
            "5",
            "--override",
            "marginBase=CURRENT_COMMITTEE",
            "--reason",
            "本支部换届工作方案第三条",
            "--current-committee",
            "7");
    JsonNode r = root.get("ranges").get(0);
    assertThat(r.get("min").longValue()).isEqualTo(5 + 2); // ceil(7/5) = 2
    List<String> codes = new ArrayList<>();
    r.get("trail").forEach(s -> codes.add(s.get("code").asString()));
    assertThat(codes)
        .containsExactly(
            "PROFILE.OVERRIDE.APPLIED",
            "PARTY.MARGIN.CURRENT_COMMITTEE_BASE",
            "PARTY.MARGIN.MEMBERS");
    assertThat(root.get("overrides").get(0).get("reason").asString()).isEqualTo("本支部换届工作方案第三条");
  }

  @Test
  void badInputExitsTwoWithOneLineNamingTheField() {
    assertBad(run("margin", "--seats", "5"), "--profile");
    assertBad(run("margin", "--profile", "NOPE", "--seats", "5"), "--profile");
    assertBad(run("margin", "--profile", "PARTY_GRASSROOTS"), "--seats");
    assertBad(run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "0"), "--seats");
    assertBad(run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "five"), "--seats");
    assertBad(run("margin", "--profile", "PARTY_GRASSROOTS", "--seats"), "--seats");
    assertBad(
        run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--stage", "FINAL"),
        "--stage");
    assertBad(
        run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--post", "CHIEF"),
        "--post");
    assertBad(
        run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--candidates", "-1"),
        "--candidates");
    assertBad(
        run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--override", "x"),
        "--override");
    assertBad(
        run(
            "margin",
            "--profile",
            "PARTY_GRASSROOTS",
            "--seats",
            "5",
            "--override",
            "nope=1",
            "--reason",
            "r"),
        "--override nope");
    assertBad(
        run(
            "margin",
            "--profile",
            "PARTY_GRASSROOTS",
            "--seats",
            "5",
            "--override",
            "marginFormal=1/4"),
        "--reason");
    assertBad(
        run(
            "margin",
            "--profile",
            "PARTY_GRASSROOTS",
            "--seats",
            "5",
            "--override",
            "marginBase=CURRENT_COMMITTEE",
            "--reason",
            "r"),
        "--current-committee");
    assertBad(
        run(
            "margin",
            "--profile",
            "PARTY_GRASSROOTS",
            "--seats",
            "5",
            "--all-stages",
            "--candidates",
            "6"),
        "--candidates");
    assertBad(run("margin", "--profile", "PARTY_GRASSROOTS", "--seats", "5", "--x"), "--x");
  }

  // ------------------------------------------------------------------------------ properties

  static Stream<Arguments> seeded() {
    return Stream.of(20260601L, 7L, 42L).map(Arguments::of);
  }

  /**
   * For random seats and candidate counts: the range matches the law's formula computed here with
   * integer arithmetic (party: +⌈s/5⌉; direct: +⌈s/3⌉…2s; indirect: +⌈s/5⌉…+⌊s/2⌋, at least the
   * minimum), and the exit status is 3 exactly when the count is outside it.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeded")
  void rangesFollowTheFormulaAndExitStatusFollowsTheRange(long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 25; i++) {
      int s = 1 + rnd.nextInt(60);
      String profile =
          List.of("PARTY_GRASSROOTS", "PEOPLES_CONGRESS_DIRECT", "PEOPLES_CONGRESS_INDIRECT")
              .get(rnd.nextInt(3));
      long min;
      long max;
      switch (profile) {
        case "PARTY_GRASSROOTS" -> {
          min = s + (s + 4) / 5;
          max = Long.MAX_VALUE;
        }
        case "PEOPLES_CONGRESS_DIRECT" -> {
          min = s + (s + 2) / 3;
          max = 2L * s;
        }
        default -> {
          min = s + (s + 4) / 5;
          max = Math.max(min, s + s / 2);
        }
      }
      long c = s + rnd.nextInt(s + 3);
      Run r =
          run(
              "margin",
              "--profile",
              profile,
              "--seats",
              Integer.toString(s),
              "--candidates",
              Long.toString(c),
              "--json");
      JsonNode range = Json.mapper().readTree(r.out()).get("ranges").get(0);
      String what = profile + " seats=" + s + " candidates=" + c + " seed=" + seed;
      assertThat(range.get("min").longValue()).as(what).isEqualTo(min);
      if (max == Long.MAX_VALUE) {
        assertThat(range.get("max").isNull()).as(what).isTrue();
      } else {
        assertThat(range.get("max").longValue()).as(what).isEqualTo(max);
      }
      boolean allowed = c >= min && c <= max;
      assertThat(r.status()).as(what).isEqualTo(allowed ? 0 : 3);
    }
  }
}
