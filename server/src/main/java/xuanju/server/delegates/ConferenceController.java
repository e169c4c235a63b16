package xuanju.server.delegates;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
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
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The page 代表会议选举 ({@code /elections/{id}/delegates/conference}): the conference, the candidates,
 * the ballots, the counts with core's decisions, the elected delegates and their documents. A
 * refused change shows the page again with the Chinese message (400 bad input, 409 wrong state);
 * nothing is saved.
 */
@Controller
class ConferenceController {
  private final ConferenceService conferences;
  private final NotificationService notifications;
  private final AccessService access;

  ConferenceController(
      ConferenceService conferences, NotificationService notifications, AccessService access) {
    this.conferences = conferences;
    this.notifications = notifications;
    this.access = access;
  }

  @GetMapping("/elections/{id}/delegates/conference")
  String page(@PathVariable long id, Model model) {
    ConferencePage p = conferences.page(id);
    model.addAttribute("election", p.election());
    model.addAttribute("p", p);
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            p.election().organisationId(),
            Permission.MANAGE));
    List<Notification> ns = notifications.list(id);
    model.addAttribute("notifications", ns);
    model.addAttribute(
        "notified",
        ns.stream().map(n -> n.item().name()).collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("publicities", notifications.publicities(id));
    model.addAttribute("items", FiveMustKnow.values());
    model.addAttribute("fiveRule", NotificationService.RULE_ZH);
    model.addAttribute("fiveSource", NotificationService.CITATION.display());
    return "delegates/conference";
  }

  @PostMapping("/elections/{id}/delegates/conference")
  String record(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "会议名称", max = 200) String name,
      @RequestParam(required = false) LocalDate heldOn,
      @RequestParam(required = false) Integer expected,
      @RequestParam(required = false) Integer present,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记党代表会议，开始第1次投票",
        () -> conferences.record(id, name, heldOn, expected, present));
  }

  @PostMapping("/elections/{id}/delegates/conference/rounds/{roundNo}/count")
  String count(
      @PathVariable long id,
      @PathVariable int roundNo,
      @RequestParam(required = false) Integer issued,
      @RequestParam(required = false) Integer returned,
      @RequestParam(required = false) Integer valid,
      @RequestParam(required = false) Integer invalid,
      @RequestParam(required = false) List<Long> yes,
      @RequestParam(required = false) List<Long> no,
      @RequestParam(required = false) List<Long> abstain,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记第" + roundNo + "次投票的计票结果",
        () -> conferences.count(id, roundNo, issued, returned, valid, invalid, yes, no, abstain));
  }

  @PostMapping("/elections/{id}/delegates/conference/rounds/{roundNo}/reduce")
  String reduce(
      @PathVariable long id,
      @PathVariable int roundNo,
      @RequestParam(required = false) Integer agreed,
      @RequestParam(defaultValue = "") @FreeText(label = "会议记录", max = 500) String record,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已减少名额，不再另行选举",
        () -> conferences.reduceSeats(id, roundNo, agreed, record));
  }

  @PostMapping("/elections/{id}/delegates/conference/notifications")
  String notification(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "告知事项", max = 20) String item,
      @RequestParam(required = false) LocalDate notifiedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "告知对象", max = 300) String audience,
      @RequestParam(defaultValue = "") @FreeText(label = "告知方式", max = 200) String method,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记五必知告知情况",
        () -> notifications.record(id, item(item), notifiedOn, audience, method));
  }

  private static FiveMustKnow item(String value) {
    for (FiveMustKnow f : FiveMustKnow.values()) {
      if (f.name().equals(value)) {
        return f;
      }
    }
    throw new InvalidInputException("item", "告知事项：请选择");
  }

  @GetMapping("/elections/{id}/delegates/conference/rounds/{roundNo}/ballot.pdf")
  ResponseEntity<byte[]> ballot(@PathVariable long id, @PathVariable int roundNo) {
    return Downloads.file(
        conferences.ballot(id, roundNo),
        "代表选举选票（第" + roundNo + "次投票）.pdf",
        MediaType.APPLICATION_PDF);
  }

  @GetMapping("/elections/{id}/delegates/conference/report.docx")
  ResponseEntity<byte[]> report(@PathVariable long id) {
    return Downloads.of(conferences.report(id), "代表选举情况报告", "docx");
  }

  @GetMapping("/elections/{id}/delegates/conference/delegates.xlsx")
  ResponseEntity<byte[]> roster(@PathVariable long id) {
    DelegateService.Download d = conferences.roster(id);
    return Downloads.file(d.bytes(), d.fileName(), DelegateController.XLSX);
  }

  @GetMapping("/elections/{id}/delegates/conference/registration.xlsx")
  ResponseEntity<byte[]> registration(@PathVariable long id) {
    DelegateService.Download d = conferences.registration(id);
    return Downloads.file(d.bytes(), d.fileName(), DelegateController.XLSX);
  }

  private String attempt(
      long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    return PageActions.orPageThenRedirect(
        model,
        response,
        flash,
        () -> page(id, model),
        "/elections/" + id + "/delegates/conference",
        ok,
        () -> {
          conferences.requireManage(id);
          action.run();
        });
  }
}
