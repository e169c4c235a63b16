package xuanju.core.quota;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xuanju.core.rule.InvalidInputException;

/**
 * What a quota counts (结构要求所统计的属性): women, ethnic minorities, party members, an age band on the
 * reference date, or people carrying given identity tags.
 *
 * <p>Age bands follow the Chinese wording and 民法典 第一千二百五十九条 ("以上、以下…包括本数"): {@link
 * Kind#AGE_AT_MOST} is "A周岁以下" and includes age A; {@link Kind#AGE_UNDER} is "不满A周岁"; {@link
 * Kind#AGE_AT_LEAST} is "A周岁以上". Age is in full years (周岁) on the reference date.
 *
 * @param kind what is counted
 * @param years the age A for the age kinds, 0 otherwise
 * @param tags for {@link Kind#TAGS}: a person counts if they carry all of these tags
 */
public record Attribute(Kind kind, int years, Set<String> tags) {

  /** The kinds of attribute (属性类别). */
  public enum Kind {
    FEMALE,
    MINORITY,
    PARTY_MEMBER,
    NON_PARTY_MEMBER,
    AGE_AT_MOST,
    AGE_UNDER,
    AGE_AT_LEAST,
    TAGS;

    public boolean age() {
      return this == AGE_AT_MOST || this == AGE_UNDER || this == AGE_AT_LEAST;
    }
  }

  public Attribute {
    Objects.requireNonNull(kind, "kind");
    tags = Set.copyOf(new TreeSet<>(tags == null ? Set.of() : tags));
    if (kind.age() && (years <= 0 || years > 150)) {
      throw new InvalidInputException("years", "年龄应在1至150之间，实际为 " + years);
    }
    if (kind == Kind.TAGS && (tags.isEmpty() || tags.stream().anyMatch(String::isBlank))) {
      throw new InvalidInputException("tags", "身份类别要求须至少给出一个非空的类别名称");
    }
    if (!kind.age()) {
      years = 0;
    }
    if (kind != Kind.TAGS) {
      tags = Set.of();
    }
  }

  public static Attribute female() {
    return new Attribute(Kind.FEMALE, 0, Set.of());
  }

  public static Attribute minority() {
    return new Attribute(Kind.MINORITY, 0, Set.of());
  }

  public static Attribute partyMember() {
    return new Attribute(Kind.PARTY_MEMBER, 0, Set.of());
  }

  public static Attribute nonPartyMember() {
    return new Attribute(Kind.NON_PARTY_MEMBER, 0, Set.of());
  }

  /** "A周岁以下": age in full years ≤ A. */
  public static Attribute ageAtMost(int years) {
    return new Attribute(Kind.AGE_AT_MOST, years, Set.of());
  }

  /** "不满A周岁": age in full years &lt; A. */
  public static Attribute ageUnder(int years) {
    return new Attribute(Kind.AGE_UNDER, years, Set.of());
  }

  /** "A周岁以上": age in full years ≥ A. */
  public static Attribute ageAtLeast(int years) {
    return new Attribute(Kind.AGE_AT_LEAST, years, Set.of());
  }

  /** People carrying all these tags, e.g. {@code 先进模范} and {@code 工人}. */
  public static Attribute tagged(String... tags) {
    return new Attribute(Kind.TAGS, 0, Set.of(tags));
  }

  /** The Chinese label, e.g. {@code 女性}, {@code 50周岁以下}, {@code 先进模范（工人）}. */
  public String labelZh() {
    return switch (kind) {
      case FEMALE -> "女性";
      case MINORITY -> "少数民族";
      case PARTY_MEMBER -> "中共党员";
      case NON_PARTY_MEMBER -> "非中共党员";
      case AGE_AT_MOST -> years + "周岁以下";
      case AGE_UNDER -> "不满" + years + "周岁";
      case AGE_AT_LEAST -> years + "周岁以上";
      case TAGS -> String.join("且", new TreeSet<>(tags));
    };
  }

  /** The person field this attribute reads, for missing-data findings. */
  public String fieldName() {
    return switch (kind) {
      case FEMALE -> "gender";
      case MINORITY -> "ethnicity";
      case PARTY_MEMBER, NON_PARTY_MEMBER -> "partyMember";
      case AGE_AT_MOST, AGE_UNDER, AGE_AT_LEAST -> "birthDate";
      case TAGS -> "tags";
    };
  }

  /**
   * Whether the person counts; empty when the needed attribute is unknown.
   *
   * @param referenceDate the date ages are computed on; required for the age kinds
   */
  public Optional<Boolean> test(Person p, LocalDate referenceDate) {
    return switch (kind) {
      case FEMALE -> Optional.ofNullable(p.gender()).map(g -> g == Gender.FEMALE);
      case MINORITY -> Optional.ofNullable(p.minority());
      case PARTY_MEMBER -> Optional.ofNullable(p.partyMember());
      case NON_PARTY_MEMBER -> Optional.ofNullable(p.partyMember()).map(b -> !b);
      case AGE_AT_MOST, AGE_UNDER, AGE_AT_LEAST -> {
        if (p.birthDate() == null) {
          yield Optional.empty();
        }
        Objects.requireNonNull(referenceDate, "referenceDate");
        int age = Period.between(p.birthDate(), referenceDate).getYears();
        yield Optional.of(
            switch (kind) {
              case AGE_AT_MOST -> age <= years;
              case AGE_UNDER -> age < years;
              default -> age >= years;
            });
      }
      case TAGS -> Optional.of(p.tags().containsAll(tags));
    };
  }
}
