package xuanju.core.roster;

import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * The result of checking one member's input (党员信息校验结果): the member when there are no errors
 * (warnings allowed), and every finding.
 */
public record MemberCheck(Optional<Member> member, Findings findings) {
  public MemberCheck {
    if (member.isPresent() && !findings.ok()) {
      throw new IllegalArgumentException("有错误时不能给出党员");
    }
  }

  public boolean ok() {
    return findings.ok();
  }

  /** The findings that concern {@code field}. */
  public List<Finding> on(RosterField field) {
    return findings.all().stream().filter(f -> f.fields().contains(field.key())).toList();
  }
}
