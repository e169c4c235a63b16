package xuanju.core.register;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * Political affiliation (政治面貌), the categories of the usual registration forms. Only the two CPC
 * categories count as 中共党员 for composition quotas; everyone else is 非中共 (non-CPC), which seed 004
 * requires to be at least 35% of the town's deputies (ST-20).
 */
public enum PoliticalStatus {
  /** 中共党员. */
  CPC_MEMBER("中共党员", List.of("党员", "中国共产党党员")),
  /** 中共预备党员. */
  CPC_PROBATIONARY("中共预备党员", List.of("预备党员")),
  /** 共青团员. */
  YOUTH_LEAGUE("共青团员", List.of("团员")),
  /** 民主党派成员. */
  DEMOCRATIC_PARTY("民主党派成员", List.of("民主党派")),
  /** 无党派人士. */
  NON_PARTISAN("无党派人士", List.of("无党派")),
  /** 群众. */
  MASSES("群众", List.of());

  private final String labelZh;
  private final List<String> aliases;

  PoliticalStatus(String labelZh, List<String> aliases) {
    this.labelZh = labelZh;
    this.aliases = aliases;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Whether this is a member of the Communist Party of China (full or probationary). */
  public boolean cpc() {
    return this == CPC_MEMBER || this == CPC_PROBATIONARY;
  }

  /** Reads a label or a common short form ({@code 党员}, {@code 团员} …); empty if unknown. */
  public static Optional<PoliticalStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    for (PoliticalStatus s : values()) {
      if (s.labelZh.equals(t) || s.aliases.contains(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
