package xuanju.core.nomination;

import java.util.Objects;
import xuanju.core.rule.Findings;

/**
 * The result of checking one nomination (推荐审核结果).
 *
 * @param nomination the nomination checked
 * @param findings errors refuse it; the notice names the lawful way it was made
 */
public record NominationCheck(CongressNomination nomination, Findings findings) {
  public NominationCheck {
    Objects.requireNonNull(nomination, "nomination");
    Objects.requireNonNull(findings, "findings");
  }

  /** Whether the nomination may be recorded. */
  public boolean accepted() {
    return findings.ok();
  }
}
