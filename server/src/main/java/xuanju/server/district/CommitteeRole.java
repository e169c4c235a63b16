package xuanju.server.district;

import java.util.Locale;
import java.util.Optional;

/**
 * A role in the election committee (选举委员会成员职务), or in its office (选举委员会办公室, which drafts the
 * documents, keeps the figures and coordinates; its people are not members of the committee).
 */
public enum CommitteeRole {
  /** 主任. */
  CHAIR("主任"),
  /** 副主任. */
  VICE_CHAIR("副主任"),
  /** 委员. */
  MEMBER("委员"),
  /** 选举委员会办公室主任 (not a member of the committee: its office, seed 004). */
  OFFICE_DIRECTOR("办公室主任"),
  /** 选举委员会办公室工作人员. */
  OFFICE_STAFF("办公室工作人员");

  private final String labelZh;

  CommitteeRole(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Whether the role is in the committee's office rather than the committee itself. */
  public boolean office() {
    return this == OFFICE_DIRECTOR || this == OFFICE_STAFF;
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
