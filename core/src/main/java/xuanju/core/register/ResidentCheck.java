package xuanju.core.register;

import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * The result of checking one person's input (居民信息校验结果): the person when there are no errors, and
 * every finding.
 */
public record ResidentCheck(Optional<Resident> resident, Findings findings) {
  public ResidentCheck {
    if (resident.isPresent() && !findings.ok()) {
      throw new IllegalArgumentException("有错误时不能给出居民");
    }
  }

  public boolean ok() {
    return findings.ok();
  }

  /** The findings that concern {@code field}. */
  public List<Finding> on(ResidentField field) {
    return findings.all().stream().filter(f -> f.fields().contains(field.key())).toList();
  }
}
