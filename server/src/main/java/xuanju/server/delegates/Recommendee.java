package xuanju.server.delegates;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;

/**
 * A recommended person (推荐人选) on a unit's list.
 *
 * @param occupation 工作单位及职务 (or occupation), by which the category is defined
 * @param tags typed identity tags as core quota tags ({@link QuotaTags}): 先进模范, 工人, 专业技术, and 基层一线
 *     when typed; the category's own tag is added by {@link #quotaTags()}
 * @param supportVotes 推荐票数 (the support the person received in the recommendation)
 * @param partyJoined 入党时间 (for the 登记表), null when not given
 * @param education 学历 (for the 登记表), empty when not given
 */
public record Recommendee(
    String name,
    Gender gender,
    LocalDate birthDate,
    String ethnicity,
    DelegateCategory category,
    String occupation,
    Set<String> tags,
    int supportVotes,
    LocalDate partyJoined,
    String education) {
  /** A person without the 登记表's optional fields. */
  public Recommendee(
      String name,
      Gender gender,
      LocalDate birthDate,
      String ethnicity,
      DelegateCategory category,
      String occupation,
      Set<String> tags,
      int supportVotes) {
    this(name, gender, birthDate, ethnicity, category, occupation, tags, supportVotes, null, "");
  }

  public Recommendee {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(ethnicity, "ethnicity");
    Objects.requireNonNull(category, "category");
    occupation = occupation == null ? "" : occupation;
    tags = Set.copyOf(new TreeSet<>(tags == null ? Set.of() : tags));
    education = education == null ? "" : education;
  }

  /** Whether the person is tagged as working in an enterprise (企业, seed 003 step 6). */
  public boolean enterprise() {
    return tags.contains(QuotaTags.ENTERPRISE);
  }

  /** The tags core's quota set counts: the typed ones and the category's. */
  public Set<String> quotaTags() {
    Set<String> all = new TreeSet<>(tags);
    all.add(category.quotaTag());
    return all;
  }

  /** The person as core's quota check sees it. */
  Person person(String id) {
    return new Person(id, name, gender, birthDate, ethnicity, Boolean.TRUE, quotaTags());
  }

  /** 周岁 on the given day. */
  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  /** The typed tags as users read them (专业技术人员 …). */
  public String tagsZh() {
    return QuotaTags.zh(tags);
  }

  /** Whether a leading cadre carries a grassroots tag (代表身份界定). */
  boolean cadreInGrassroots() {
    return category.cadre() && tags.stream().anyMatch(QuotaTags.GRASSROOTS_ONLY::contains);
  }
}
