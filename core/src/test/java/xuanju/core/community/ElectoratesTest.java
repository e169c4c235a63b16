package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.community.ElectorateMode.RollEntry;
import xuanju.core.profile.Profiles;
import xuanju.core.quorum.Meeting;
import xuanju.core.quorum.Quorum;
import xuanju.core.rule.Findings;

/** The three lawful electorates of 居组法 第八条. */
class ElectoratesTest {
  /** 3 groups × 2 households × 2 voters: 12 voters, 6 households. */
  static List<RollEntry> roll() {
    List<RollEntry> out = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      for (int h = 0; h < 2; h++) {
        for (int v = 0; v < 2; v++) {
          String id = "v" + g + h + v;
          out.add(new RollEntry(id, "居民" + id, "h" + g + h, "g" + g));
        }
      }
    }
    return out;
  }

  static Electorates.Input input(ElectorateMode m, String... reps) {
    return new Electorates.Input(m, roll(), Set.of(reps));
  }

  @Test
  void turnoutBaseDependsOnTheMode() {
    assertThat(Electorates.turnoutBase(input(ElectorateMode.ALL_VOTERS))).isEqualTo(12);
    assertThat(Electorates.turnoutBase(input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES, "v000")))
        .isEqualTo(6);
    assertThat(
            Electorates.turnoutBase(
                input(
                    ElectorateMode.GROUP_REPRESENTATIVES, "v000", "v010", "v100", "v101", "v110")))
        .isEqualTo(5);
  }

  @Test
  void modeNoticeSaysWhatTheBaseIs() {
    Findings f = Electorates.validate(input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES));
    assertThat(f.codes()).containsExactly("RESIDENTS.ELECTORATE.MODE");
    assertThat(f.notices().get(0).messageZh()).contains("登记参加选举的户数（6）为基数");
  }

  @Test
  void twoRepresentativesOfOneHouseholdAreRefused() {
    Findings f =
        Electorates.validate(
            input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES, "v000", "v001", "v010"));
    assertThat(f.errors())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.ELECTORATE.HOUSEHOLD_ONE");
    assertThat(f.errors().get(0).messageZh()).isEqualTo("户h00确定了2名户代表（居民v000、居民v001），每户只能一名");
  }

  @Test
  void eachGroupNeedsTwoOrThreeRepresentatives() {
    Findings ok =
        Electorates.validate(
            input(
                ElectorateMode.GROUP_REPRESENTATIVES,
                "v000",
                "v001",
                "v100",
                "v110",
                "v111",
                "v200",
                "v201"));
    assertThat(ok.ok()).isTrue();
    Findings bad =
        Electorates.validate(
            input(ElectorateMode.GROUP_REPRESENTATIVES, "v000", "v100", "v101", "v110", "v111"));
    assertThat(bad.errors())
        .extracting(x -> x.code())
        .containsExactly(
            "RESIDENTS.ELECTORATE.GROUP_2_3",
            "RESIDENTS.ELECTORATE.GROUP_2_3",
            "RESIDENTS.ELECTORATE.GROUP_2_3");
    assertThat(bad.errors())
        .extracting(x -> x.messageZh())
        .containsExactlyInAnyOrder(
            "居民小组g0选出代表1人，应为二至三人", "居民小组g1选出代表4人，应为二至三人", "居民小组g2选出代表0人，应为二至三人");
  }

  /** Without a 户号 (or a group) the households (or the groups) cannot be counted: an error. */
  @Test
  void votersWithoutHouseholdOrGroupAreAnError() {
    List<RollEntry> roll = new ArrayList<>(roll());
    for (int i = 0; i < 7; i++) {
      roll.add(new RollEntry("x" + i, "无户" + i, "", ""));
    }
    Findings h =
        Electorates.validate(
            new Electorates.Input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES, roll, Set.of()));
    assertThat(h.errors())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.ELECTORATE.UNIT_KNOWN");
    assertThat(h.errors().get(0).messageZh())
        .isEqualTo("登记参加选举的居民中有7人没有户号（无户0、无户1、无户2、无户3、无户4等），请先在居民信息中补录");
    Findings g =
        Electorates.validate(
            new Electorates.Input(
                ElectorateMode.GROUP_REPRESENTATIVES,
                roll,
                Set.of("v000", "v001", "v100", "v110", "v200", "v201", "x0")));
    // the unknown group is not a group that must elect 2–3, and x0 counts for no group
    assertThat(g.errors())
        .extracting(x -> x.code())
        .containsExactly("RESIDENTS.ELECTORATE.UNIT_KNOWN");
    assertThat(g.errors().get(0).messageZh()).contains("7人没有居民小组");
    Findings all =
        Electorates.validate(new Electorates.Input(ElectorateMode.ALL_VOTERS, roll, Set.of()));
    assertThat(all.ok()).isTrue();
  }

  @Test
  void representativeNotOnTheRollIsRefused() {
    Findings f = Electorates.validate(input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES, "stranger"));
    assertThat(f.codes()).contains("RESIDENTS.ELECTORATE.NOT_ON_ROLL");
  }

  @Test
  void householdCheckInIssuesOneBallotPerHousehold() {
    Electorates.Input in = input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES, "v000");
    Set<String> done = new HashSet<>();
    Electorates.CheckIn a = Electorates.checkIn(in, done, "v000");
    assertThat(a.admitted()).isTrue();
    done.add(a.key());
    assertThat(Electorates.checkIn(in, done, "v001").findings().codes())
        .containsExactly("RESIDENTS.ELECTORATE.NOT_ELECTOR");
    Electorates.CheckIn b = Electorates.checkIn(in, done, "v010");
    assertThat(b.admitted()).isTrue();
    done.add(b.key());
    Electorates.CheckIn c = Electorates.checkIn(in, done, "v011");
    assertThat(c.admitted()).isFalse();
    assertThat(c.findings().codes()).containsExactly("RESIDENTS.ELECTORATE.ALREADY_CHECKED_IN");
    assertThat(c.findings().errors().get(0).messageZh()).isEqualTo("居民v011所在户（h01）已有人签到领票");
    assertThat(Electorates.checkIn(in, done, "nobody").findings().codes())
        .containsExactly("RESIDENTS.ELECTORATE.NOT_ON_ROLL");
  }

  @Test
  void groupModeAdmitsRepresentativesOnlyAndAllVotersOncEach() {
    Electorates.Input g = input(ElectorateMode.GROUP_REPRESENTATIVES, "v000", "v001");
    assertThat(Electorates.checkIn(g, Set.of(), "v000").admitted()).isTrue();
    assertThat(Electorates.checkIn(g, Set.of(), "v010").findings().codes())
        .containsExactly("RESIDENTS.ELECTORATE.NOT_ELECTOR");
    Electorates.Input all = input(ElectorateMode.ALL_VOTERS);
    assertThat(Electorates.checkIn(all, Set.of("voter:v010"), "v011").admitted()).isTrue();
    assertThat(Electorates.checkIn(all, Set.of("voter:v010"), "v010").admitted()).isFalse();
  }

  /** The turnout base feeds the residents' quorum: exactly half of 6 households is not enough. */
  @Test
  void householdTurnoutMustExceedHalfOfHouseholds() {
    Electorates.Input in = input(ElectorateMode.HOUSEHOLD_REPRESENTATIVES);
    var p = Profiles.byId("RESIDENTS_COMMITTEE");
    assertThat(Quorum.check(p, Meeting.ELECTORAL, Electorates.electorate(in, 3, 3)).outcome().met())
        .isFalse();
    var four = Quorum.check(p, Meeting.ELECTORAL, Electorates.electorate(in, 4, 4));
    assertThat(four.outcome().met()).isTrue();
    assertThat(four.codes()).containsExactly("RESIDENTS.TURNOUT.HALF");
    // the trail names the base as households, not registered voters
    assertThat(four.trail().get(0).explanationZh())
        .isEqualTo("参加投票人数4人，登记参加选举的户数6户，超过登记参加选举的户数的二分之一（至少须4人），会议（投票）有效");
    var group =
        Quorum.check(
            p,
            Meeting.ELECTORAL,
            Electorates.electorate(
                input(ElectorateMode.GROUP_REPRESENTATIVES, "v000", "v001", "v100"), 1, 1));
    assertThat(group.trail().get(0).explanationZh()).contains("居民小组代表总数3人").contains("未超过");
    var all =
        Quorum.check(
            p, Meeting.ELECTORAL, Electorates.electorate(input(ElectorateMode.ALL_VOTERS), 7, 7));
    assertThat(all.trail().get(0).explanationZh()).startsWith("参加投票人数7人，登记选民数12人，超过登记选民数的二分之一");
  }

  static LongStream seeds() {
    return LongStream.of(5L, 8L, 1989L, 20181229L, 77777L);
  }

  /**
   * Random rolls and check-in queues: admitted ballots never exceed the turnout base, at most one
   * per household in household mode, only representatives in group mode, and no key twice.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void checkInNeverIssuesMoreThanTheBase(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 60; round++) {
      List<RollEntry> roll = new ArrayList<>();
      int n = 1 + r.nextInt(60);
      for (int i = 0; i < n; i++) {
        roll.add(new RollEntry("v" + i, null, "h" + r.nextInt(1 + n / 2), "g" + r.nextInt(4)));
      }
      Set<String> reps = new HashSet<>();
      roll.forEach(
          e -> {
            if (r.nextInt(3) == 0) reps.add(e.voterId());
          });
      for (ElectorateMode m : ElectorateMode.values()) {
        Electorates.Input in = new Electorates.Input(m, roll, reps);
        Set<String> done = new HashSet<>();
        Map<String, Integer> perHousehold = new HashMap<>();
        int admitted = 0;
        for (int k = 0; k < 3 * n; k++) {
          RollEntry e = roll.get(r.nextInt(n));
          Electorates.CheckIn c = Electorates.checkIn(in, done, e.voterId());
          assertThat(c.admitted()).isEqualTo(c.findings().all().isEmpty());
          if (c.admitted()) {
            assertThat(done.add(c.key())).isTrue();
            admitted++;
            perHousehold.merge(e.householdId(), 1, Integer::sum);
            if (m == ElectorateMode.GROUP_REPRESENTATIVES) {
              assertThat(reps).contains(e.voterId());
            }
          }
        }
        assertThat((long) admitted).isLessThanOrEqualTo(Electorates.turnoutBase(in));
        if (m == ElectorateMode.HOUSEHOLD_REPRESENTATIVES) {
          assertThat(perHousehold.values()).allMatch(v -> v == 1);
        }
      }
    }
  }
}
