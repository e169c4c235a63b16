package xuanju.server.register;

import xuanju.core.register.RegisterRule;

/** Why a person of a district was not listed (不予登记的原因), with the deciding core rule. */
public enum RefusalReason {
  /** 未满十八周岁. */
  UNDER_18("未满十八周岁", RegisterRule.UNDER_18),
  /** 依法被剥夺政治权利. */
  DEPRIVED("被剥夺政治权利", RegisterRule.DEPRIVED),
  /** 不能行使选举权利，经选举委员会确认. */
  INCAPACITY("不能行使选举权利", RegisterRule.INCAPACITY),
  /** 已在其他选区登记 (一人一登记). */
  ELSEWHERE("已在其他选区登记", RegisterRule.REGISTERED_ELSEWHERE),
  /** 登记依据不全 (e.g. a workplace district without the workplace). */
  BASIS("登记依据不全", RegisterRule.WORKPLACE_MISSING),
  /** 已死亡 (the person register records the death). */
  DECEASED("已死亡", null);

  private final String labelZh;
  private final RegisterRule rule;

  RefusalReason(String labelZh, RegisterRule rule) {
    this.labelZh = labelZh;
    this.rule = rule;
  }

  public String labelZh() {
    return labelZh;
  }

  /** The rule in Chinese with its legal source, for the page (no rule code). */
  public String ruleZh() {
    return rule == null ? "死亡的公民不列入选民名单" : rule.messageZh() + "（" + rule.citation().display() + "）";
  }
}
