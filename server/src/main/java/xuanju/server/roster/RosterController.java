package xuanju.server.roster;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.roster.Education;
import xuanju.core.roster.Ethnicities;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.server.organisation.Organisation;

/** The roster pages (党员名册页面): index, list, import, export, add, edit, remove. */
@Controller
class RosterController {
  static final int PAGE_SIZE = 100;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final RosterService roster;

  RosterController(RosterService roster) {
    this.roster = roster;
  }

  @GetMapping("/roster")
  String index(Model model) {
    model.addAttribute("organisations", roster.visibleOrganisations());
    return "roster/index";
  }

  @GetMapping("/organisations/{id}/roster")
  String list(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Organisation org = roster.organisation(id);
    long total = roster.count(id, q);
    model.addAttribute("org", org);
    model.addAttribute("q", q);
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("matching", total);
    model.addAttribute("members", roster.list(id, q, page, PAGE_SIZE));
    model.addAttribute("stats", roster.stats(id));
    model.addAttribute("canManage", roster.canManage(id));
    return "roster/list";
  }

  @GetMapping("/organisations/{id}/roster/template.xlsx")
  void template(@PathVariable long id, HttpServletResponse response) throws IOException {
    roster.organisation(id);
    attachment(response, "党员名册导入模板.xlsx");
    roster.template(id, response.getOutputStream());
  }

  @GetMapping("/organisations/{id}/roster/export.xlsx")
  void export(@PathVariable long id, HttpServletResponse response) throws IOException {
    roster.requireManage(id); // 403 before any header is sent
    Organisation org = roster.organisation(id);
    attachment(response, org.name() + "-党员名册.xlsx");
    roster.export(id, response.getOutputStream());
  }

  @GetMapping("/organisations/{id}/roster/import")
  String importForm(@PathVariable long id, Model model) {
    model.addAttribute("org", roster.organisation(id));
    model.addAttribute("modes", ImportMode.values());
    model.addAttribute("mode", ImportMode.REJECT_EXISTING);
    model.addAttribute("maxMb", roster.maxBytes() / 1048576);
    return "roster/import";
  }

  @PostMapping("/organisations/{id}/roster/import")
  String importFile(
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "REJECT_EXISTING") ImportMode mode,
      Model model)
      throws IOException {
    Organisation org = roster.organisation(id);
    ImportReport report;
    if (file.isEmpty()) {
      report =
          ImportReport.fileProblem(xuanju.core.roster.RosterRule.IMPORT_EMPTY, "请选择要导入的 .xlsx 文件");
    } else {
      try (var in = file.getInputStream()) {
        report = roster.importXlsx(id, file.getOriginalFilename(), in, file.getSize(), mode);
      } catch (IllegalStateException e) {
        report =
            ImportReport.fileProblem(
                xuanju.core.roster.RosterRule.IMPORT_FILE_TYPE, e.getMessage());
      }
    }
    model.addAttribute("org", org);
    model.addAttribute("modes", ImportMode.values());
    model.addAttribute("mode", mode);
    model.addAttribute("maxMb", roster.maxBytes() / 1048576);
    model.addAttribute("report", report);
    model.addAttribute("filename", file.getOriginalFilename());
    return "roster/import";
  }

  @GetMapping("/organisations/{id}/roster/new")
  String newForm(@PathVariable long id, Model model) {
    Organisation org = roster.organisation(id);
    roster.requireManage(id);
    return form(model, org, null, new MemberForm(), null);
  }

  @PostMapping("/organisations/{id}/roster/new")
  String create(
      @PathVariable long id,
      @ModelAttribute("form") MemberForm form,
      Model model,
      RedirectAttributes redirect) {
    Organisation org = roster.organisation(id);
    SaveResult r = roster.create(id, form.toInput());
    if (!r.saved()) {
      return form(model, org, null, form, r);
    }
    redirect.addFlashAttribute("message", "已新增党员「" + form.getName().strip() + "」");
    redirect.addFlashAttribute("warnings", r.warnings());
    return "redirect:/organisations/" + id + "/roster";
  }

  @GetMapping("/organisations/{id}/roster/{memberId}/edit")
  String editForm(@PathVariable long id, @PathVariable long memberId, Model model) {
    Organisation org = roster.organisation(id);
    MemberRecord r = roster.member(id, memberId);
    return form(model, org, r.id(), MemberForm.of(r), null);
  }

  @PostMapping("/organisations/{id}/roster/{memberId}/edit")
  String update(
      @PathVariable long id,
      @PathVariable long memberId,
      @ModelAttribute("form") MemberForm form,
      Model model,
      RedirectAttributes redirect) {
    Organisation org = roster.organisation(id);
    SaveResult r = roster.update(id, memberId, form.getVersion(), form.toInput());
    if (!r.saved()) {
      return form(model, org, memberId, form, r);
    }
    redirect.addFlashAttribute("message", "已保存党员「" + form.getName().strip() + "」的信息");
    redirect.addFlashAttribute("warnings", r.warnings());
    return "redirect:/organisations/" + id + "/roster";
  }

  @PostMapping("/organisations/{id}/roster/{memberId}/delete")
  String delete(
      @PathVariable long id,
      @PathVariable long memberId,
      @RequestParam int version,
      RedirectAttributes redirect) {
    SaveResult r = roster.delete(id, memberId, version);
    if (r.saved()) {
      redirect.addFlashAttribute("message", "已删除该党员");
    } else {
      redirect.addFlashAttribute("error", r.formError());
    }
    return "redirect:/organisations/" + id + "/roster";
  }

  @ExceptionHandler(NoSuchElementException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NoSuchElementException e, Model model) {
    model.addAttribute("status", 404);
    model.addAttribute("message", e.getMessage());
    return "error";
  }

  private String form(Model model, Organisation org, Long memberId, MemberForm form, SaveResult r) {
    model.addAttribute("org", org);
    model.addAttribute("memberId", memberId);
    model.addAttribute("form", form);
    model.addAttribute("result", r);
    model.addAttribute("ethnicities", Ethnicities.all());
    model.addAttribute("educations", Education.labels());
    model.addAttribute("memberships", Membership.labels());
    model.addAttribute("statuses", MemberStatus.labels());
    return "roster/form";
  }

  static void attachment(HttpServletResponse response, String filename) {
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
