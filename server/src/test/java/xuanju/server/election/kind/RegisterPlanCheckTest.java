package xuanju.server.election.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.Findings;
import xuanju.server.election.ElectionKind;

/** The plan check of the direct elections over their districts and voter register. */
class RegisterPlanCheckTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  static final LocalDate DAY = TODAY.plusDays(40);

  static Findings town(int seats, RegisterFacts r) {
    return ElectionKind.TOWN_PEOPLES_CONGRESS
        .config()
        .planCheck()
        .check(new PlanFacts(false, seats, 0, 0, 0, r));
  }

  static RegisterFacts facts(
      int districts,
      int withSeats,
      int seatSum,
      long registered,
      int empty,
      int unpublished,
      LocalDate today) {
    return new RegisterFacts(
        districts, withSeats, seatSum, registered, empty, unpublished, DAY.minusDays(20), today);
  }

  @Test
  void aTownReadyForItsRequestHasNoFindings() {
    assertThat(town(12, facts(6, 6, 12, 4000, 0, 0, TODAY)).codes()).isEmpty();
  }

  @Test
  void seatsThatDoNotAddUpBlockAndOpenSeatsWarn() {
    Findings f = town(13, facts(6, 6, 12, 4000, 0, 0, TODAY));
    assertThat(f.errors()).extracting(x -> x.code()).containsExactly("NPC.PLAN.SEATS_MISMATCH");
    assertThat(f.errors().get(0).messageZh()).isEqualTo("各选区应选代表名额之和为12名，与方案的应选13名不一致");
    Findings open = town(13, facts(6, 4, 8, 4000, 0, 0, TODAY));
    assertThat(open.ok()).isTrue();
    assertThat(open.codes()).containsExactly("NPC.PLAN.SEATS_OPEN");
  }

  @Test
  void anUnfinishedRegisterWarnsUntilTheDayAndBlocksAfterIt() {
    Findings before = town(12, facts(6, 6, 12, 3000, 1, 2, TODAY));
    assertThat(before.ok()).isTrue();
    assertThat(before.codes()).containsExactly("NPC.PLAN.REGISTER_OPEN");
    assertThat(before.all().get(0).messageZh())
        .isEqualTo(
            "选民登记尚未完成：已登记选民3000名，1个选区尚未登记选民，2个选区尚未公布选民名单；选民名单最迟应于" + DAY.minusDays(20) + "公布");
    Findings late = town(12, facts(6, 6, 12, 3000, 0, 2, DAY.minusDays(19)));
    assertThat(late.errors()).extracting(x -> x.code()).containsExactly("NPC.PLAN.REGISTER_LATE");
    // published on time, and later the day passes: nothing to say
    assertThat(town(12, facts(6, 6, 12, 3000, 0, 0, DAY.minusDays(19))).codes()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("committees")
  void committeeSizeBoundaries(ElectionKind kind, int min, int max, String prefix) {
    RegisterFacts ready = facts(3, 0, 0, 900, 0, 0, TODAY);
    for (int seats : new int[] {min - 1, min, max, max + 1}) {
      Findings f = kind.config().planCheck().check(new PlanFacts(false, seats, 0, 0, 0, ready));
      assertThat(f.ok()).as("%s 名", seats).isEqualTo(seats >= min && seats <= max);
    }
  }

  @Test
  void theLastDayToPublishIsStillInTime() {
    LocalDate last = DAY.minusDays(20);
    assertThat(town(12, facts(6, 6, 12, 3000, 0, 1, last)).codes())
        .containsExactly("NPC.PLAN.REGISTER_OPEN");
    assertThat(town(12, facts(6, 6, 12, 3000, 0, 1, last.plusDays(1))).codes())
        .containsExactly("NPC.PLAN.REGISTER_LATE");
    // one seat more or fewer than the plan is a mismatch; equal is not
    assertThat(town(11, facts(6, 6, 12, 3000, 0, 0, TODAY)).ok()).isFalse();
    assertThat(town(12, facts(6, 6, 12, 3000, 0, 0, TODAY)).ok()).isTrue();
  }

  static Stream<Object[]> committees() {
    return Stream.of(
        new Object[] {ElectionKind.RESIDENTS_COMMITTEE, 5, 9, "RESIDENTS"},
        new Object[] {ElectionKind.VILLAGE_COMMITTEE, 3, 7, "VILLAGE"});
  }

  @ParameterizedTest
  @MethodSource("committees")
  void committeeSizeFollowsTheLaw(ElectionKind kind, int min, int max, String prefix) {
    Random rnd = new Random(20261204L + min);
    RegisterFacts ready = facts(3, 0, 0, 900, 0, 0, TODAY);
    for (int i = 0; i < 40; i++) {
      int seats = 1 + rnd.nextInt(12);
      Findings f = kind.config().planCheck().check(new PlanFacts(false, seats, 0, 0, 0, ready));
      boolean lawful = seats >= min && seats <= max;
      assertThat(f.ok()).as("%s 名", seats).isEqualTo(lawful);
      assertThat(f.codes())
          .as("%s 名", seats)
          .isEqualTo(
              lawful ? java.util.List.of() : java.util.List.of(prefix + ".PLAN.COMMITTEE_SIZE"));
    }
  }
}
