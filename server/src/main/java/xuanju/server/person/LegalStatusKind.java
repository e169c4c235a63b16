package xuanju.server.person;

/**
 * The kind of a legal-status record of a person (选民资格相关情况), column {@code
 * person_legal_status.kind}.
 */
public enum LegalStatusKind {
  /** 依法被剥夺政治权利 (core {@code Deprivation}). */
  DEPRIVED("剥夺政治权利"),
  /** 不能行使选举权利，经选举委员会确认 (core {@code Incapacity}). */
  INCAPACITY("不能行使选举权利"),
  /** 停止行使选举权利 (core {@code VotingSuspension}). */
  SUSPENDED("停止行使选举权利");

  private final String labelZh;

  LegalStatusKind(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
