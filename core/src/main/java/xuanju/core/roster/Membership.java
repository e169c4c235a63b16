package xuanju.core.roster;

import java.util.List;
import java.util.Optional;

/** Full or probationary membership (党员类别：正式党员 / 预备党员). */
public enum Membership {
  /** 正式党员 */
  FULL("正式党员", List.of("正式")),
  /** 预备党员 */
  PROBATIONARY("预备党员", List.of("预备"));

  private final String labelZh;
  private final List<String> aliases;

  Membership(String labelZh, List<String> aliases) {
    this.labelZh = labelZh;
    this.aliases = aliases;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Reads the label or a short form ({@code 正式}, {@code 预备}). */
  public static Optional<Membership> parse(String text) {
    String t = Texts.clean(text);
    for (Membership m : values()) {
      if (m.labelZh.equals(t) || m.aliases.contains(t)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The allowed values as shown to users. */
  public static List<String> labels() {
    return java.util.Arrays.stream(values()).map(Membership::labelZh).toList();
  }
}
