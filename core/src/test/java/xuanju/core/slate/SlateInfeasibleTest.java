package xuanju.core.slate;

import static org.assertj.core.api.Assertions.assertThat;
import static xuanju.core.slate.SlatePools.DAY;
import static xuanju.core.slate.SlatePools.nominee;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.Share;
import xuanju.core.rule.Finding;

/** One test per infeasibility rule code: the reason, its numbers and the requirements it names. */
class SlateInfeasibleTest {

  private static QuotaRequirement min(String id, Attribute a, long n) {
    return QuotaRequirement.count(id, a, Comparison.AT_LEAST, n, null);
  }

  private static QuotaRequirement max(String id, Attribute a, long n) {
    return QuotaRequirement.count(id, a, Comparison.AT_MOST, n, null);
  }

  /** {@code count} people of one kind, ids {@code prefix1…}, support 10. */
  private static List<Nominee> people(String prefix, int count, boolean woman, String... tags) {
    List<Nominee> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(nominee(prefix + i, 10 + i, woman, false, 40, tags));
    }
    return out;
  }

  private static List<Nominee> concat(List<Nominee> a, List<Nominee> b) {
    List<Nominee> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Finding only(SlateResult r, String code) {
    assertThat(r.status()).isEqualTo(SlateResult.Status.INFEASIBLE);
    assertThat(r.slate()).isEmpty();
    assertThat(r.findings().errors()).extracting(Finding::code).containsExactly(code);
    return r.findings().errors().get(0);
  }

  private static SlateResult solve(
      List<Nominee> pool, int seats, List<QuotaRequirement> reqs, Set<String> locked) {
    return Slates.propose(new SlateRequest(pool, seats, reqs, DAY, locked));
  }

  @Test
  void poolTooSmall() {
    Finding f = only(solve(people("m", 5, false), 7, List.of(), Set.of()), "SLATE.POOL.TOO_SMALL");
    assertThat(f.messageZh()).isEqualTo("应选7名，但推荐人选只有5名，还差2名");
  }

  @Test
  void tooManyLocks() {
    Finding f =
        only(
            solve(people("m", 5, false), 2, List.of(), Set.of("m1", "m2", "m3")),
            "SLATE.LOCK.TOO_MANY");
    assertThat(f.messageZh()).isEqualTo("应选2名，但已锁定3名，多出1名");
  }

  @Test
  void womenShortAfterTheLocks() {
    // 妇女不少于7名，但除已锁定人选外仅剩5名
    List<Nominee> pool = concat(people("w", 6, true), people("m", 20, false));
    Finding f =
        only(
            solve(pool, 16, List.of(min("ST-14", Attribute.female(), 7)), Set.of("w1", "m1")),
            "SLATE.QUOTA.SHORT");
    assertThat(f.messageZh()).isEqualTo("女性至少7名，已锁定人选中有1名女性，除已锁定人选外仅剩5名女性，合计6名，还差1名");
    assertThat(f.facts()).containsEntry("available", 6).containsEntry("bound", 7L);
    assertThat(f.fields()).containsExactly("requirements[0]");
  }

  @Test
  void womenShortWithoutLocks() {
    List<Nominee> pool = concat(people("w", 5, true), people("m", 20, false));
    Finding f =
        only(
            solve(pool, 16, List.of(min("ST-14", Attribute.female(), 7)), Set.of()),
            "SLATE.QUOTA.SHORT");
    assertThat(f.messageZh()).isEqualTo("女性至少7名，但推荐人选中只有5名女性，还差2名");
  }

  @Test
  void locksLeaveTooFewSeatsForAMinimum() {
    List<Nominee> pool = concat(people("w", 10, true), people("m", 20, false));
    Finding f =
        only(
            solve(
                pool,
                8,
                List.of(min("ST-14", Attribute.female(), 7)),
                Set.of("m1", "m2", "m3", "w1")),
            "SLATE.QUOTA.OPEN_SEATS");
    assertThat(f.messageZh()).isEqualTo("女性至少7名，已锁定4名中有1名女性，还需6名，但只剩4个名额");
  }

  @Test
  void lockedCadresAlreadyOverTheCap() {
    List<Nominee> pool = concat(people("c", 12, false, "领导干部"), people("g", 20, false, "基层一线"));
    Set<String> locks = Set.of("c1", "c2", "c3", "c4");
    Finding f =
        only(
            solve(pool, 16, List.of(max("ST-12", Attribute.tagged("领导干部"), 3)), locks),
            "SLATE.QUOTA.LOCKS_OVER_CAP");
    assertThat(f.messageZh()).isEqualTo("领导干部不超过3名，但已锁定人选中已有4名领导干部，超出1名");
  }

  @Test
  void tooFewPeopleOutsideTheCap() {
    List<Nominee> pool = concat(people("c", 12, false, "领导干部"), people("g", 5, false, "基层一线"));
    Finding f =
        only(
            solve(pool, 16, List.of(max("ST-12", Attribute.tagged("领导干部"), 9)), Set.of()),
            "SLATE.QUOTA.CAP_FILL");
    assertThat(f.messageZh()).isEqualTo("领导干部不超过9名，应选16名中至少须有7名不属于领导干部的人选，但推荐人选中只有5名");
  }

  @Test
  void twoMinimumsOverTheSeats() {
    // 5 seats, women ≥ 4 and minorities ≥ 3, only one minority woman
    List<Nominee> pool = new ArrayList<>(people("w", 6, true));
    pool.add(nominee("x1", 5, false, true, 40));
    pool.add(nominee("x2", 5, false, true, 40));
    pool.add(nominee("xw", 5, true, true, 40));
    Finding f =
        only(
            solve(
                pool,
                5,
                List.of(min("W", Attribute.female(), 4), min("M", Attribute.minority(), 3)),
                Set.of()),
            "SLATE.QUOTA.CONFLICT");
    assertThat(f.messageZh()).isEqualTo("女性至少4名，少数民族至少3名：推荐人选中两者兼具的只有1名，两项要求至少占6个名额，超过应选名额5名");
  }

  @Test
  void minimumBlockedByACap() {
    // under 50 ≥ 9, but 10 of the 11 young are leading cadres and cadres ≤ 6
    List<Nominee> pool = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      pool.add(nominee("yc" + i, 50, false, false, 35, "领导干部"));
    }
    pool.add(nominee("yg", 50, false, false, 35, "基层一线"));
    for (int i = 1; i <= 10; i++) {
      pool.add(nominee("og" + i, 50, false, false, 55, "基层一线"));
    }
    List<QuotaRequirement> reqs =
        List.of(
            min("ST-16", Attribute.ageAtMost(50), 9), max("ST-12", Attribute.tagged("领导干部"), 6));
    Finding f = only(solve(pool, 16, reqs, Set.of()), "SLATE.QUOTA.CONFLICT");
    assertThat(f.messageZh())
        .isEqualTo("50周岁以下至少9名，领导干部不超过6名：推荐人选中的50周岁以下有10名同时是领导干部，50周岁以下最多只能有7名，还差2名");
    assertThat(f.fields()).containsExactly("requirements[0]", "requirements[1]");
  }

  @Test
  void capsThatTogetherLeaveTooFewSeats() {
    // everyone is a cadre or grassroots; cadres ≤ 9 and grassroots ≤ 5 cannot fill 16 seats
    List<Nominee> pool = concat(people("c", 12, false, "领导干部"), people("g", 12, false, "基层一线"));
    List<QuotaRequirement> reqs =
        List.of(
            max("ST-12", Attribute.tagged("领导干部"), 9),
            QuotaRequirement.share(
                "G", Attribute.tagged("基层一线"), Comparison.AT_MOST, Share.of(1, 3), null));
    Finding f = only(solve(pool, 16, reqs, Set.of()), "SLATE.QUOTA.CONFLICT");
    assertThat(f.messageZh())
        .isEqualTo(
            "领导干部不超过9名，即非领导干部至少7名；基层一线比例不高于1/3（16名中至多5名），即非基层一线至少11名："
                + "这几类人选互不重叠，合计至少占18个名额，超过应选名额16名");
  }

  @Test
  void combinedFoundByTheSolverWhenCountingFindsNothing() {
    // three people each in two of A, B, C, and at most one of them; 2 seats need A, B and C
    List<Nominee> pool =
        List.of(
            nominee("ab", 10, false, false, 40, "A", "B", "X"),
            nominee("bc", 10, false, false, 40, "B", "C", "X"),
            nominee("ac", 10, false, false, 40, "A", "C", "X"),
            nominee("z", 10, false, false, 40));
    List<QuotaRequirement> reqs =
        List.of(
            min("A", Attribute.tagged("A"), 1),
            min("B", Attribute.tagged("B"), 1),
            min("C", Attribute.tagged("C"), 1),
            max("X", Attribute.tagged("X"), 1));
    Finding f = only(solve(pool, 2, reqs, Set.of()), "SLATE.QUOTA.COMBINED");
    assertThat(f.messageZh())
        .isEqualTo("应选2名时，以下结构要求不能同时满足：A至少1名；B至少1名；C至少1名；X不超过1名（放宽其中任何一项即可能有解）");
    // with a fourth requirement that changes nothing, the smallest set stays the same
    List<QuotaRequirement> more = new ArrayList<>(reqs);
    more.add(0, min("W", Attribute.female(), 0));
    Finding g = only(solve(pool, 2, more, Set.of()), "SLATE.QUOTA.COMBINED");
    assertThat(g.fields())
        .containsExactly(
            "requirements[1]", "requirements[2]", "requirements[3]", "requirements[4]");
  }

  @Test
  void everyExplanationCitesItsRequirement() {
    List<Nominee> pool = concat(people("w", 5, true), people("m", 20, false));
    Finding f =
        only(
            solve(pool, 16, List.of(min("ST-14", Attribute.female(), 7)), Set.of()),
            "SLATE.QUOTA.SHORT");
    assertThat(f.facts()).containsKey("citation").containsEntry("requirement", "ST-14");
    assertThat(f.rule().citation().document()).isNotBlank();
  }
}
