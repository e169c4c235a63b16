package xuanju.server.district;

import java.util.Locale;
import java.util.Optional;

/** A member's role in the election committee (选举委员会成员职务). */
public enum CommitteeRole {
  /** 主任. */
  CHAIR("主任"),
  /** 副主任. */
  VICE_CHAIR("副主任"),
  /** 委员. */
  MEMBER("委员");

  private final String labelZh;

  CommitteeRole(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Reads the stored key or the Chinese label. */
  public static Optional<CommitteeRole> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    for (CommitteeRole r : values()) {
      if (r.name().equals(t.toUpperCase(Locale.ROOT)) || r.labelZh.equals(t)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
