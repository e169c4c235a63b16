package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.quota.Gender;

/**
 * The 预备人选 proposal over a pool of a few dozen (no database): the solver keeps the locked names,
 * meets every quota where the best-supported names alone would not, and explains a lock that breaks
 * a quota with the numbers.
 */
class DelegateProposalTest {
  static final LocalDate DAY = LocalDate.of(2026, 4, 10);

  /**
   * 36 people: 14 leading cadres (all men, the best supported), 22 基层一线 of whom 8 women, 4 先进模范 (2
   * 工人), 6 专业技术人员, 1 蒙古族; cadres born 1966, grassroots 1986.
   */
  static List<StageMember> pool() {
    List<StageMember> out = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 14; i++) {
      out.add(
          member(
              id++,
              "干部" + i,
              Gender.MALE,
              LocalDate.of(1966, 1, 1 + i),
              "汉族",
              i < 7 ? DelegateCategory.BUREAU : DelegateCategory.DIVISION,
              Set.of(),
              900 - i));
    }
    for (int i = 0; i < 22; i++) {
      Set<String> tags =
          i < 2
              ? Set.of("先进模范", "工人")
              : i < 4 ? Set.of("先进模范") : i < 10 ? Set.of("专业技术") : Set.of();
      out.add(
          member(
              id++,
              "基层" + i,
              i % 3 == 0 && i < 24 ? Gender.FEMALE : Gender.MALE,
              LocalDate.of(1986, 1, 1 + i),
              i == 21 ? "蒙古族" : "汉族",
              DelegateCategory.GRASSROOTS,
              tags,
              500 - i));
    }
    return out;
  }

  static StageMember member(
      long id,
      String name,
      Gender g,
      LocalDate born,
      String ethnicity,
      DelegateCategory c,
      Set<String> tags,
      int votes) {
    return new StageMember(
        id,
        "推荐单位",
        new Recommendee(name, g, born, ethnicity, c, "职务", tags, votes),
        false,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static StageMember locked(StageMember m) {
    return new StageMember(
        m.recommendeeId(), m.unitName(), m.person(), true, null, null, null, null, null, null);
  }

  @Test
  void theSolverProposesTwentyOneFromThirtySixMeetingEveryQuotaAndKeepingTheLocks() {
    List<StageMember> pool = new ArrayList<>(pool());
    // the least supported grassroots man is locked in
    StageMember last = pool.get(pool.size() - 2);
    assertThat(last.name()).isEqualTo("基层20");
    pool.set(pool.size() - 2, locked(last));
    // the 21 best supported would be 14 cadres + 7 grassroots: more than 9 cadres
    List<StageMember> top =
        pool.stream()
            .sorted(Comparator.comparingInt((StageMember m) -> -m.person().supportVotes()))
            .limit(21)
            .toList();
    assertThat(StageComposition.of(top, DAY)).anyMatch(l -> !l.met());

    PreparatoryProposal.Result r = PreparatoryProposal.propose(pool, 21, DAY);
    assertThat(r.found()).isTrue();
    assertThat(r.chosen()).hasSize(21);
    assertThat(StageComposition.of(r.chosen(), DAY))
        .allSatisfy(l -> assertThat(l.met()).as(l.requirementZh()).isTrue());
    assertThat(r.ids()).contains(last.recommendeeId());
    // the cap binds: exactly the 9 best supported cadres
    List<String> cadres =
        r.chosen().stream()
            .filter(m -> m.person().category().cadre())
            .map(StageMember::name)
            .sorted()
            .toList();
    assertThat(cadres)
        .containsExactlyInAnyOrder("干部0", "干部1", "干部2", "干部3", "干部4", "干部5", "干部6", "干部7", "干部8");
    assertThat(r.support())
        .isEqualTo(r.chosen().stream().mapToLong(m -> m.person().supportVotes()).sum());
  }

  @Test
  void aLockThatBreaksTheCadreCapIsExplainedWithTheNumbers() {
    List<StageMember> pool = new ArrayList<>(pool());
    for (int i = 0; i < 10; i++) {
      pool.set(i, locked(pool.get(i)));
    }
    PreparatoryProposal.Result r = PreparatoryProposal.propose(pool, 21, DAY);
    assertThat(r.found()).isFalse();
    assertThat(r.chosen()).isEmpty();
    assertThat(r.statusZh()).isEqualTo("不存在符合全部结构要求的名单");
    assertThat(String.join("；", r.reasons())).contains("已锁定人选中已有10名").contains("超出1名");
  }
}
