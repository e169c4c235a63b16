package xuanju.server.election.kind;

import java.util.Objects;

/**
 * One link of an approval chain (审批环节): which body does what with which subject.
 *
 * @param actionZh what the body does, e.g. {@code 批复}, {@code 确认并公布}, {@code 备案}
 */
public record ApprovalStep(ApprovalSubject subject, ApprovalBody body, String actionZh) {
  public ApprovalStep {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(actionZh, "actionZh");
  }

  /** e.g. {@code 选举工作方案：上级党组织批复}. */
  public String displayZh() {
    return subject.labelZh() + "：" + body.labelZh() + actionZh;
  }
}
