package xuanju.core.register;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person's occupation category (身份/职业类别), as used for the composition of deputies and committee
 * members (代表结构). Seed 004 asks for more 工人、农牧民、专业技术人员 and limits 党政领导干部 and 企业负责人; the identity is
 * the occupation at the time of the election (ST-22, "以参加选举时所从事的职业为准").
 *
 * <p>Each category gives the composition-quota tags it carries ({@link #quotaTags()}): its label
 * and the short forms the built-in quota sets use, e.g. {@code 党政领导干部} also carries {@code 领导干部}
 * and {@code 专业技术人员} also carries {@code 专业技术}. Whether a person is 基层一线 (front line) or 先进模范 is
 * not derived from the category; it is recorded as an extra tag of the {@link Resident}.
 */
public enum Occupation {
  /** 工人. */
  WORKER("工人", List.of()),
  /** 农民 (农牧民 in pastoral areas such as 内蒙古). */
  FARMER("农民", List.of("农牧民", "牧民")),
  /** 专业技术人员. */
  PROFESSIONAL("专业技术人员", List.of("专业技术")),
  /** 党政领导干部. */
  LEADING_CADRE("党政领导干部", List.of("领导干部")),
  /** 企业负责人. */
  ENTERPRISE_HEAD("企业负责人", List.of()),
  /** 社区工作者 (seed 004: new seats should favour community workers). */
  COMMUNITY_WORKER("社区工作者", List.of()),
  /** 其他. */
  OTHER("其他", List.of());

  private final String labelZh;
  private final List<String> aliases;

  Occupation(String labelZh, List<String> aliases) {
    this.labelZh = labelZh;
    this.aliases = aliases;
  }

  public String labelZh() {
    return labelZh;
  }

  /** The other names accepted on input and carried as quota tags. */
  public List<String> aliases() {
    return aliases;
  }

  /** The tags this category carries for composition quotas: the label and its aliases. */
  public Set<String> quotaTags() {
    Set<String> tags = new LinkedHashSet<>();
    tags.add(labelZh);
    tags.addAll(aliases);
    return Set.copyOf(tags);
  }

  /** Reads a label or alias ({@code 工人}, {@code 农牧民}, {@code 领导干部} …); empty if unknown. */
  public static Optional<Occupation> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    for (Occupation o : values()) {
      if (o.labelZh.equals(t) || o.aliases.contains(t)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
