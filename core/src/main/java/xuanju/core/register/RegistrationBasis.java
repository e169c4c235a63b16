package xuanju.core.register;

/**
 * On what ground a voter is registered in a district (登记依据). Besides the 户籍地 (household
 * registration), the law and the plans allow migrants (流动人口) to register where they live with a
 * 选民资格证明 from the 户籍地, and staff of units to register at their workplace.
 */
public enum RegistrationBasis {
  /** 户籍所在地 (流动人口 "原则上在户籍所在地参加选举", seed 004). */
  HUKOU("户籍所在地", RegisterRule.BASIS_HUKOU),
  /** 现居住地，凭户籍所在地开具的选民资格证明 (若干规定 第九条第二款). */
  RESIDENCE_WITH_CERTIFICATE("现居住地（凭选民资格证明）", RegisterRule.BASIS_RESIDENCE_CERTIFICATE),
  /** 现居住地，上一届已在此参加选举，经核对选民资格 (seed 004). */
  PREVIOUS_RESIDENCE("现居住地（上届已在此参选）", RegisterRule.BASIS_PREVIOUS_RESIDENCE),
  /** 工作单位 (seed 004: 机关、企事业单位工作人员应在工作地登记). */
  WORKPLACE("工作单位", RegisterRule.BASIS_WORKPLACE),
  /** 选举委员会研究决定 (other cases). */
  COMMITTEE_DECISION("选举委员会决定", RegisterRule.BASIS_COMMITTEE_DECISION);

  private final String labelZh;
  private final RegisterRule rule;

  RegistrationBasis(String labelZh, RegisterRule rule) {
    this.labelZh = labelZh;
    this.rule = rule;
  }

  public String labelZh() {
    return labelZh;
  }

  /** The rule that allows registering on this ground. */
  public RegisterRule rule() {
    return rule;
  }
}
