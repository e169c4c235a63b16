package xuanju.core.register;

import java.time.LocalDate;
import java.util.Objects;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * Whether a person is a voter on election day (选民资格判定) and why.
 *
 * @param resident the person
 * @param electionDay the day eligibility is decided for (选举日)
 * @param status the deciding outcome
 * @param eighteenthBirthday the day the person is 18 (年满十八周岁之日)
 * @param ageOnElectionDay the age in full years on election day (0 if born after it)
 * @param suspended whether the person, although a voter, may not vote on election day (停止行使选举权利)
 * @param findings every finding: errors for each reason the person is not a voter, warnings and
 *     notices (leap-day birthday, unconfirmed incapacity, suspension, 有选举权)
 */
public record EligibilityResult(
    Resident resident,
    LocalDate electionDay,
    Status status,
    LocalDate eighteenthBirthday,
    int ageOnElectionDay,
    boolean suspended,
    Findings findings) {

  /** The deciding outcome (判定结果). */
  public enum Status {
    /** 有选举权，列入选民名单. */
    ELIGIBLE("有选举权", RegisterRule.ELIGIBLE),
    /** 未满十八周岁. */
    UNDER_18("未满十八周岁", RegisterRule.UNDER_18),
    /** 被剥夺政治权利. */
    DEPRIVED("被剥夺政治权利", RegisterRule.DEPRIVED),
    /** 不能行使选举权利，经选举委员会确认. */
    INCAPACITY("不能行使选举权利（经选举委员会确认）", RegisterRule.INCAPACITY);

    private final String labelZh;
    private final RegisterRule rule;

    Status(String labelZh, RegisterRule rule) {
      this.labelZh = labelZh;
      this.rule = rule;
    }

    public String labelZh() {
      return labelZh;
    }

    /** The rule that decides this outcome. */
    public RegisterRule rule() {
      return rule;
    }
  }

  public EligibilityResult {
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(electionDay, "electionDay");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(eighteenthBirthday, "eighteenthBirthday");
    Objects.requireNonNull(findings, "findings");
  }

  /** Whether the person goes on the voter list. */
  public boolean eligible() {
    return status == Status.ELIGIBLE;
  }

  /**
   * The finding that decided: the first error when not eligible (under 18 before deprivation before
   * incapacity), otherwise the 有选举权 notice.
   */
  public Finding reason() {
    return findings.all().stream().filter(f -> f.rule() == status.rule()).findFirst().orElseThrow();
  }

  /** The deciding rule code, e.g. {@code REGISTER.ELIGIBILITY.UNDER_18}. */
  public String code() {
    return reason().code();
  }

  /** The deciding Chinese message, naming the person, the dates and the article. */
  public String messageZh() {
    return reason().messageZh();
  }
}
