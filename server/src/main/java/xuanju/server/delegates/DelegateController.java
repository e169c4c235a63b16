package xuanju.server.delegates;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The pages 名额与推荐提名 ({@code /elections/{id}/delegates}) and a recommendation unit's list ({@code
 * /elections/{id}/delegates/units/{unitId}}), with the stage's downloads. A refused change shows
 * the page again with the Chinese message (400 for bad input, 409 for a state that does not allow
 * it) and the input as typed; nothing is saved.
 */
@Controller
class DelegateController {
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final DelegateService delegates;
  private final DelegateCorrectionService corrections;
  private final DelegateChecklist checklist;
  private final AccessService access;

  DelegateController(
      DelegateService delegates,
      DelegateCorrectionService corrections,
      DelegateChecklist checklist,
      AccessService access) {
    this.delegates = delegates;
    this.corrections = corrections;
    this.checklist = checklist;
    this.access = access;
  }

  @GetMapping("/elections/{id}/delegates")
  String page(@PathVariable long id, Model model) {
    DelegateService.Page p = delegates.page(id);
    model.addAttribute("election", p.election());
    model.addAttribute("p", p);
    model.addAttribute("canManage", canManage(p.election().organisationId()));
    model.addAttribute("checklist", checklist.steps(id));
    model.addAttribute(
        "canCorrect", Boolean.TRUE.equals(model.getAttribute("canManage")) && corrections.open(id));
    return "delegates/index";
  }

  @GetMapping("/elections/{id}/delegates/units/{unitId}")
  String unit(@PathVariable long id, @PathVariable long unitId, Model model) {
    DelegateService.Page p = delegates.page(id);
    model.addAttribute("election", p.election());
    model.addAttribute("p", p);
    model.addAttribute("u", delegates.unit(id, unitId));
    model.addAttribute("canManage", canManage(p.election().organisationId()));
    model.addAttribute("header", String.join("、", RecommendeeRows.HEADER));
    return "delegates/unit";
  }

  @PostMapping("/elections/{id}/delegates/allocation")
  String allocation(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "上级党代会名称", max = 200) String congressName,
      @RequestParam(required = false) Integer congressTotal,
      @RequestParam(required = false) Integer seats,
      @RequestParam(defaultValue = "") @FreeText(label = "分配名额的文件", max = 300) String document,
      @RequestParam(required = false) Integer marginPercent,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        null,
        model,
        response,
        flash,
        "已登记代表名额分配",
        () ->
            delegates.saveAllocation(
                id, congressName, congressTotal, seats, document, marginPercent, version));
  }

  @PostMapping("/elections/{id}/delegates/upper-nominees")
  String upperNominee(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "姓名", max = 50) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "性别", max = 10) String gender,
      @RequestParam(required = false) LocalDate birthDate,
      @RequestParam(defaultValue = "") @FreeText(label = "民族", max = 20) String ethnicity,
      @RequestParam(defaultValue = "") @FreeText(label = "工作单位及职务", max = 200) String occupation,
      @RequestParam(defaultValue = "") @FreeText(label = "提名文件", max = 300) String document,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        null,
        model,
        response,
        flash,
        "已登记上级党委提名的代表候选人：" + name.strip(),
        () ->
            delegates.addUpperNominee(
                id, name, gender, birthDate, ethnicity, occupation, document));
  }

  @PostMapping("/elections/{id}/delegates/units")
  String addUnit(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "推荐单位名称", max = 100) String name,
      @RequestParam(required = false) Integer quota,
      @RequestParam(required = false) Integer listSize,
      @RequestParam(required = false) Integer bureau,
      @RequestParam(required = false) Integer division,
      @RequestParam(required = false) Integer grassroots,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    model.addAttribute("unitName", name);
    return attempt(
        id,
        null,
        model,
        response,
        flash,
        "已登记推荐单位：" + name.strip(),
        () -> delegates.addUnit(id, name, quota, listSize, bureau, division, grassroots));
  }

  @PostMapping("/elections/{id}/delegates/units/{unitId}/correct")
  String correctUnit(
      @PathVariable long id,
      @PathVariable long unitId,
      @RequestParam(defaultValue = "") @FreeText(label = "推荐单位名称", max = 100) String name,
      @RequestParam(required = false) Integer quota,
      @RequestParam(required = false) Integer listSize,
      @RequestParam(required = false) Integer bureau,
      @RequestParam(required = false) Integer division,
      @RequestParam(required = false) Integer grassroots,
      @RequestParam(defaultValue = "") @FreeText(label = "更正原因", max = 500) String reason,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        null,
        model,
        response,
        flash,
        "已更正推荐单位：" + name.strip(),
        () ->
            corrections.correctUnit(
                id, unitId, name, quota, listSize, bureau, division, grassroots, reason, version));
  }

  @PostMapping("/elections/{id}/delegates/upper-nominees/{nomineeId}/correct")
  String correctUpperNominee(
      @PathVariable long id,
      @PathVariable long nomineeId,
      @RequestParam(defaultValue = "") @FreeText(label = "姓名", max = 50) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "性别", max = 10) String gender,
      @RequestParam(required = false) LocalDate birthDate,
      @RequestParam(defaultValue = "") @FreeText(label = "民族", max = 20) String ethnicity,
      @RequestParam(defaultValue = "") @FreeText(label = "工作单位及职务", max = 200) String occupation,
      @RequestParam(defaultValue = "") @FreeText(label = "提名文件", max = 300) String document,
      @RequestParam(defaultValue = "") @FreeText(label = "更正原因", max = 500) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        null,
        model,
        response,
        flash,
        "已更正上级党委提名的代表候选人：" + name.strip(),
        () ->
            corrections.correctUpperNominee(
                id, nomineeId, name, gender, birthDate, ethnicity, occupation, document, reason));
  }

  @PostMapping("/elections/{id}/delegates/units/{unitId}/list")
  String submitList(
      @PathVariable long id,
      @PathVariable long unitId,
      @RequestParam(defaultValue = "") @FreeText(label = "推荐人选名单", max = 200_000, multiline = true)
          String list,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    model.addAttribute("list", list);
    return attempt(
        id,
        unitId,
        model,
        response,
        flash,
        "已保存推荐人选名单",
        () -> delegates.submitText(id, unitId, list, version));
  }

  @PostMapping("/elections/{id}/delegates/units/{unitId}/import")
  String importList(
      @PathVariable long id,
      @PathVariable long unitId,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        unitId,
        model,
        response,
        flash,
        "已从Excel文件导入推荐人选名单",
        () -> {
          if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要导入的 .xlsx 文件");
          }
          try (InputStream in = file.getInputStream()) {
            delegates.importXlsx(id, unitId, in, version);
          } catch (IOException e) {
            throw new InvalidInputException("file", "无法读取上传的文件");
          }
        });
  }

  @PostMapping("/elections/{id}/delegates/units/{unitId}/participation")
  String participation(
      @PathVariable long id,
      @PathVariable long unitId,
      @RequestParam(required = false) Integer organisationsTotal,
      @RequestParam(required = false) Integer organisationsJoined,
      @RequestParam(required = false) Integer membersTotal,
      @RequestParam(required = false) Integer membersJoined,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        unitId,
        model,
        response,
        flash,
        "已登记推荐提名参与情况",
        () ->
            delegates.recordParticipation(
                id,
                unitId,
                organisationsTotal,
                organisationsJoined,
                membersTotal,
                membersJoined,
                version));
  }

  @GetMapping("/elections/{id}/delegates/recommended.xlsx")
  ResponseEntity<byte[]> roster(@PathVariable long id) {
    return download(delegates.roster(id));
  }

  @GetMapping("/elections/{id}/delegates/recommended-registration.xlsx")
  ResponseEntity<byte[]> recommendedRegistration(@PathVariable long id) {
    return download(delegates.recommendedRegistration(id));
  }

  @GetMapping("/elections/{id}/delegates/statistics.xlsx")
  ResponseEntity<byte[]> statistics(@PathVariable long id) {
    return download(delegates.statistics(id));
  }

  @GetMapping("/elections/{id}/delegates/list-template.xlsx")
  ResponseEntity<byte[]> template(@PathVariable long id) {
    return download(delegates.template(id));
  }

  private static ResponseEntity<byte[]> download(DelegateService.Download d) {
    return Downloads.file(d.bytes(), d.fileName(), XLSX);
  }

  private boolean canManage(long organisationId) {
    return access.allowed(
        AccessService.currentUser(),
        AccessService.currentIsAdmin(),
        organisationId,
        Permission.MANAGE);
  }

  /**
   * Runs a change: on success back to the page (the unit's page for a unit's change) with a
   * message; refused, the same page with the Chinese message, 400 or 409, nothing changed.
   */
  private String attempt(
      long id,
      Long unitId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    return PageActions.orPageThenRedirect(
        model,
        response,
        flash,
        () -> unitId == null ? page(id, model) : unit(id, unitId, model),
        "/elections/" + id + "/delegates" + (unitId == null ? "" : "/units/" + unitId),
        ok,
        action);
  }
}
