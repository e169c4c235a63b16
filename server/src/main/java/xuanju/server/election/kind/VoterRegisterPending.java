package xuanju.server.election.kind;

import java.util.List;
import java.util.Map;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Rule;

/**
 * The plan check of the kinds whose electorate is the voter register (选民登记) while the register is
 * not built: one blocking finding in the kind's own rule set instead of the party roster's rules.
 */
final class VoterRegisterPending {
  private VoterRegisterPending() {}

  /** The message of the finding. */
  static final String MESSAGE = "选民登记尚未完成，无法核对选民人数";

  static PlanCheck check(Rule rule) {
    return facts ->
        Findings.of(
            List.of(
                new Finding(
                    rule,
                    List.of("voterRegister"),
                    Map.of("seats", facts.seats(), "hasCommittee", facts.hasCommittee()),
                    MESSAGE)));
  }
}
