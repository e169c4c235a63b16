package xuanju.core.register;

import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.Findings;

/**
 * The result of checking one registration request (选民登记审核结果).
 *
 * @param request the request checked
 * @param existing the person's registration found elsewhere or here, if any
 * @param findings errors refuse the registration; the notice names its lawful ground
 */
public record RegistrationCheck(
    Registration request, Optional<Registration> existing, Findings findings) {
  public RegistrationCheck {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(existing, "existing");
    Objects.requireNonNull(findings, "findings");
  }

  /** Whether the registration may be recorded. */
  public boolean accepted() {
    return findings.ok();
  }
}
