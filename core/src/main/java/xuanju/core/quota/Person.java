package xuanju.core.quota;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import xuanju.core.rule.InvalidInputException;

/**
 * A person on a candidate or elected list, with the attributes composition quotas look at (人员结构信息).
 * Unknown attributes are {@code null}; a quota that needs one reports the person as missing data
 * and does not count them.
 *
 * @param id unique within the list
 * @param name display name
 * @param gender 男/女, or null if unknown
 * @param birthDate for age quotas (周岁 on the reference date), or null if unknown
 * @param ethnicity 民族, e.g. {@code 汉族}, {@code 蒙古族}; null or blank if unknown. A minority is any
 *     ethnicity other than 汉族
 * @param partyMember 中共党员 (full or probationary member), or null if unknown
 * @param tags identity categories such as {@code 领导干部}, {@code 基层一线}, {@code 先进模范}, {@code 专业技术},
 *     {@code 工人}
 */
public record Person(
    String id,
    String name,
    Gender gender,
    LocalDate birthDate,
    String ethnicity,
    Boolean partyMember,
    Set<String> tags) {
  /** The majority ethnicity; everyone else counts as an ethnic minority (少数民族). */
  public static final String HAN = "汉族";

  public Person {
    if (id == null || id.isBlank()) {
      throw new InvalidInputException("id", "人员编号不能为空");
    }
    name = name == null ? "" : name;
    ethnicity = ethnicity == null || ethnicity.isBlank() ? null : ethnicity.strip();
    tags = Set.copyOf(new TreeSet<>(tags == null ? Set.of() : tags));
    Objects.requireNonNull(id);
  }

  /** Whether the person is of an ethnic minority; null when the ethnicity is unknown. */
  public Boolean minority() {
    if (ethnicity == null) {
      return null;
    }
    return !ethnicity.equals(HAN) && !ethnicity.equals("汉");
  }
}
