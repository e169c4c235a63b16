package xuanju.core.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Highest education (学历), in the categories of party statistics. */
public enum Education {
  POSTGRADUATE("研究生", List.of("博士研究生", "硕士研究生", "博士", "硕士")),
  BACHELOR("大学本科", List.of("本科")),
  COLLEGE("大学专科", List.of("大专", "专科")),
  SECONDARY_VOCATIONAL("中专", List.of("中等专科", "中技", "技校")),
  HIGH_SCHOOL("高中", List.of("职高")),
  JUNIOR_HIGH_OR_BELOW("初中及以下", List.of("初中", "小学", "小学及以下"));

  private final String labelZh;
  private final List<String> aliases;

  Education(String labelZh, List<String> aliases) {
    this.labelZh = labelZh;
    this.aliases = aliases;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Reads the label or a common synonym ({@code 本科}, {@code 大专}, {@code 初中} …). */
  public static Optional<Education> parse(String text) {
    String t = Texts.clean(text);
    for (Education e : values()) {
      if (e.labelZh.equals(t) || e.aliases.contains(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Education::labelZh).toList();
  }
}
