package xuanju.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

class QuotasTest {
  private static final LocalDate REF = LocalDate.of(2019, 4, 10);

  /** Builder for the 16 delegates of seed 003. */
  private static final class Delegates {
    private final List<Person> people = new ArrayList<>();

    Delegates add(int n, String gender, int age, String ethnicity, String... tags) {
      for (int i = 0; i < n; i++) {
        people.add(
            new Person(
                "p" + (people.size() + 1),
                "代表" + (people.size() + 1),
                Gender.parse(gender).orElseThrow(),
                REF.minusYears(age).minusDays(1),
                ethnicity,
                true,
                Set.of(tags)));
      }
      return this;
    }

    List<Person> list() {
      return List.copyOf(people);
    }
  }

  /** A list that meets every ST-12..ST-16 requirement of seed 003. */
  private static List<Person> valid003() {
    return new Delegates()
        .add(5, "男", 55, "汉族", "领导干部")
        .add(3, "女", 48, "汉族", "领导干部")
        .add(1, "男", 45, "蒙古族", "领导干部")
        .add(1, "女", 40, "汉族", "基层一线", "先进模范", "工人")
        .add(2, "男", 52, "汉族", "基层一线", "先进模范")
        .add(3, "女", 38, "汉族", "基层一线", "专业技术")
        .add(1, "男", 44, "汉族", "基层一线", "专业技术")
        .list();
  }

  private static QuotaCheck check003(List<Person> people) {
    return Quotas.check(QuotaSets.PARTY_CONGRESS_DELEGATES.requirements(), people, REF);
  }

  @Test
  void seed003ValidListMeetsEveryRequirement() {
    QuotaCheck c = check003(valid003());
    assertThat(c.total()).isEqualTo(16);
    assertThat(c.results()).allMatch(QuotaResult::met);
    assertThat(c.allMet()).isTrue();
    assertThat(c.findings().all()).isEmpty();
    assertThat(c.decision().outcome()).isTrue();
    assertThat(c.decision().codes()).contains("QUOTA.TAG.MAX", "QUOTA.WOMEN.MIN", "QUOTA.AGE.MIN");
  }

  /** seed-rules.md ST-12/ST-13: 10 leaders + 6 grassroots is a violation of both. */
  @Test
  void seed003TenLeadersSixGrassrootsViolatesBoth() {
    List<Person> people =
        new Delegates()
            .add(5, "男", 55, "汉族", "领导干部")
            .add(4, "女", 48, "汉族", "领导干部")
            .add(1, "男", 45, "蒙古族", "领导干部")
            .add(1, "女", 40, "汉族", "基层一线", "先进模范", "工人")
            .add(2, "男", 52, "汉族", "基层一线", "先进模范")
            .add(3, "女", 38, "汉族", "基层一线", "专业技术")
            .list();
    QuotaCheck c = check003(people);
    assertThat(c.allMet()).isFalse();
    assertThat(c.findings().errors())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("QUOTA.TAG.MAX", "QUOTA.TAG.MIN", "QUOTA.TAG.MIN");
    Finding cap =
        c.findings().errors().stream()
            .filter(f -> f.code().equals("QUOTA.TAG.MAX"))
            .findFirst()
            .get();
    assertThat(cap.messageZh()).isEqualTo("领导干部不超过9名，现有10名，超出1名");
    assertThat(cap.facts()).containsEntry("excess", 1L).containsEntry("source", "ST-12");
    assertThat(c.findings().errors())
        .extracting(Finding::messageZh)
        .contains("基层一线至少7名，现有6名，还差1名", "专业技术至少4名，现有3名，还差1名");
  }

  @Test
  void womenShortfallMessageNamesTheGap() {
    List<Person> people =
        new Delegates()
            .add(9, "男", 45, "汉族", "领导干部")
            .add(5, "女", 40, "回族", "基层一线", "先进模范", "工人", "专业技术")
            .add(2, "男", 40, "汉族", "基层一线", "专业技术")
            .list();
    QuotaCheck c = check003(people);
    assertThat(c.findings().errors()).extracting(Finding::code).containsExactly("QUOTA.WOMEN.MIN");
    Finding f = c.findings().errors().get(0);
    assertThat(f.messageZh()).isEqualTo("女性至少7名，现有5名，还差2名");
    assertThat(f.facts()).containsEntry("missing", 2L).containsEntry("count", 5L);
    assertThat(f.fields()).containsExactly("requirements[5]");
  }

  /** "50岁以下" includes 50 (民法典 第一千二百五十九条); "不满50周岁" does not. Birthday = reference. */
  @Test
  void ageBoundaryOnTheBirthday() {
    Person fifty =
        new Person("a", "甲", Gender.MALE, LocalDate.of(1969, 4, 10), "汉族", true, Set.of());
    Person fortyNine =
        new Person("b", "乙", Gender.MALE, LocalDate.of(1969, 4, 11), "汉族", true, Set.of());
    Person fiftyOne =
        new Person("c", "丙", Gender.MALE, LocalDate.of(1968, 4, 10), "汉族", true, Set.of());
    assertThat(Attribute.ageAtMost(50).test(fifty, REF)).contains(true);
    assertThat(Attribute.ageUnder(50).test(fifty, REF)).contains(false);
    assertThat(Attribute.ageUnder(50).test(fortyNine, REF)).contains(true);
    assertThat(Attribute.ageAtMost(50).test(fiftyOne, REF)).contains(false);
    assertThat(Attribute.ageAtLeast(51).test(fiftyOne, REF)).contains(true);
    assertThat(Attribute.ageAtMost(50).labelZh()).isEqualTo("50周岁以下");
  }

  /** 002 ST-04: party members must be more than 50% (strict). 4 of 8 fails; 5 of 9 passes. */
  @Test
  void partyMembersStrictlyMoreThanHalf() {
    List<QuotaRequirement> reqs = QuotaSets.RESIDENTS_COMMITTEE.requirements();
    QuotaCheck half = Quotas.check(reqs, members(8, 4), null);
    QuotaResult r = half.results().get(0);
    assertThat(r.met()).isFalse();
    assertThat(r.bound()).isEqualTo(5);
    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.step().test()).isEqualTo("count*2 > total*1");
    assertThat(half.findings().errors().get(0).messageZh())
        .isEqualTo("中共党员比例高于50%（共8名，至少需5名），现有4名，还差1名");
    assertThat(half.findings().errors().get(0).code()).isEqualTo("QUOTA.PARTY_MEMBER.MIN");
    assertThat(Quotas.check(reqs, members(9, 5), null).results().get(0).met()).isTrue();
    assertThat(Quotas.check(reqs, members(9, 4), null).results().get(0).missing()).isEqualTo(1);
  }

  private static List<Person> members(int total, int party) {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      out.add(
          new Person(
              "m" + i,
              "成员" + i,
              i == 0 ? Gender.FEMALE : Gender.MALE,
              null,
              "汉族",
              i < party,
              Set.of()));
    }
    return out;
  }

  @Test
  void shareAtLeastRoundsTheNeededCountUp() {
    QuotaRequirement r =
        QuotaRequirement.share(
            "x", Attribute.nonPartyMember(), Comparison.AT_LEAST, Share.parse("35%"), null);
    // 35% of 20 = 7 exactly: 7 passes, 6 misses by 1
    assertThat(Quotas.check(List.of(r), nonParty(20, 7), null).allMet()).isTrue();
    QuotaResult six = Quotas.check(List.of(r), nonParty(20, 6), null).results().get(0);
    assertThat(six.met()).isFalse();
    assertThat(six.missing()).isEqualTo(1);
    // 35% of 11 = 3.85 -> 4 needed
    assertThat(Quotas.check(List.of(r), nonParty(11, 3), null).results().get(0).bound())
        .isEqualTo(4);
  }

  private static List<Person> nonParty(int total, int nonParty) {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      out.add(new Person("n" + i, "", Gender.MALE, null, null, i >= nonParty, Set.of()));
    }
    return out;
  }

  @Test
  void missingDataIsAWarningAndNotCounted() {
    List<Person> people =
        List.of(
            new Person("a", "甲", Gender.MALE, null, "汉族", true, Set.of()),
            new Person("b", "乙", null, LocalDate.of(1990, 1, 1), "汉族", true, Set.of()));
    QuotaCheck c = Quotas.check(QuotaSets.COMMUNITY_TWO_COMMITTEES.requirements(), people, REF);
    assertThat(c.findings().warnings())
        .extracting(Finding::code)
        .containsExactly("QUOTA.DATA.MISSING", "QUOTA.DATA.MISSING");
    assertThat(c.findings().warnings())
        .flatExtracting(Finding::fields)
        .containsExactlyInAnyOrder("people[0].birthDate", "people[1].gender");
    // b (aged 29) meets ST-01; nobody is known to be a woman
    assertThat(c.results().get(0).met()).isTrue();
    assertThat(c.results().get(1).met()).isFalse();
    assertThat(c.results().get(1).unknown()).containsExactly("b");
  }

  @Test
  void invalidInput() {
    Person a = new Person("a", "甲", Gender.MALE, LocalDate.of(1980, 1, 1), "汉族", true, Set.of());
    assertThatThrownBy(
            () -> Quotas.check(QuotaSets.COMMUNITY_TWO_COMMITTEES.requirements(), List.of(a), null))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("referenceDate");
    assertThatThrownBy(() -> Quotas.check(List.of(), List.of(a, a), REF))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("people[1].id");
    Person unborn = new Person("u", "", null, LocalDate.of(2020, 1, 1), null, null, Set.of());
    assertThatThrownBy(() -> Quotas.check(List.of(), List.of(unborn), REF))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("people[0].birthDate");
    assertThatThrownBy(() -> Share.parse("abc")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Share.parse("3/2")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                new QuotaRequirement(
                    "x", Attribute.female(), Comparison.AT_LEAST, 1L, Share.of(1, 2), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Attribute.tagged()).isInstanceOf(InvalidInputException.class);
    assertThat(Share.parse("1/2")).isEqualTo(Share.of(50, 100));
    assertThat(Share.of(2, 3).displayZh()).isEqualTo("2/3");
  }

  @Test
  void builtInSetsAreFoundById() {
    assertThat(QuotaSets.byId("PARTY_CONGRESS_DELEGATES"))
        .contains(QuotaSets.PARTY_CONGRESS_DELEGATES);
    assertThat(QuotaSets.byId("nope")).isEmpty();
    assertThat(QuotaSets.all()).extracting(QuotaSet::id).doesNotHaveDuplicates();
  }

  static Stream<Arguments> randomShares() {
    long seed = 35L;
    Random r = new Random(seed);
    return IntStream.range(0, 400)
        .mapToObj(
            i -> {
              int total = r.nextInt(30);
              int count = total == 0 ? 0 : r.nextInt(total + 1);
              long q = 1 + r.nextInt(100);
              long p = r.nextInt((int) q + 1);
              Comparison cmp = Comparison.values()[r.nextInt(4)];
              return Arguments.of(seed, total, count, p, q, cmp);
            });
  }

  /**
   * Property (seed 35): the cross-multiplied test agrees with exact fractions, the bound splits met
   * from unmet, and "missing" is the least number of replacements that meets a minimum.
   */
  @ParameterizedTest(name = "seed {0}: {2}/{1} {5} {3}/{4}")
  @MethodSource("randomShares")
  void shareArithmeticAgreesWithExactFractions(
      long seed, int total, int count, long p, long q, Comparison cmp) {
    QuotaRequirement req =
        QuotaRequirement.share("x", Attribute.partyMember(), cmp, Share.of(p, q), null);
    QuotaResult res = Quotas.check(List.of(req), partyList(total, count), null).results().get(0);
    // exact: count/total cmp p/q  <=>  count*q cmp total*p (total may be 0)
    int sign =
        BigInteger.valueOf(count)
            .multiply(BigInteger.valueOf(q))
            .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(p)));
    boolean exact =
        switch (cmp) {
          case AT_LEAST -> sign >= 0;
          case MORE_THAN -> sign > 0;
          case AT_MOST -> sign <= 0;
          case LESS_THAN -> sign < 0;
        };
    assertThat(res.met()).isEqualTo(exact);
    assertThat(res.met()).isEqualTo(cmp.minimum() ? count >= res.bound() : count <= res.bound());
    if (cmp.minimum() && !res.met() && res.bound() <= total) {
      long k = res.missing();
      assertThat(Quotas.check(List.of(req), partyList(total, (int) (count + k)), null).allMet())
          .isTrue();
      assertThat(Quotas.check(List.of(req), partyList(total, (int) (count + k - 1)), null).allMet())
          .isFalse();
    }
  }

  private static List<Person> partyList(int total, int members) {
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      out.add(new Person("q" + i, "", null, null, null, i < members, Set.of()));
    }
    return out;
  }
}
