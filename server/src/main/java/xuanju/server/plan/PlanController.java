package xuanju.server.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/** The plan page (方案与请示): edit the plan, submit the request, the upper organisation's reply. */
@Controller
class PlanController {
  private final PlanService plans;

  PlanController(PlanService plans) {
    this.plans = plans;
  }

  @GetMapping("/elections/{id}/plan")
  String page(@PathVariable long id, Model model) {
    PlanView v = plans.view(id);
    model.addAttribute("plan", v);
    model.addAttribute("election", v.election());
    return "plan/index";
  }

  @PostMapping("/elections/{id}/plan")
  String update(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam(defaultValue = "false") boolean hasCommittee,
      @RequestParam int seats,
      @RequestParam(defaultValue = "1") int secretarySeats,
      @RequestParam(defaultValue = "0") int deputySeats,
      @RequestParam(required = false) Integer currentCommitteeSize,
      @RequestParam LocalDate electionDay,
      @RequestParam(defaultValue = "3") int termYears,
      @RequestParam(required = false) LocalDate termStart,
      @RequestParam(required = false) LocalDate termExpiry,
      @RequestParam(defaultValue = "") @FreeText(label = "选举方式", max = 1000, multiline = true)
          String method,
      @RequestParam(defaultValue = "") @FreeText(label = "会议地点", max = 200) String meetingPlace,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          plans.update(
              id,
              version,
              new PlanForm(
                  hasCommittee,
                  seats,
                  secretarySeats,
                  deputySeats,
                  currentCommitteeSize,
                  electionDay,
                  termYears,
                  termStart,
                  termExpiry,
                  method,
                  meetingPlace));
          flash.addFlashAttribute("message", "方案已保存");
          return "redirect:/elections/" + id + "/plan";
        });
  }

  @PostMapping("/elections/{id}/plan/submit")
  String submit(
      @PathVariable long id,
      @RequestParam int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          plans.submit(id, version);
          flash.addFlashAttribute("message", "请示已报送上级党组织");
          return "redirect:/elections/" + id + "/plan";
        });
  }

  @PostMapping("/elections/{id}/plan/decision")
  String decide(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam ApprovalDecision decision,
      @RequestParam(defaultValue = "") @FreeText(label = "批复意见", max = 2000, multiline = true)
          String comment,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          plans.decide(id, version, decision, comment);
          flash.addFlashAttribute(
              "message", decision == ApprovalDecision.APPROVED ? "已批复同意" : "已退回，意见已记录");
          return "redirect:/elections/" + id + "/plan";
        });
  }

  @GetMapping("/elections/{id}/plan/request.{format}")
  ResponseEntity<byte[]> request(@PathVariable long id, @PathVariable String format) {
    return Downloads.of(plans.requestDocument(id), "换届选举请示", format);
  }

  @GetMapping("/elections/{id}/plan/reply.{format}")
  ResponseEntity<byte[]> reply(@PathVariable long id, @PathVariable String format) {
    return Downloads.of(plans.replyDocument(id), "换届选举批复", format);
  }
}
