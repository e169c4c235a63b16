package xuanju.server.congress;

import java.util.Arrays;
import java.util.Optional;

/** A member's role in a district working group (选区工作组职务). */
public enum WorkingGroupRole {
  /** 组长. */
  LEADER("组长"),
  /** 选民登记员: one per district. */
  REGISTRAR("选民登记员"),
  /** 成员. */
  MEMBER("成员");

  private final String labelZh;

  WorkingGroupRole(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  public static Optional<WorkingGroupRole> parse(String s) {
    return Arrays.stream(values()).filter(r -> r.name().equals(s)).findFirst();
  }
}
