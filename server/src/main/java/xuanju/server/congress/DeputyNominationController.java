package xuanju.server.congress;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import xuanju.server.documents.DocumentContent;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;

/**
 * The page 推荐代表候选人 of one district ({@code /elections/{id}/districts/{d}/nominations}): the
 * nominations recorded so far, in order, with how each was made, and the form for a new one. A
 * refused nomination shows the page again with the rule's Chinese message and the form as typed.
 */
@Controller
class DeputyNominationController {
  private final DeputyNominationService nominations;
  private final FormalListService formal;
  private final MeetingService meetings;
  private final RatioApprovalService ratios;
  private final InitialListService initialLists;
  private final AccessService access;
  private final Clock clock;

  DeputyNominationController(
      DeputyNominationService nominations,
      FormalListService formal,
      MeetingService meetings,
      RatioApprovalService ratios,
      InitialListService initialLists,
      AccessService access,
      Clock clock) {
    this.nominations = nominations;
    this.formal = formal;
    this.meetings = meetings;
    this.ratios = ratios;
    this.initialLists = initialLists;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/elections/{id}/districts/{districtId}/nominations")
  String page(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      Model model) {
    return page(id, districtId, ContestLevel.of(level), model);
  }

  private String page(long id, long districtId, ContestLevel level, Model model) {
    DeputyNominationService.Page p = nominations.page(id, districtId, level);
    model.addAttribute("election", p.election());
    model.addAttribute("p", p);
    LocalDate due = p.election().electionDay().minusDays(15);
    model.addAttribute("due", due);
    model.addAttribute("late", LocalDate.now(clock).isAfter(due));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("formalDue", p.election().electionDay().minusDays(7));
    model.addAttribute("margin", formal.margin(p.election(), p.seats()).orElse(null));
    long home = p.area().homeDistrictId();
    model.addAttribute("published", formal.published(home, level).orElse(null));
    model.addAttribute("initialPosting", initialLists.posting(home, level).orElse(null));
    model.addAttribute("formalIds", formal.formalIds(home, level));
    model.addAttribute("level", level);
    model.addAttribute("levelParam", level == ContestLevel.TOWN ? "" : level.name());
    model.addAttribute("bases", FormalListBasis.values());
    model.addAttribute("meetings", meetings.meetings(p.district().id()));
    model.addAttribute("composition", formal.composition(p.election()));
    model.addAttribute("approval", ratios.approval(p.election().id()).orElse(null));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            p.election().organisationId(),
            Permission.MANAGE));
    return "congress/nominations";
  }

  @GetMapping("/elections/{id}/districts/{districtId}/nominations/initial-list.pdf")
  ResponseEntity<byte[]> initialList(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level) {
    DeputyNominationService.CandidateList l =
        nominations.initialList(id, districtId, ContestLevel.of(level));
    return pdf(CongressDocuments.initialTitle(l), CongressDocuments.initialList(l));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations/initial-list")
  String postInitial(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(required = false) LocalDate publishedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    ContestLevel lv = ContestLevel.of(level);
    String[] warning = {null};
    String view =
        attempt(
            id,
            districtId,
            lv,
            model,
            response,
            flash,
            "已登记初步代表候选人名单的公布日期",
            () -> warning[0] = initialLists.record(id, districtId, lv, publishedOn).orElse(null));
    if (warning[0] != null) {
      flash.addFlashAttribute("warning", warning[0]);
    }
    return view;
  }

  @GetMapping("/elections/{id}/districts/{districtId}/nominations/formal-list.pdf")
  ResponseEntity<byte[]> formalList(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level) {
    ContestLevel lv = ContestLevel.of(level);
    DeputyNominationService.CandidateList l = nominations.formalList(id, districtId, lv);
    var published =
        formal
            .published(l.area().homeDistrictId(), lv)
            .orElseThrow(() -> new IllegalStateException("本选区尚未公布正式代表候选人名单"));
    return pdf(CongressDocuments.formalTitle(l), CongressDocuments.formalList(l, published));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations/formal-list")
  String publishFormal(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(required = false) List<Long> nominationIds,
      @RequestParam(required = false) LocalDate publishedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "确定方式", max = 20) String basis,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        ContestLevel.of(level),
        model,
        response,
        flash,
        "已公布正式代表候选人名单",
        () ->
            formal.publish(
                id, districtId, ContestLevel.of(level), nominationIds, publishedOn, basis(basis)));
  }

  private static FormalListBasis basis(String basis) {
    try {
      return basis.isBlank() ? null : FormalListBasis.valueOf(basis);
    } catch (IllegalArgumentException ex) {
      throw new InvalidInputException("basis", "确定方式：请选择");
    }
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations/preselection")
  String preselection(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(required = false) List<Long> candidateIds,
      @RequestParam(required = false) List<String> votes,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) LocalDate publishedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        ContestLevel.of(level),
        model,
        response,
        flash,
        "已根据预选结果公布正式代表候选人名单",
        () ->
            formal.publishByPreselection(
                id,
                districtId,
                ContestLevel.of(level),
                votes(candidateIds, votes),
                size,
                publishedOn));
  }

  /** The typed 预选 votes by nomination id; a row left empty is absent (the service names it). */
  private static Map<Long, Integer> votes(List<Long> candidateIds, List<String> votes) {
    Map<Long, Integer> byId = new LinkedHashMap<>();
    List<Long> ids = candidateIds == null ? List.of() : candidateIds;
    for (int i = 0; i < ids.size(); i++) {
      String v = votes == null || i >= votes.size() ? "" : votes.get(i).strip();
      if (v.isEmpty()) {
        continue;
      }
      if (v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
        throw new InvalidInputException("votes", "第" + (i + 1) + "行的预选得票数应为不小于0的整数，实为“" + v + "”");
      }
      byId.put(ids.get(i), Integer.parseInt(v));
    }
    return byId;
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations/meetings")
  String meeting(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(required = false) LocalDate heldOn,
      @RequestParam(defaultValue = "") @FreeText(label = "见面地点", max = 200) String place,
      @RequestParam(defaultValue = "") @FreeText(label = "参加见面的代表候选人", max = 500) String candidates,
      @RequestParam(required = false) Integer attendance,
      @RequestParam(defaultValue = "") @FreeText(label = "备注", max = 500) String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        ContestLevel.of(level),
        model,
        response,
        flash,
        "已登记代表候选人与选民见面",
        () -> meetings.record(id, districtId, heldOn, place, candidates, attendance, note));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations/ratios")
  String ratios(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(required = false) Integer nonCpcPercent,
      @RequestParam(required = false) Integer womenPercent,
      @RequestParam(required = false) Integer incumbentPercent,
      @RequestParam(defaultValue = "") @FreeText(label = "批复机关", max = 200) String approvedBy,
      @RequestParam(defaultValue = "") @FreeText(label = "批复文件", max = 200) String document,
      @RequestParam(required = false) LocalDate approvedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        ContestLevel.of(level),
        model,
        response,
        flash,
        "已登记代表结构比例的批复",
        () ->
            ratios.record(
                id,
                nonCpcPercent,
                womenPercent,
                incumbentPercent,
                approvedBy,
                document,
                approvedOn));
  }

  private static ResponseEntity<byte[]> pdf(String title, DocumentContent c) {
    return Downloads.of(c, title, "pdf");
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations")
  String nominate(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(defaultValue = "") @FreeText(label = "被推荐人姓名", max = 50) String nomineeName,
      @RequestParam(defaultValue = "") @FreeText(label = "被推荐人公民身份号码", max = 30) String nomineeId,
      @RequestParam(defaultValue = "") @FreeText(label = "推荐的政党、人民团体", max = 500)
          String organisations,
      @RequestParam(defaultValue = "") @FreeText(label = "联名推荐的选民", max = 20_000, multiline = true)
          String nominators,
      @RequestParam(defaultValue = "false") boolean accepted,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    // the form as typed, shown again if the nomination is refused
    model.addAttribute("nomineeName", nomineeName);
    model.addAttribute("nomineeId", nomineeId);
    model.addAttribute("organisations", organisations);
    model.addAttribute("nominators", nominators);
    return attempt(
        id,
        districtId,
        ContestLevel.of(level),
        model,
        response,
        flash,
        "已登记推荐：" + nomineeName.strip(),
        () ->
            nominations.nominate(
                id,
                districtId,
                ContestLevel.of(level),
                nomineeName,
                nomineeId,
                organisations,
                nominators,
                accepted));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/nominations/{nominationId}/accept")
  String accept(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @PathVariable long nominationId,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        ContestLevel.of(level),
        model,
        response,
        flash,
        "已记录本人接受推荐",
        () -> nominations.accept(id, districtId, ContestLevel.of(level), nominationId, version));
  }

  /**
   * Runs a change: on success back to the page with {@code ok}; refused, the page again with the
   * Chinese message (400 for bad input, 409 for a state that does not allow it), nothing changed.
   */
  private String attempt(
      long id,
      long districtId,
      ContestLevel level,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute("error", e.getMessage());
      return page(id, districtId, level, model);
    }
    flash.addFlashAttribute("message", ok);
    return "redirect:/elections/"
        + id
        + "/districts/"
        + districtId
        + "/nominations"
        + (level == ContestLevel.TOWN ? "" : "?level=" + level.name());
  }
}
