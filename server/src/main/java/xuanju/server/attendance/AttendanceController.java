package xuanju.server.attendance;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.ApprovalKind;
import xuanju.server.plan.ApprovalService;
import xuanju.server.plan.Downloads;
import xuanju.server.plan.PlanService;
import xuanju.server.web.FreeText;

/** The page 应到会人数: the count with its trail, the exclusion list and its steps, the notice. */
@Controller
class AttendanceController {
  private final AttendanceService attendance;
  private final ElectionService elections;
  private final ApprovalService approvals;
  private final PlanService plans;
  private final AccessService access;
  private final Clock clock;

  AttendanceController(
      AttendanceService attendance,
      ElectionService elections,
      ApprovalService approvals,
      PlanService plans,
      AccessService access,
      Clock clock) {
    this.attendance = attendance;
    this.elections = elections;
    this.approvals = approvals;
    this.plans = plans;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/elections/{id}/attendance")
  String page(@PathVariable long id, Model model) {
    Election e = elections.get(id);
    model.addAttribute("election", e);
    model.addAttribute("expected", attendance.expected(id));
    model.addAttribute("list", attendance.list(id));
    model.addAttribute("voters", attendance.eligibleVoters(id));
    model.addAttribute("candidates", attendance.candidatesForExclusion(id));
    model.addAttribute("reasons", attendance.reasons());
    model.addAttribute("requests", approvals.history(id, ApprovalKind.EXCLUSIONS));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            e.organisationId(),
            Permission.MANAGE));
    model.addAttribute(
        "canApprove", approvals.canDecide(e, xuanju.server.plan.ApprovalKind.EXCLUSIONS));
    model.addAttribute("today", LocalDate.now(clock));
    return "attendance/index";
  }

  @PostMapping("/elections/{id}/attendance/exclusions")
  String add(
      @PathVariable long id,
      @RequestParam long memberId,
      @RequestParam @FreeText(label = "不计入的原因", max = 200) String reason,
      @RequestParam(defaultValue = "") @FreeText(label = "备注", max = 1000, multiline = true)
          String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id,
        model,
        response,
        flash,
        "已列入名单",
        () -> attendance.addExclusion(id, memberId, reason, note));
  }

  @PostMapping("/elections/{id}/attendance/exclusions/{exclusionId}/delete")
  String remove(
      @PathVariable long id,
      @PathVariable long exclusionId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id, model, response, flash, "已从名单中移除", () -> attendance.removeExclusion(id, exclusionId));
  }

  @PostMapping("/elections/{id}/attendance/submit")
  String submit(
      @PathVariable long id,
      @RequestParam int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(id, model, response, flash, "名单已报上级党组织", () -> attendance.submit(id, version));
  }

  @PostMapping("/elections/{id}/attendance/decision")
  String decide(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam ApprovalDecision decision,
      @RequestParam(defaultValue = "") @FreeText(label = "批复意见", max = 2000, multiline = true)
          String comment,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id,
        model,
        response,
        flash,
        decision == ApprovalDecision.APPROVED ? "已同意名单" : "已退回名单",
        () -> attendance.decide(id, version, decision, comment));
  }

  @PostMapping("/elections/{id}/attendance/publish")
  String publish(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam(required = false) LocalDate postingDate,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id, model, response, flash, "已登记张贴公示", () -> attendance.publish(id, version, postingDate));
  }

  @PostMapping("/elections/{id}/attendance/adopt")
  String adopt(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam(required = false) LocalDate adoptedDate,
      @RequestParam int present,
      @RequestParam int yes,
      @RequestParam(defaultValue = "0") int no,
      @RequestParam(defaultValue = "0") int abstain,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id,
        model,
        response,
        flash,
        "已登记党员大会通过名单",
        () -> attendance.adopt(id, version, adoptedDate, present, yes, no, abstain));
  }

  @GetMapping("/elections/{id}/attendance/publicity.{format}")
  ResponseEntity<byte[]> publicity(@PathVariable long id, @PathVariable String format) {
    Election e = elections.get(id);
    ExclusionList list = attendance.list(id);
    LocalDate posting = list.publicityDate();
    var content =
        AttendanceDocuments.publicity(
            list,
            attendance.expected(id),
            plans.signedName(e.organisationId()),
            plans.upperName(e.organisationId()),
            e.electionDay(),
            posting,
            posting == null ? LocalDate.now(clock) : posting);
    return Downloads.of(content, "不参加党员大会的党员名单公示", format);
  }

  private String run(
      long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute(
          "error", e instanceof InvalidInputException iie ? iie.describe() : e.getMessage());
      return page(id, model);
    }
    flash.addFlashAttribute("message", ok);
    return "redirect:/elections/" + id + "/attendance";
  }
}
