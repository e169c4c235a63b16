package xuanju.core.register;

/**
 * Why the register changed between two cycles (选民增减原因), 选举法 第二十七条: additions (增) and removals (减),
 * in the order of the 增减 summary officers report.
 */
public enum ChangeReason {
  /** 新满十八周岁 (增). */
  NEW_ADULT(true, "新满十八周岁", RegisterRule.NEW_ADULT),
  /** 恢复政治权利 (增). */
  RESTORED(true, "恢复政治权利", RegisterRule.RESTORED),
  /** 迁入 (增). */
  MOVED_IN(true, "迁入", RegisterRule.MOVED_IN),
  /** 其他新登记：上届漏登、不能行使选举权利的情形消除等 (增). */
  OTHER_ADDED(true, "其他增加", RegisterRule.OTHER_ADDED),
  /** 迁出 (减). */
  MOVED_OUT(false, "迁出", RegisterRule.MOVED_OUT),
  /** 死亡 (减). */
  DEATH(false, "死亡", RegisterRule.DEATH),
  /** 被剥夺政治权利 (减). */
  DEPRIVED(false, "被剥夺政治权利", RegisterRule.NEWLY_DEPRIVED),
  /** 不能行使选举权利，经选举委员会确认 (减). */
  INCAPACITY(false, "不能行使选举权利", RegisterRule.NEWLY_INCAPABLE),
  /** 其他减少：原登记有误等 (减). */
  OTHER_REMOVED(false, "其他减少", RegisterRule.OTHER_REMOVED);

  private final boolean addition;
  private final String labelZh;
  private final RegisterRule rule;

  ChangeReason(boolean addition, String labelZh, RegisterRule rule) {
    this.addition = addition;
    this.labelZh = labelZh;
    this.rule = rule;
  }

  /** True for 增, false for 减. */
  public boolean addition() {
    return addition;
  }

  public String labelZh() {
    return labelZh;
  }

  public RegisterRule rule() {
    return rule;
  }
}
