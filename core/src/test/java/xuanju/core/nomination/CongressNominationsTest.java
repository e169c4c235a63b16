package xuanju.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;

class CongressNominationsTest {
  /** A valid resident ID number, distinct per {@code n}. */
  static String id(int n) {
    String first17 =
        String.format("150102198%d%02d%02d%03d", n % 10, 1 + n % 12, 1 + n % 28, n % 1000);
    return first17 + ResidentIds.checkCharacter(first17);
  }

  static List<String> ids(int from, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(id(from + i));
    }
    return out;
  }

  /** The district's voters: numbers 0..199. */
  private static final Set<String> DISTRICT = new HashSet<>(ids(0, 200));

  private static final Predicate<String> IN_DISTRICT = DISTRICT::contains;

  private static List<Rule> rules(NominationCheck c) {
    return c.findings().all().stream().map(Finding::rule).toList();
  }

  @Test
  void tenVotersOfTheDistrictMayNominateNineMayNot() {
    List<NominationCheck> checks =
        CongressNominations.checkAll(
            List.of(
                CongressNomination.byVoters("张三", id(500), ids(0, 10), true),
                CongressNomination.byVoters("李四", id(501), ids(10, 9), true)),
            2,
            IN_DISTRICT);
    assertThat(checks.get(0).accepted()).isTrue();
    assertThat(rules(checks.get(0))).containsExactly(NominationRule.BY_VOTERS);
    assertThat(checks.get(0).findings().all().get(0).messageZh()).contains("本选区选民10人联名推荐张三");
    assertThat(checks.get(1).accepted()).isFalse();
    assertThat(rules(checks.get(1))).containsExactly(NominationRule.TOO_FEW_VOTERS);
    assertThat(checks.get(1).findings().all().get(0).messageZh()).contains("只有9人").contains("十人以上");
    assertThat(checks.get(1).findings().all().get(0).fields())
        .containsExactly("nominations[1].nominators");
  }

  @Test
  void votersOfAnotherDistrictAndRepeatedSignaturesDoNotCount() {
    List<String> withOutsider = new ArrayList<>(ids(0, 9));
    withOutsider.add(id(900)); // not of this district
    List<String> repeated = new ArrayList<>(ids(20, 9));
    repeated.add(id(20).toLowerCase()); // the same voter again, as typed
    List<NominationCheck> checks =
        CongressNominations.checkAll(
            List.of(
                CongressNomination.byVoters("王五", id(502), withOutsider, true),
                CongressNomination.byVoters("赵六", id(503), repeated, true)),
            3,
            IN_DISTRICT);
    assertThat(rules(checks.get(0)))
        .containsExactly(
            NominationRule.NOMINATOR_NOT_DISTRICT_VOTER, NominationRule.TOO_FEW_VOTERS);
    assertThat(checks.get(0).findings().all().get(0).messageZh())
        .contains(ResidentIds.mask(id(900)))
        .doesNotContain(id(900));
    assertThat(rules(checks.get(1)))
        .containsExactly(NominationRule.NOMINATOR_REPEATED, NominationRule.TOO_FEW_VOTERS);
  }

  @Test
  void aPartyNominatesNoMoreThanTheSeatsAloneOrJointly() {
    List<NominationCheck> checks =
        CongressNominations.checkAll(
            List.of(
                CongressNomination.byOrganisations("甲", id(510), List.of("中国共产党"), true),
                CongressNomination.byOrganisations("乙", id(511), List.of("中国共产党", "共青团"), true),
                CongressNomination.byOrganisations("丙", id(512), List.of("共青团"), true),
                CongressNomination.byOrganisations("丁", id(513), List.of("妇联"), true)),
            2,
            IN_DISTRICT);
    assertThat(checks.get(0).accepted()).isTrue();
    assertThat(checks.get(1).accepted()).isTrue();
    assertThat(checks.get(1).findings().all().get(0).messageZh()).isEqualTo("中国共产党、共青团联合推荐乙为代表候选人");
    assertThat(checks.get(2).accepted()).isTrue();
    NominationCheck fourth =
        CongressNominations.checkAll(
                List.of(
                    CongressNomination.byOrganisations("甲", id(510), List.of("中国共产党"), true),
                    CongressNomination.byOrganisations("乙", id(511), List.of("中国共产党"), true),
                    CongressNomination.byOrganisations("丙", id(512), List.of("中国共产党"), true)),
                2,
                IN_DISTRICT)
            .get(2);
    assertThat(rules(fourth)).containsExactly(NominationRule.ORGANISATION_OVER_SEATS);
    assertThat(fourth.findings().all().get(0).messageZh())
        .contains("中国共产党在本选区已推荐2名")
        .contains("应选2名");
    assertThat(checks.get(3).accepted()).isTrue();
  }

  @Test
  void aVoterCoNominatesNoMoreThanTheSeatsAndARefusedNominationDoesNotCount() {
    List<String> group = ids(0, 12);
    List<NominationCheck> checks =
        CongressNominations.checkAll(
            List.of(
                CongressNomination.byVoters("甲", id(520), group, true),
                CongressNomination.byVoters("乙", id(521), group.subList(0, 9), true), // refused
                CongressNomination.byVoters("丙", id(522), group.subList(2, 12), true)),
            1,
            IN_DISTRICT);
    assertThat(checks.get(0).accepted()).isTrue();
    assertThat(rules(checks.get(1))).containsExactly(NominationRule.TOO_FEW_VOTERS);
    assertThat(rules(checks.get(2))).containsExactly(NominationRule.VOTER_OVER_SEATS);
    assertThat(checks.get(2).findings().all().get(0).messageZh()).startsWith("10名联名人");
  }

  @Test
  void aNomineeWhoHasNotAcceptedIsRecordedWithAWarning() {
    NominationCheck c =
        CongressNominations.checkAll(
                List.of(CongressNomination.byOrganisations("甲", id(530), List.of("民盟"), false)),
                1,
                IN_DISTRICT)
            .get(0);
    assertThat(c.accepted()).isTrue();
    assertThat(rules(c))
        .containsExactly(NominationRule.NOT_ACCEPTED, NominationRule.BY_ORGANISATIONS);
  }

  @Test
  void badShapesAreRefusedWithTheField() {
    assertThat(
            rules(
                CongressNominations.checkAll(
                        List.of(
                            new CongressNomination("甲", id(540), List.of(" "), List.of(), true)),
                        1,
                        IN_DISTRICT)
                    .get(0)))
        .containsExactly(NominationRule.NO_NOMINATOR);
    assertThatThrownBy(() -> new CongressNomination("甲", id(540), List.of("民盟"), ids(0, 10), true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不能两者兼有");
    assertThatThrownBy(() -> CongressNominations.checkAll(List.of(), 0, IN_DISTRICT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("应选代表名额至少为1名");
  }

  /**
   * Seeded random nominations: what is accepted keeps every party, organisation and voter within
   * the seats and every joint nomination at ten or more district voters, and every refusal for a
   * limit is one the counts of the accepted nominations before it justify.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void acceptedNominationsStayWithinTheLimits(long seed) {
    Random random = new Random(seed);
    int seats = 1 + random.nextInt(3);
    List<String> parties = List.of("中国共产党", "民盟", "共青团", "妇联");
    List<CongressNomination> list = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (random.nextBoolean()) {
        List<String> orgs = new ArrayList<>();
        for (String p : parties) {
          if (random.nextInt(3) == 0) {
            orgs.add(p);
          }
        }
        list.add(
            CongressNomination.byOrganisations("人" + i, id(600 + i), orgs, random.nextBoolean()));
      } else {
        List<String> nominators = new ArrayList<>();
        int count = 7 + random.nextInt(8);
        int base = random.nextInt(20);
        for (int k = 0; k < count; k++) {
          nominators.add(id(random.nextInt(10) == 0 ? 900 + k : base + k * 3));
        }
        list.add(CongressNomination.byVoters("人" + i, id(600 + i), nominators, true));
      }
    }
    List<NominationCheck> checks = CongressNominations.checkAll(list, seats, IN_DISTRICT);
    Map<String, Integer> perOrg = new HashMap<>();
    Map<String, Integer> perVoter = new HashMap<>();
    for (NominationCheck c : checks) {
      CongressNomination n = c.nomination();
      Set<String> voters = new HashSet<>(n.nominators());
      List<Rule> rules = rules(c);
      if (rules.contains(NominationRule.ORGANISATION_OVER_SEATS)) {
        assertThat(n.organisations()).anyMatch(o -> perOrg.getOrDefault(o, 0) >= seats);
      }
      if (rules.contains(NominationRule.VOTER_OVER_SEATS)) {
        assertThat(voters).anyMatch(v -> perVoter.getOrDefault(v, 0) >= seats);
      }
      if (!c.accepted()) {
        continue;
      }
      if (n.byVoters()) {
        assertThat(voters).allMatch(DISTRICT::contains).hasSizeGreaterThanOrEqualTo(10);
        assertThat(voters).hasSameSizeAs(n.nominators());
      } else {
        assertThat(n.organisations()).isNotEmpty();
      }
      n.organisations().forEach(o -> perOrg.merge(o, 1, Integer::sum));
      voters.forEach(v -> perVoter.merge(v, 1, Integer::sum));
    }
    assertThat(perOrg.values()).allMatch(v -> v <= seats);
    assertThat(perVoter.values()).allMatch(v -> v <= seats);
    assertThat(checks).anyMatch(NominationCheck::accepted);
  }

  @Test
  void meetingsStopOnElectionDay() {
    java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 20);
    assertThat(CongressNominations.checkMeeting(day.minusDays(1), day).ok()).isTrue();
    assertThat(CongressNominations.checkMeeting(day.minusDays(1), day).notices().get(0).rule())
        .isEqualTo(NominationRule.MEETING);
    var on = CongressNominations.checkMeeting(day, day);
    assertThat(on.ok()).isFalse();
    assertThat(on.errors().get(0).rule()).isEqualTo(NominationRule.INTRODUCTION_ON_ELECTION_DAY);
    assertThat(on.errors().get(0).messageZh()).contains("是选举日").contains("第三十四条");
    assertThat(CongressNominations.checkMeeting(day.plusDays(1), day).errors().get(0).messageZh())
        .contains("在选举日2026-12-20之后");
    assertThatThrownBy(() -> CongressNominations.checkMeeting(null, day))
        .isInstanceOf(InvalidInputException.class);
  }
}
