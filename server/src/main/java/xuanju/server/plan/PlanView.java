package xuanju.server.plan;

import java.util.List;
import java.util.Map;
import xuanju.core.rule.Findings;
import xuanju.server.election.Election;
import xuanju.server.roster.RosterStats;

/**
 * What the plan page shows (方案与请示页面): the election, its details, the roster counts, the findings of
 * the roster check, the candidate numbers by stage, the requests with their replies, and what the
 * signed-in user may do.
 */
public record PlanView(
    Election election,
    PlanDetails details,
    RosterStats roster,
    Findings findings,
    Map<String, String> margins,
    List<ApprovalRequest> requests,
    boolean editable,
    boolean canManage,
    boolean canApprove) {
  public PlanView {
    margins = Map.copyOf(margins);
    requests = List.copyOf(requests);
  }

  /** Whether the request can be submitted now (no blocking finding and in DRAFT). */
  public boolean submittable() {
    return editable && findings.ok();
  }
}
