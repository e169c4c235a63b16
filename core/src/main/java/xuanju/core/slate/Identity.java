package xuanju.core.slate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import xuanju.core.quota.Person;
import xuanju.core.rule.InvalidInputException;

/**
 * Identity classification of delegates (代表身份界定), 003 and its attachment 代表身份界定说明, with 004 ST-22:
 * the tags the party-congress quotas count, and the combinations a person may not carry.
 *
 * <ul>
 *   <li>a leading cadre (领导干部) may not fill a grassroots seat (基层一线, and within it 先进模范, 专业技术人员,
 *       工人): {@link SlateRule#IDENTITY_CADRE_GRASSROOTS};
 *   <li>先进模范 and 专业技术人员 are parts of 基层一线 ("基层一线包括3名先进模范人物…和4名专业技术人员"): {@link
 *       SlateRule#IDENTITY_SUBCATEGORY};
 *   <li>a person is classified as one of them by main work ("按主要工作和代表性界定"): {@link
 *       SlateRule#IDENTITY_ONE_CATEGORY}.
 * </ul>
 */
public final class Identity {
  private Identity() {}

  /** 领导干部. */
  public static final String LEADING_CADRE = "领导干部";

  /** 基层一线. */
  public static final String GRASSROOTS = "基层一线";

  /** 先进模范（人物）. */
  public static final String ADVANCED_MODEL = "先进模范";

  /** 工人. */
  public static final String WORKER = "工人";

  /** 专业技术人员, written {@code 专业技术} as in the quota set. */
  public static final String PROFESSIONAL = "专业技术";

  /** The longer spelling accepted on input and read as {@link #PROFESSIONAL}. */
  public static final String PROFESSIONAL_LONG = "专业技术人员";

  private static final List<String> GRASSROOTS_SEATS =
      List.of(GRASSROOTS, ADVANCED_MODEL, PROFESSIONAL, WORKER);

  /** The tags with {@code 专业技术人员} written as {@code 专业技术}, order kept. */
  public static Set<String> normalise(Set<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      String s = t.strip();
      out.add(s.equals(PROFESSIONAL_LONG) ? PROFESSIONAL : s);
    }
    return out;
  }

  /**
   * Refuses a person whose tags break the identity classification.
   *
   * @param field the person's path for the message, e.g. {@code people[3]}
   * @throws InvalidInputException naming the rule code, the person and the tags
   */
  public static void check(Person p, String field) {
    Set<String> tags = p.tags();
    String who = p.id() + (p.name().isEmpty() ? "" : "（" + p.name() + "）");
    if (tags.contains(LEADING_CADRE)) {
      for (String g : GRASSROOTS_SEATS) {
        if (tags.contains(g)) {
          throw refuse(
              SlateRule.IDENTITY_CADRE_GRASSROOTS,
              field,
              who + "同时界定为“" + LEADING_CADRE + "”和“" + label(g) + "”");
        }
      }
    }
    for (String sub : List.of(ADVANCED_MODEL, PROFESSIONAL)) {
      if (tags.contains(sub) && !tags.contains(GRASSROOTS)) {
        throw refuse(
            SlateRule.IDENTITY_SUBCATEGORY,
            field,
            who + "界定为“" + label(sub) + "”，但未界定为“" + GRASSROOTS + "”");
      }
    }
    if (tags.contains(ADVANCED_MODEL) && tags.contains(PROFESSIONAL)) {
      throw refuse(
          SlateRule.IDENTITY_ONE_CATEGORY,
          field,
          who + "同时界定为“" + ADVANCED_MODEL + "”和“" + PROFESSIONAL_LONG + "”");
    }
  }

  private static String label(String tag) {
    return tag.equals(PROFESSIONAL) ? PROFESSIONAL_LONG : tag;
  }

  private static InvalidInputException refuse(SlateRule rule, String field, String what) {
    return new InvalidInputException(
        field + ".tags",
        what + "。" + rule.messageZh() + "（" + rule.code() + "，" + rule.citation().display() + "）");
  }
}
