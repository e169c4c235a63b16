package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.rule.InvalidInputException;

/**
 * A person who cannot exercise the right to vote (不能行使选举权利): 选举法 第二十七条第二款, "精神病患者不能行使选举权利的，
 * 经选举委员会确认，不列入选民名单". Only the committee's confirmation takes the person off the list; until then
 * the person stays on it.
 *
 * @param reason the reason as recorded, e.g. {@code 精神病患者，经医院诊断不能行使选举权利}; required
 * @param evidence what supports it (医院证明 / 监护人同意)
 * @param intermittent 间歇性精神病患者: stays on the list and does not vote during an episode (上海 实施细则
 *     第二十一条第二款)
 * @param decidedOn the day the election committee confirmed it; null while not confirmed
 * @param decisionRef the committee's decision (文号, or the meeting record); required when confirmed
 * @param endedOn the first day the situation no longer applies (情形消除), null if it still does
 */
public record Incapacity(
    String reason,
    Evidence evidence,
    boolean intermittent,
    LocalDate decidedOn,
    String decisionRef,
    LocalDate endedOn) {

  /** What supports the finding (依据材料). */
  public enum Evidence {
    HOSPITAL_CERTIFICATE("医院证明"),
    GUARDIAN_CONSENT("监护人同意"),
    NONE("未提供");

    private final String labelZh;

    Evidence(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  public Incapacity {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("incapacity.reason", "不能行使选举权利须记录原因");
    }
    reason = reason.strip();
    evidence = evidence == null ? Evidence.NONE : evidence;
    decisionRef = decisionRef == null ? "" : decisionRef.strip();
    if (decidedOn != null && decisionRef.isEmpty()) {
      throw new InvalidInputException("incapacity.decisionRef", "选举委员会确认不能行使选举权利，须记录确认决定（文号或会议记录）");
    }
    if (decidedOn != null && endedOn != null && endedOn.isBefore(decidedOn)) {
      throw new InvalidInputException(
          "incapacity.endedOn", "情形消除日期 " + endedOn + " 早于确认日期 " + decidedOn);
    }
  }

  /** Not yet confirmed by the committee. */
  public static Incapacity reported(String reason, Evidence evidence) {
    return new Incapacity(reason, evidence, false, null, "", null);
  }

  /** Confirmed by the committee on {@code decidedOn} by {@code decisionRef}. */
  public static Incapacity confirmed(
      String reason, Evidence evidence, LocalDate decidedOn, String decisionRef) {
    return new Incapacity(reason, evidence, false, decidedOn, decisionRef, null);
  }

  /** Whether the committee's confirmation is in force on {@code day}. */
  public boolean confirmedOn(LocalDate day) {
    return decidedOn != null
        && !decidedOn.isAfter(day)
        && (endedOn == null || endedOn.isAfter(day));
  }

  /** Whether the situation has ended by {@code day}. */
  public boolean endedBy(LocalDate day) {
    return endedOn != null && !endedOn.isAfter(day);
  }
}
