package xuanju.server.delegates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identity tags (身份标签) of a recommended person, as core's {@code PARTY_CONGRESS_DELEGATES}
 * quota set counts them, with the words users type and read. {@code 领导干部} and {@code 基层一线} come
 * from the person's {@link DelegateCategory}; the others are typed.
 */
final class QuotaTags {
  private QuotaTags() {}

  static final String LEADING_CADRE = "领导干部";
  static final String GRASSROOTS = "基层一线";
  static final String MODEL = "先进模范";
  static final String WORKER = "工人";
  static final String PROFESSIONAL = "专业技术";

  /**
   * 企业: the person works in an enterprise, so the regulators are heard before the 初步人选 are fixed
   * (seed 003 step 6: 对企业的考察对象，有针对性地听取行政执法、行业监管等有关部门的意见). Not a quota tag.
   */
  static final String ENTERPRISE = "企业";

  /** The grassroots seats' tags a leading cadre may not carry (代表身份界定). */
  static final Set<String> GRASSROOTS_ONLY = Set.of(GRASSROOTS, MODEL, WORKER, PROFESSIONAL);

  /** Typed word → core tag. */
  private static final Map<String, String> WORDS = words();

  private static Map<String, String> words() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("基层一线", GRASSROOTS);
    m.put("先进模范", MODEL);
    m.put("先进模范人物", MODEL);
    m.put("工人", WORKER);
    m.put("专业技术人员", PROFESSIONAL);
    m.put("专业技术", PROFESSIONAL);
    m.put("企业", ENTERPRISE);
    m.put("企业人员", ENTERPRISE);
    m.put("领导干部", LEADING_CADRE);
    return m;
  }

  /** The core tag of a typed word, if known. */
  static Optional<String> parse(String word) {
    return Optional.ofNullable(WORDS.get(word.strip()));
  }

  /** The words users read: 专业技术 → 专业技术人员. */
  static String zh(String tag) {
    return PROFESSIONAL.equals(tag) ? "专业技术人员" : tag;
  }

  /** The typed tags shown, in a fixed order, separated by 、. */
  static String zh(Set<String> tags) {
    return WORDS.values().stream()
        .distinct()
        .filter(tags::contains)
        .map(QuotaTags::zh)
        .collect(Collectors.joining("、"));
  }

  /** The words a user may type. */
  static String allowedZh() {
    return "基层一线、先进模范、工人、专业技术人员、企业";
  }
}
