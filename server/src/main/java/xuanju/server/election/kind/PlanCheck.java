package xuanju.server.election.kind;

import xuanju.core.rule.Findings;

/**
 * The plan-check rule set of an election kind (方案核对规则): the findings for a plan; errors block the
 * request (请示).
 */
@FunctionalInterface
public interface PlanCheck {
  Findings check(PlanFacts facts);
}
