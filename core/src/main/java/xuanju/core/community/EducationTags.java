package xuanju.core.community;

import java.util.HashSet;
import java.util.Set;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaSets;
import xuanju.core.roster.Education;

/**
 * Reads education into the quota tags (学历结构): 大专（含大专）以上 is {@link Education#COLLEGE} or higher and
 * carries {@link QuotaSets#COLLEGE_TAG}, which ST-03 counts.
 */
public final class EducationTags {
  private EducationTags() {}

  /** Whether the education is 大专（含大专）以上; false when unknown. */
  public static boolean collegeOrAbove(Education e) {
    return e != null && e.ordinal() <= Education.COLLEGE.ordinal();
  }

  /** The person with {@link QuotaSets#COLLEGE_TAG} added when the education is 大专 or higher. */
  public static Person tagged(Person p, Education e) {
    if (!collegeOrAbove(e)) {
      return p;
    }
    Set<String> tags = new HashSet<>(p.tags());
    tags.add(QuotaSets.COLLEGE_TAG);
    return new Person(
        p.id(), p.name(), p.gender(), p.birthDate(), p.ethnicity(), p.partyMember(), tags);
  }
}
