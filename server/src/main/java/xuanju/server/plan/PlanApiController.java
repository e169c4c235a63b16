package xuanju.server.plan;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xuanju.core.rule.Finding;
import xuanju.server.web.FreeText;

/** The plan and its approval in the JSON API (方案与请示接口). */
@RestController
class PlanApiController {
  private final PlanService plans;
  private final ApprovalService approvals;

  PlanApiController(PlanService plans, ApprovalService approvals) {
    this.plans = plans;
    this.approvals = approvals;
  }

  /** A finding as JSON: code, severity, Chinese message. */
  record FindingJson(String code, String severity, String message) {
    static FindingJson of(Finding f) {
      return new FindingJson(f.code(), f.severity().name(), f.messageZh());
    }
  }

  /** The plan's state: stage, version, roster counts, findings, candidate numbers. */
  record PlanJson(
      long electionId,
      String status,
      int version,
      long membersWithVote,
      boolean hasCommittee,
      List<FindingJson> findings,
      java.util.Map<String, String> margins,
      List<ApprovalRequest> requests) {}

  @GetMapping("/api/elections/{id}/plan")
  PlanJson plan(@PathVariable long id) {
    PlanView v = plans.view(id);
    return new PlanJson(
        id,
        v.election().status().name(),
        v.election().version(),
        v.roster().withVote(),
        v.election().hasCommittee(),
        v.findings().all().stream().map(FindingJson::of).toList(),
        v.margins(),
        v.requests());
  }

  @PostMapping("/api/elections/{id}/plan/submit")
  PlanJson submit(@PathVariable long id, @RequestParam int version) {
    plans.submit(id, version);
    return plan(id);
  }

  @PostMapping("/api/elections/{id}/plan/decision")
  PlanJson decide(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam ApprovalDecision decision,
      @RequestParam(defaultValue = "") @FreeText(label = "批复意见", max = 2000, multiline = true)
          String comment) {
    plans.decide(id, version, decision, comment);
    return plan(id);
  }

  @GetMapping("/api/elections/{id}/approvals")
  List<ApprovalRequest> approvals(@PathVariable long id, @RequestParam ApprovalKind kind) {
    return approvals.history(id, kind);
  }
}
