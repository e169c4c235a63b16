package xuanju.server.register;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.register.RegisterDeadlines;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.Election;
import xuanju.server.web.FreeText;

/**
 * The page 选民登记 of an election (/elections/{id}/register): the districts with their counts and
 * days, the registration run and the single registration form, objections; and per district the
 * voter list with publication, changes, the posting list (PDF, .xlsx) and the 变更公告.
 */
@Controller
class RegisterController {
  /** Chinese names of the form fields, for error messages. */
  static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("residentId", "公民身份号码"),
          Map.entry("registration.residentId", "公民身份号码"),
          Map.entry("registrations[0].residentId", "公民身份号码"),
          Map.entry("registrations[0].certificate", "选民资格证明"),
          Map.entry("registrations[0].workplace", "工作单位"),
          Map.entry("registrations[0].decisionRef", "选举委员会决定"),
          Map.entry("districtId", "选区"),
          Map.entry("basis", "登记依据"),
          Map.entry("registeredOn", "登记日期"),
          Map.entry("reason", "理由"),
          Map.entry("detail", "更正内容"),
          Map.entry("publishedOn", "公布日期"),
          Map.entry("changedOn", "变更日期"),
          Map.entry("registrationId", "选民"),
          Map.entry("voterNo", "选民证号"),
          Map.entry("objection.objector", "申诉人"),
          Map.entry("objection.filedOn", "申诉提出日期"),
          Map.entry("objection.decidedOn", "处理决定日期"),
          Map.entry("filedOn", "申诉提出日期"),
          Map.entry("content", "申诉内容"),
          Map.entry("objectionId", "申诉"),
          Map.entry("decidedOn", "处理决定日期"),
          Map.entry("outcome", "处理结果"),
          Map.entry("decision", "处理决定"),
          Map.entry("notice", "告知申诉人"),
          Map.entry("notifiedOn", "告知日期"),
          Map.entry("previousElectionId", "上届选举"),
          Map.entry("person_legal_status", "法律状况"));

  private final RegistrationService registration;
  private final VoterListService lists;
  private final AccessService access;
  private final Clock clock;

  RegisterController(
      RegistrationService registration, VoterListService lists, AccessService access, Clock clock) {
    this.registration = registration;
    this.lists = lists;
    this.access = access;
    this.clock = clock;
  }

  /** The error text for a page: the field's Chinese name, then the message. */
  static String describe(RuntimeException e) {
    if (e instanceof InvalidInputException iie) {
      String f = iie.field();
      if (f == null || f.isEmpty()) {
        return iie.getMessage();
      }
      String zh = FIELDS.get(f);
      return (zh == null ? "" : zh + "：") + iie.getMessage();
    }
    return e.getMessage();
  }

  private boolean canManage(Election e) {
    return access.allowed(
        AccessService.currentUser(),
        AccessService.currentIsAdmin(),
        e.organisationId(),
        Permission.MANAGE);
  }

  @GetMapping("/elections/{id}/register")
  String page(@PathVariable long id, Model model) {
    Election e = lists.election(id);
    model.addAttribute("election", e);
    model.addAttribute("statuses", lists.statuses(id));
    model.addAttribute("reasons", RefusalReason.values());
    model.addAttribute(
        "refusals",
        registration.refusals(id, 500).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    RegistrationService.RefusalView::reason,
                    () -> new java.util.EnumMap<>(RefusalReason.class),
                    java.util.stream.Collectors.toList())));
    model.addAttribute("objections", lists.objections(id));
    model.addAttribute("bases", RegistrationBasis.values());
    model.addAttribute("outcomes", ObjectionOutcome.values());
    model.addAttribute("canManage", canManage(e));
    model.addAttribute("today", LocalDate.now(clock));
    return "register/index";
  }

  @PostMapping("/elections/{id}/register/run")
  String run(
      @PathVariable long id,
      @RequestParam(required = false) LocalDate registeredOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        null,
        model,
        response,
        flash,
        () -> {
          var r = registration.registerAll(id, registeredOn);
          String msg = "选民登记完成：新列入选民" + r.listed() + "名";
          return r.skipped().isEmpty() ? msg : msg + "（" + String.join("；", r.skipped()) + "）";
        });
  }

  @PostMapping("/elections/{id}/register/one")
  String one(
      @PathVariable long id,
      @RequestParam @FreeText(label = "公民身份号码", max = 18) String residentId,
      @RequestParam long districtId,
      @RequestParam RegistrationBasis basis,
      @RequestParam(defaultValue = "") @FreeText(label = "证明出具单位", max = 200)
          String certificateIssuer,
      @RequestParam(defaultValue = "") @FreeText(label = "证明编号", max = 100) String certificateNo,
      @RequestParam(required = false) LocalDate certificateDate,
      @RequestParam(defaultValue = "") @FreeText(label = "工作单位", max = 200) String workplace,
      @RequestParam(defaultValue = "") @FreeText(label = "选举委员会决定", max = 200) String decisionRef,
      @RequestParam(required = false) LocalDate registeredOn,
      @RequestParam(defaultValue = "") @FreeText(label = "补登理由", max = 500) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        null,
        model,
        response,
        flash,
        () -> {
          List<String> notes =
              registration.registerOne(
                  id,
                  new RegistrationForm(
                      residentId,
                      districtId,
                      basis,
                      certificateIssuer,
                      certificateNo,
                      certificateDate,
                      workplace,
                      decisionRef,
                      registeredOn,
                      reason));
          return "已登记。" + String.join("；", notes);
        });
  }

  @PostMapping("/elections/{id}/register/objections")
  String object(
      @PathVariable long id,
      @RequestParam long districtId,
      @RequestParam @FreeText(label = "申诉人", max = 50) String objector,
      @RequestParam(defaultValue = "") @FreeText(label = "涉及的选民", max = 100) String concerning,
      @RequestParam @FreeText(label = "申诉内容", max = 2000, multiline = true) String content,
      @RequestParam(required = false) LocalDate filedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        null,
        model,
        response,
        flash,
        () -> {
          lists.fileObjection(
              id,
              districtId,
              objector,
              concerning,
              content,
              filedOn == null ? LocalDate.now(clock) : filedOn);
          return "已受理申诉";
        });
  }

  @PostMapping("/elections/{id}/register/objections/{objectionId}/decision")
  String decide(
      @PathVariable long id,
      @PathVariable long objectionId,
      @RequestParam(required = false) LocalDate decidedOn,
      @RequestParam(required = false) ObjectionOutcome outcome,
      @RequestParam(defaultValue = "") @FreeText(label = "处理决定", max = 2000, multiline = true)
          String decision,
      @RequestParam(defaultValue = "") @FreeText(label = "告知申诉人", max = 2000, multiline = true)
          String notice,
      @RequestParam(required = false) LocalDate notifiedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        null,
        model,
        response,
        flash,
        () -> {
          List<String> p =
              lists.decideObjection(
                  id, objectionId, decidedOn, outcome, decision, notice, notifiedOn);
          return "已记录处理决定" + (p.isEmpty() ? "" : "（" + String.join("；", p) + "）");
        });
  }

  // ------------------------------------------------------------------ one district

  /** Voters shown on one page of a district's list. */
  static final int PAGE_SIZE = 200;

  @GetMapping("/elections/{id}/register/districts/{districtId}")
  String district(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String group,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Election e = lists.election(id);
    DistrictInfo d = lists.district(e, districtId);
    model.addAttribute("election", e);
    model.addAttribute("district", d);
    model.addAttribute(
        "status",
        lists.statuses(id).stream().filter(s -> s.district().id() == districtId).findFirst().get());
    List<VoterLine> voters = lists.voters(id, districtId);
    model.addAttribute("voters", voters);
    model.addAttribute(
        "groups",
        voters.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    VoterLine::groupZh,
                    java.util.LinkedHashMap::new,
                    java.util.stream.Collectors.counting())));
    model.addAttribute("men", voters.stream().filter(v -> "男".equals(v.gender())).count());
    String query = q.strip();
    List<VoterLine> matching =
        voters.stream()
            .filter(v -> group.isEmpty() || v.groupZh().equals(group))
            .filter(
                v ->
                    query.isEmpty()
                        || v.name().contains(query)
                        || Integer.toString(v.voterNo()).equals(query))
            .toList();
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.max(0, Math.min(page, pages - 1));
    model.addAttribute(
        "shown",
        matching.subList(
            current * PAGE_SIZE, Math.min(matching.size(), (current + 1) * PAGE_SIZE)));
    model.addAttribute("matching", matching.size());
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("q", query);
    model.addAttribute("group", group);
    model.addAttribute("changes", lists.changes(id, districtId));
    model.addAttribute("canManage", canManage(e));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("bases", RegistrationBasis.values());
    return "register/district";
  }

  @PostMapping("/elections/{id}/register/districts/{districtId}/publish")
  String publish(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(required = false) LocalDate publishedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        districtId,
        model,
        response,
        flash,
        () -> {
          List<String> p = lists.publish(id, districtId, publishedOn);
          return "已登记选民名单公布" + (p.isEmpty() ? "" : "（" + String.join("；", p) + "）");
        });
  }

  @PostMapping("/elections/{id}/register/districts/{districtId}/remove")
  String remove(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam int voterNo,
      @RequestParam(required = false) LocalDate changedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "除名理由", max = 500) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        districtId,
        model,
        response,
        flash,
        () -> {
          lists.manageable(id);
          List<String> w =
              lists.remove(id, lists.registrationId(id, districtId, voterNo), changedOn, reason);
          return "已除名" + (w.isEmpty() ? "" : "（" + String.join("；", w) + "）");
        });
  }

  @PostMapping("/elections/{id}/register/districts/{districtId}/correct")
  String correct(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam int voterNo,
      @RequestParam(required = false) LocalDate changedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "更正内容", max = 500) String detail,
      @RequestParam(defaultValue = "") @FreeText(label = "更正理由", max = 500) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        districtId,
        model,
        response,
        flash,
        () -> {
          lists.manageable(id);
          List<String> w =
              lists.correct(
                  id, lists.registrationId(id, districtId, voterNo), changedOn, detail, reason);
          return "已记录更正" + (w.isEmpty() ? "" : "（" + String.join("；", w) + "）");
        });
  }

  @GetMapping("/elections/{id}/register/districts/{districtId}/list.pdf")
  ResponseEntity<byte[]> listPdf(@PathVariable long id, @PathVariable long districtId) {
    Election e = lists.election(id);
    DistrictInfo d = lists.district(e, districtId);
    var content =
        RegisterDocuments.postingList(e, d, lists.voters(id, districtId), deadlines(e, d));
    return file(
        PdfDocument.render(content).pdf(),
        RegisterDocuments.listTitle(e, d) + ".pdf",
        MediaType.APPLICATION_PDF);
  }

  @GetMapping("/elections/{id}/register/districts/{districtId}/list.xlsx")
  ResponseEntity<byte[]> listXlsx(@PathVariable long id, @PathVariable long districtId) {
    Election e = lists.election(id);
    DistrictInfo d = lists.district(e, districtId);
    return file(
        RegisterDocuments.postingXlsx(e, d, lists.voters(id, districtId)).toBytes(),
        RegisterDocuments.listTitle(e, d) + ".xlsx",
        MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }

  @GetMapping("/elections/{id}/register/districts/{districtId}/changes.pdf")
  ResponseEntity<byte[]> changesPdf(@PathVariable long id, @PathVariable long districtId) {
    Election e = lists.election(id);
    DistrictInfo d = lists.district(e, districtId);
    var content =
        RegisterDocuments.changeNotice(
            e,
            d,
            lists.publishedOn(d.id()).orElse(null),
            lists.changes(id, districtId),
            LocalDate.now(clock));
    return file(
        PdfDocument.render(content).pdf(),
        e.organisationName() + d.name() + "选民名单变更公告.pdf",
        MediaType.APPLICATION_PDF);
  }

  private xuanju.core.register.VoterListDeadlines deadlines(Election e, DistrictInfo d) {
    return RegisterDeadlines.deadlines(
        VoterListService.template(e),
        e.electionDay(),
        lists.publishedOn(d.id()).orElse(null),
        null);
  }

  static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  private String act(
      long id,
      Long districtId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      Supplier<String> action) {
    try {
      flash.addFlashAttribute("message", action.get());
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute("error", describe(e));
      return districtId == null ? page(id, model) : district(id, districtId, "", "", 0, model);
    }
    return "redirect:/elections/"
        + id
        + "/register"
        + (districtId == null ? "" : "/districts/" + districtId);
  }
}
