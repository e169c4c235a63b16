package xuanju.server.register;

/** The election committee's decision on an objection (申诉处理结果). */
public enum ObjectionOutcome {
  /** 维持原名单. */
  UPHELD("维持"),
  /** 更正名单 (the correction itself is recorded as a 补登、除名 or 更正). */
  CORRECTED("更正");

  private final String labelZh;

  ObjectionOutcome(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
