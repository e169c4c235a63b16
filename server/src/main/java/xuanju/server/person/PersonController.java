package xuanju.server.person;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.register.Incapacity;
import xuanju.core.register.Occupation;
import xuanju.core.register.PoliticalStatus;
import xuanju.core.roster.Ethnicities;
import xuanju.server.organisation.Organisation;

/**
 * The person register pages (居民名册页面): list with search and filters, detail with the legal-status
 * records, add and edit, death, import and the template.
 */
@Controller
class PersonController {
  static final int PAGE_SIZE = 100;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final PersonService people;
  private final PersonImportService imports;
  private final long uploadLimit;

  PersonController(
      PersonService people,
      PersonImportService imports,
      @org.springframework.beans.factory.annotation.Value(
              "${spring.servlet.multipart.max-file-size:20MB}")
          org.springframework.util.unit.DataSize uploadLimit) {
    this.people = people;
    this.imports = imports;
    this.uploadLimit = Math.min(imports.maxBytes(), uploadLimit.toBytes());
  }

  @GetMapping("/people")
  String list(
      @RequestParam(required = false) Long org,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String unit,
      @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    List<Organisation> orgs = people.visibleOrganisations();
    model.addAttribute("orgs", orgs);
    model.addAttribute("q", q);
    model.addAttribute("unit", unit);
    model.addAttribute("group", group == null ? "" : group);
    model.addAttribute("page", Math.max(0, page));
    if (org == null && !orgs.isEmpty()) {
      org = orgs.get(0).id();
    }
    if (org == null) {
      model.addAttribute("org", null);
      model.addAttribute("people", List.of());
      model.addAttribute("matching", 0L);
      model.addAttribute("pages", 1L);
      return "people/list";
    }
    Organisation o = people.organisation(org);
    PersonQuery query =
        new PersonQuery(Set.of(org), q, unit, group == null || group.isEmpty() ? null : group);
    long total = people.count(query);
    List<PersonRepository.GroupCount> groups = people.groups(org);
    Set<String> units = new LinkedHashSet<>();
    List<String> groupsOfUnit = new ArrayList<>();
    for (PersonRepository.GroupCount g : groups) {
      units.add(g.unit());
      if (g.unit().equals(unit) && !g.group().isEmpty()) {
        groupsOfUnit.add(g.group());
      }
    }
    model.addAttribute("org", o);
    model.addAttribute("units", units);
    model.addAttribute("groups", groupsOfUnit);
    model.addAttribute("registerTotal", groups.stream().mapToLong(g -> g.count()).sum());
    model.addAttribute("matching", total);
    model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("people", people.page(query, page, PAGE_SIZE));
    model.addAttribute("canManage", people.canManage(org));
    model.addAttribute("today", LocalDate.now());
    return "people/list";
  }

  @GetMapping("/people/template.xlsx")
  void template(HttpServletResponse response) throws IOException {
    attachment(response, "居民名册导入模板.xlsx");
    imports.template(response.getOutputStream());
  }

  @GetMapping("/people/import")
  String importForm(@RequestParam long org, Model model) {
    model.addAttribute("org", people.organisation(org));
    model.addAttribute("maxMb", uploadLimit / 1048576);
    return "people/import";
  }

  @PostMapping("/people/import")
  String importFile(@RequestParam long org, @RequestParam("file") MultipartFile file, Model model)
      throws IOException {
    Organisation o = people.organisation(org);
    PersonImportReport report;
    if (file.isEmpty()) {
      report = PersonImportReport.fileProblem(ImportProblem.EMPTY, "请选择要导入的 .xlsx 或 .csv 文件");
    } else {
      try (var in = file.getInputStream()) {
        report = imports.importFile(org, file.getOriginalFilename(), in, file.getSize());
      } catch (IllegalStateException e) {
        report = PersonImportReport.fileProblem(ImportProblem.FILE_TYPE, e.getMessage());
      }
    }
    model.addAttribute("org", o);
    model.addAttribute("maxMb", uploadLimit / 1048576);
    model.addAttribute("report", report);
    model.addAttribute("filename", file.getOriginalFilename());
    return "people/import";
  }

  @GetMapping("/people/new")
  String newForm(@RequestParam long org, Model model) {
    Organisation o = people.organisation(org);
    if (!people.canManage(org)) {
      throw new org.springframework.security.access.AccessDeniedException("无权管理该组织的数据");
    }
    return form(model, o, null, new PersonForm(), null);
  }

  @PostMapping("/people/new")
  String create(
      @RequestParam long org,
      @ModelAttribute("form") PersonForm form,
      Model model,
      RedirectAttributes redirect) {
    Organisation o = people.organisation(org);
    PersonSaveResult r = people.create(org, form);
    if (!r.saved()) {
      return form(model, o, null, form, r);
    }
    redirect.addFlashAttribute("message", "已新增居民「" + form.getName().strip() + "」");
    redirect.addFlashAttribute("warnings", r.warnings());
    return "redirect:/people/" + r.id();
  }

  @GetMapping("/people/{id}")
  String detail(@PathVariable long id, Model model) {
    Person p = people.person(id);
    model.addAttribute("person", p);
    model.addAttribute("org", people.organisation(p.organisationId()));
    model.addAttribute("records", people.legalStatusRecords(id));
    model.addAttribute("canManage", people.canManage(p.organisationId()));
    model.addAttribute("age", p.ageOn(LocalDate.now()));
    return "people/detail";
  }

  @GetMapping("/people/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    Person p = people.person(id);
    if (!people.canManage(p.organisationId())) {
      throw new org.springframework.security.access.AccessDeniedException("无权管理该组织的数据");
    }
    return form(model, people.organisation(p.organisationId()), p, PersonForm.of(p), null);
  }

  @PostMapping("/people/{id}/edit")
  String update(
      @PathVariable long id,
      @ModelAttribute("form") PersonForm form,
      Model model,
      RedirectAttributes redirect) {
    Person p = people.person(id);
    PersonSaveResult r = people.update(id, form.getVersion(), form);
    if (!r.saved()) {
      return form(model, people.organisation(p.organisationId()), p, form, r);
    }
    redirect.addFlashAttribute("message", "已保存居民「" + form.getName().strip() + "」的信息");
    redirect.addFlashAttribute("warnings", r.warnings());
    return "redirect:/people/" + id;
  }

  @PostMapping("/people/{id}/death")
  String death(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate diedOn,
      @RequestParam(defaultValue = "false") boolean clear,
      RedirectAttributes redirect) {
    if (!clear && diedOn == null) {
      redirect.addFlashAttribute("error", "请填写死亡日期");
      return "redirect:/people/" + id;
    }
    PersonSaveResult r = people.markDeath(id, version, clear ? null : diedOn);
    if (r.saved()) {
      redirect.addFlashAttribute("message", clear ? "已撤销死亡登记" : "已登记死亡日期 " + diedOn);
    } else {
      redirect.addFlashAttribute(
          "error", r.fieldErrors().isEmpty() ? r.formError() : r.error("diedOn"));
    }
    return "redirect:/people/" + id;
  }

  @GetMapping("/people/{id}/status/new")
  String newStatus(
      @PathVariable long id,
      @RequestParam(defaultValue = "DEPRIVED") LegalStatusKind kind,
      Model model) {
    Person p = people.person(id);
    if (!people.canManage(p.organisationId())) {
      throw new org.springframework.security.access.AccessDeniedException("无权管理该组织的数据");
    }
    LegalStatusForm f = new LegalStatusForm();
    f.setKind(kind.name());
    return statusForm(model, p, null, f, null);
  }

  @PostMapping("/people/{id}/status/new")
  String addStatus(
      @PathVariable long id,
      @ModelAttribute("form") LegalStatusForm form,
      Model model,
      RedirectAttributes redirect) {
    Person p = people.person(id);
    PersonSaveResult r = people.addLegalStatus(id, form);
    if (!r.saved()) {
      return statusForm(model, p, null, form, r);
    }
    redirect.addFlashAttribute("message", "已保存记录");
    return "redirect:/people/" + id;
  }

  @GetMapping("/people/{id}/status/{statusId}/edit")
  String editStatus(@PathVariable long id, @PathVariable long statusId, Model model) {
    Person p = people.person(id);
    if (!people.canManage(p.organisationId())) {
      throw new org.springframework.security.access.AccessDeniedException("无权管理该组织的数据");
    }
    LegalStatusRecord rec = people.legalStatusRecord(id, statusId);
    return statusForm(model, p, statusId, LegalStatusForm.of(rec), null);
  }

  @PostMapping("/people/{id}/status/{statusId}/edit")
  String updateStatus(
      @PathVariable long id,
      @PathVariable long statusId,
      @ModelAttribute("form") LegalStatusForm form,
      Model model,
      RedirectAttributes redirect) {
    Person p = people.person(id);
    PersonSaveResult r = people.updateLegalStatus(id, statusId, form);
    if (!r.saved()) {
      return statusForm(model, p, statusId, form, r);
    }
    redirect.addFlashAttribute("message", "已保存记录");
    return "redirect:/people/" + id;
  }

  @PostMapping("/people/{id}/status/{statusId}/delete")
  String deleteStatus(
      @PathVariable long id, @PathVariable long statusId, RedirectAttributes redirect) {
    people.deleteLegalStatus(id, statusId);
    redirect.addFlashAttribute("message", "已删除该记录");
    return "redirect:/people/" + id;
  }

  private String form(
      Model model, Organisation org, Person person, PersonForm form, PersonSaveResult r) {
    model.addAttribute("org", org);
    model.addAttribute("person", person);
    model.addAttribute("form", form);
    model.addAttribute("result", r);
    model.addAttribute("ethnicities", Ethnicities.all());
    model.addAttribute(
        "politicalStatuses",
        java.util.Arrays.stream(PoliticalStatus.values()).map(PoliticalStatus::labelZh).toList());
    model.addAttribute(
        "occupations",
        java.util.Arrays.stream(Occupation.values()).map(Occupation::labelZh).toList());
    return "people/form";
  }

  private String statusForm(
      Model model, Person p, Long statusId, LegalStatusForm form, PersonSaveResult r) {
    LegalStatusKind kind;
    try {
      kind = LegalStatusKind.valueOf(form.getKind());
    } catch (IllegalArgumentException e) {
      kind = LegalStatusKind.DEPRIVED;
      form.setKind(kind.name());
    }
    model.addAttribute("person", p);
    model.addAttribute("statusId", statusId);
    model.addAttribute("form", form);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", LegalStatusKind.values());
    model.addAttribute("evidences", Incapacity.Evidence.values());
    model.addAttribute("result", r);
    model.addAttribute("basisLabel", LegalStatusForms.label(kind, "basis"));
    model.addAttribute("authorityLabel", LegalStatusForms.label(kind, "authority"));
    model.addAttribute("firstDayLabel", LegalStatusForms.label(kind, "firstDay"));
    model.addAttribute("lastDayLabel", LegalStatusForms.label(kind, "lastDay"));
    return "people/status-form";
  }

  static void attachment(HttpServletResponse response, String filename) {
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
