package xuanju.server.delegates;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
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
 * The page 考察与人选 ({@code /elections/{id}/delegates/stages}): the 考察对象, 考察, 初步人选 and 预备人选 with their
 * decisions, publicities, complaints, the live composition and the 预备人选 proposal, and the stages'
 * downloads. A refused change shows the page again with the Chinese message (400 for bad input, 409
 * for a state that does not allow it); nothing is saved.
 */
@Controller
class StageController {
  private final StageService stages;
  private final VettingService vetting;
  private final DelegateFormsService registration;
  private final AccessService access;

  StageController(
      StageService stages,
      VettingService vetting,
      DelegateFormsService registration,
      AccessService access) {
    this.stages = stages;
    this.vetting = vetting;
    this.registration = registration;
    this.access = access;
  }

  @GetMapping("/elections/{id}/delegates/stages")
  String page(@PathVariable long id, @RequestParam(required = false) Integer size, Model model) {
    StagePage p;
    try {
      p = stages.page(id, size);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      p = stages.page(id, null);
    }
    model.addAttribute("election", p.election());
    model.addAttribute("p", p);
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            p.election().organisationId(),
            Permission.MANAGE));
    return "delegates/stages";
  }

  @PostMapping("/elections/{id}/delegates/stages/decide")
  String decide(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "阶段", max = 20) String stage,
      @RequestParam(defaultValue = "") @FreeText(label = "决定机关", max = 30) String body,
      @RequestParam(required = false) LocalDate decidedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "会议纪要或文件", max = 300) String document,
      @RequestParam(required = false) List<Long> ids,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已确定名单",
        () ->
            stages.decideList(
                id,
                parse(DelegateStage.class, stage, "stage", "阶段"),
                body,
                decidedOn,
                document,
                ids == null ? List.of() : ids));
  }

  @PostMapping("/elections/{id}/delegates/stages/step")
  String step(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "审批环节", max = 30) String step,
      @RequestParam(defaultValue = "") @FreeText(label = "决定机关", max = 30) String body,
      @RequestParam(required = false) LocalDate decidedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "文件或记录", max = 300) String document,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记",
        () ->
            stages.recordStep(
                id, parse(StageStep.class, step, "step", "审批环节"), body, decidedOn, document));
  }

  @PostMapping("/elections/{id}/delegates/stages/withdraw")
  String withdraw(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "阶段", max = 20) String stage,
      @RequestParam(required = false) Long recommendeeId,
      @RequestParam(required = false) LocalDate on,
      @RequestParam(defaultValue = "") @FreeText(label = "撤出原因", max = 500) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已撤出该人选",
        () ->
            stages.withdraw(
                id,
                parse(DelegateStage.class, stage, "stage", "阶段"),
                StageGuard.required(recommendeeId, "recommendeeId", "人选"),
                on,
                reason));
  }

  @PostMapping("/elections/{id}/delegates/stages/locks")
  String locks(
      @PathVariable long id,
      @RequestParam(required = false) List<Long> locked,
      @RequestParam(required = false) Integer size,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    String r = attempt(id, model, response, flash, "已更新锁定的人选", () -> stages.lock(id, locked));
    return r.startsWith("redirect:") && size != null ? r + "?size=" + size : r;
  }

  @PostMapping("/elections/{id}/delegates/stages/publicity")
  String publicity(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公示", max = 20) String kind,
      @RequestParam(required = false) LocalDate announcedOn,
      @RequestParam(required = false) LocalDate startsOn,
      @RequestParam(required = false) LocalDate endsOn,
      @RequestParam(defaultValue = "") @FreeText(label = "公示范围", max = 300) String scope,
      @RequestParam(defaultValue = "") @FreeText(label = "公示通告或考察预告", max = 300) String document,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记公示",
        () ->
            vetting.recordPublicity(
                id,
                parse(StagePublicity.Kind.class, kind, "kind", "公示"),
                announcedOn,
                startsOn,
                endsOn,
                scope,
                document));
  }

  @PostMapping("/elections/{id}/delegates/stages/opinion")
  String opinion(
      @PathVariable long id,
      @RequestParam(required = false) Long recommendeeId,
      @RequestParam(defaultValue = "") @FreeText(label = "意见来源", max = 20) String source,
      @RequestParam(defaultValue = "") @FreeText(label = "考察意见", max = 1000, multiline = true)
          String opinion,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记考察意见",
        () ->
            vetting.recordOpinion(
                id,
                StageGuard.required(recommendeeId, "recommendeeId", "考察对象"),
                !"DISCIPLINE".equals(source),
                opinion));
  }

  @PostMapping("/elections/{id}/delegates/stages/complaints")
  String complaint(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公示", max = 20) String kind,
      @RequestParam(required = false) Long recommendeeId,
      @RequestParam(required = false) LocalDate receivedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "举报内容摘要", max = 1000, multiline = true)
          String summary,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记举报",
        () ->
            vetting.recordComplaint(
                id,
                parse(StagePublicity.Kind.class, kind, "kind", "公示"),
                StageGuard.required(recommendeeId, "recommendeeId", "被举报人"),
                receivedOn,
                summary));
  }

  @PostMapping("/elections/{id}/delegates/stages/complaints/{complaintId}/check")
  String check(
      @PathVariable long id,
      @PathVariable long complaintId,
      @RequestParam(required = false) LocalDate checkedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "核查结论", max = 1000, multiline = true)
          String conclusion,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记核查结论",
        () -> vetting.checkComplaint(id, complaintId, checkedOn, conclusion));
  }

  @PostMapping("/elections/{id}/delegates/stages/regulator")
  String regulator(
      @PathVariable long id,
      @RequestParam(required = false) Long recommendeeId,
      @RequestParam(defaultValue = "") @FreeText(label = "听取意见的部门", max = 200) String department,
      @RequestParam(defaultValue = "")
          @FreeText(label = "主管部门或监管部门意见", max = 1000, multiline = true)
          String regulatorOpinion,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记有关部门意见",
        () ->
            vetting.recordRegulatorOpinion(
                id,
                StageGuard.required(recommendeeId, "recommendeeId", "考察对象"),
                department,
                regulatorOpinion));
  }

  @PostMapping("/elections/{id}/delegates/stages/counts")
  String counts(
      @PathVariable long id,
      @RequestParam(required = false) Integer subjectsCount,
      @RequestParam(required = false) Integer preliminaryCount,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已保存各阶段人数",
        () -> stages.saveStageCounts(id, subjectsCount, preliminaryCount));
  }

  @GetMapping("/elections/{id}/delegates/stages/preliminary-registration.xlsx")
  ResponseEntity<byte[]> preliminaryRegistration(@PathVariable long id) {
    DelegateService.Download d = registration.registration(id, DelegateStage.PRELIMINARY);
    return Downloads.file(d.bytes(), d.fileName(), DelegateController.XLSX);
  }

  @GetMapping("/elections/{id}/delegates/stages/preparatory-registration.xlsx")
  ResponseEntity<byte[]> preparatoryRegistration(@PathVariable long id) {
    DelegateService.Download d = registration.registration(id, DelegateStage.PREPARATORY);
    return Downloads.file(d.bytes(), d.fileName(), DelegateController.XLSX);
  }

  @GetMapping("/elections/{id}/delegates/summary.docx")
  ResponseEntity<byte[]> summary(@PathVariable long id) {
    return Downloads.of(registration.summary(id), "推荐提名工作小结", "docx");
  }

  @GetMapping("/elections/{id}/delegates/stages/subjects.xlsx")
  ResponseEntity<byte[]> subjects(@PathVariable long id) {
    DelegateService.Download d = stages.roster(id, DelegateStage.SUBJECTS);
    return Downloads.file(d.bytes(), d.fileName(), DelegateController.XLSX);
  }

  @GetMapping("/elections/{id}/delegates/stages/preparatory.xlsx")
  ResponseEntity<byte[]> preparatory(@PathVariable long id) {
    DelegateService.Download d = stages.roster(id, DelegateStage.PREPARATORY);
    return Downloads.file(d.bytes(), d.fileName(), DelegateController.XLSX);
  }

  @GetMapping("/elections/{id}/delegates/stages/preparatory-report.docx")
  ResponseEntity<byte[]> report(@PathVariable long id) {
    return Downloads.of(stages.preparatoryReport(id), "预备人选情况报告", "docx");
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String label) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw new InvalidInputException(field, label + "：请选择");
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
        () -> page(id, null, model),
        "/elections/" + id + "/delegates/stages",
        ok,
        () -> {
          stages.requireManage(id);
          action.run();
        });
  }
}
