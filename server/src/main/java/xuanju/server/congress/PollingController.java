package xuanju.server.congress;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import xuanju.server.district.DistrictRecord;
import xuanju.server.district.DistrictService;
import xuanju.server.documents.BallotLayout;
import xuanju.server.documents.BallotPdf;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;

/**
 * A district's election-day page ({@code /elections/{id}/districts/{d}/polling}): its stations and
 * mobile boxes with custody and staff, and for each of its contests (镇人大代表, 县(旗)人大代表) the current
 * vote: ballots per box, the tally sheets entered twice, the decision and the votes so far.
 */
@Controller
class PollingController {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final PollingService polling;
  private final ContestVoteService votes;
  private final TallySheets sheets;
  private final DistrictService districts;
  private final AccessService access;

  PollingController(
      PollingService polling,
      ContestVoteService votes,
      TallySheets sheets,
      DistrictService districts,
      AccessService access) {
    this.polling = polling;
    this.votes = votes;
    this.sheets = sheets;
    this.districts = districts;
    this.access = access;
  }

  @GetMapping("/elections/{id}/districts/{districtId}/polling")
  String page(@PathVariable long id, @PathVariable long districtId, Model model) {
    DistrictRecord d = districts.district(id, districtId);
    var e = polling.election(id, Permission.VIEW);
    model.addAttribute("election", e);
    model.addAttribute("d", d);
    model.addAttribute("stations", polling.stations(id, districtId));
    List<ContestVoteService.ContestDay> days = new ArrayList<>();
    List<String> notHeld = new ArrayList<>();
    for (ContestLevel l : ContestLevel.values()) {
      try {
        days.add(votes.day(id, districtId, l));
      } catch (IllegalStateException ex) {
        notHeld.add(ex.getMessage());
      }
    }
    model.addAttribute("days", days);
    model.addAttribute("notHeld", notHeld);
    model.addAttribute("roles", PollingService.ROLES);
    String user = AccessService.currentUser();
    boolean admin = AccessService.currentIsAdmin();
    model.addAttribute(
        "canManage", access.allowed(user, admin, e.organisationId(), Permission.MANAGE));
    model.addAttribute(
        "canCount", access.allowed(user, admin, e.organisationId(), Permission.COUNT));
    model.addAttribute("me", user);
    return "congress/polling";
  }

  @GetMapping("/elections/{id}/districts/{districtId}/polling/ballot.pdf")
  ResponseEntity<byte[]> ballot(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level) {
    ContestVoteService.ContestDay day = votes.day(id, districtId, ContestLevel.of(level));
    CongressRound r = day.current().orElseThrow(() -> new IllegalStateException("本选区这项选举尚未开始投票"));
    var e = polling.election(id, Permission.VIEW);
    String title = e.organisationName() + day.area().name() + day.area().level().fullZh() + "选举选票";
    BallotLayout layout =
        new BallotLayout(
            title,
            r.seats(),
            r.number() == 1 ? null : r.kindZh(),
            List.of(
                "对候选人可以投赞成票，可以投反对票，也可以弃权：赞成的在姓名下方画○，反对的画×，弃权的不画任何符号。",
                "可以另选其他任何选民：在另选他人栏内写上其姓名并在其下方画○。",
                "所选人数等于或者少于应选代表名额的为有效票，多于应选代表名额的作废（选举法第四十四条）。"),
            day.ballotNames(),
            r.kind() == xuanju.core.outcome.RoundKind.TIE_REVOTE ? 0 : r.seats(),
            "E" + e.id() + "-R" + r.id(),
            "选举委员会（盖章）");
    return Downloads.file(
        BallotPdf.render(layout).pdf(), title + ".pdf", MediaType.APPLICATION_PDF);
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/custody")
  String custody(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam long stationId,
      @RequestParam(defaultValue = "") @FreeText(label = "负责票箱的监票人员", max = 500) String staff,
      @RequestParam(defaultValue = "") @FreeText(label = "封条编号", max = 200) String sealNumbers,
      @RequestParam(required = false) LocalDateTime sealedAt,
      @RequestParam(required = false) LocalDateTime openedAt,
      @RequestParam(defaultValue = "false") boolean registerSigned,
      @RequestParam(defaultValue = "") @FreeText(label = "在场的投票站负责人", max = 500)
          String boardPresent,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已登记票箱保管记录",
        () ->
            polling.recordCustody(
                id,
                stationId,
                staff,
                sealNumbers,
                instant(sealedAt),
                instant(openedAt),
                registerSigned,
                boardPresent));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/staff")
  String staff(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam long stationId,
      @RequestParam(defaultValue = "") @FreeText(label = "姓名", max = 50) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 30) String residentId,
      @RequestParam(defaultValue = "") @FreeText(label = "职责", max = 20) String role,
      @RequestParam(defaultValue = "") @FreeText(label = "是哪位代表候选人的近亲属", max = 50)
          String relativeOf,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已登记工作人员：" + name.strip(),
        () -> polling.addStaff(id, stationId, name, residentId, role, relativeOf));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/open")
  String open(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已开始投票",
        () -> votes.openFirst(id, districtId, ContestLevel.of(level)));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/box")
  String box(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam long roundId,
      @RequestParam long stationId,
      @RequestParam(required = false) Integer issued,
      @RequestParam(required = false) Integer returned,
      @RequestParam(required = false) Integer spoiled,
      @RequestParam(defaultValue = "") @FreeText(label = "书面说明", max = 500, multiline = true)
          String explanation,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已登记选票核对数",
        () -> votes.recordBox(id, roundId, stationId, issued, returned, spoiled, explanation));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/sheet")
  String sheet(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam long roundId,
      @RequestParam long stationId,
      @RequestParam(required = false) Integer valid,
      @RequestParam(required = false) Integer invalid,
      @RequestParam(required = false) List<Integer> yes,
      @RequestParam(required = false) List<Integer> no,
      @RequestParam(defaultValue = "") @FreeText(label = "另选他人", max = 2000, multiline = true)
          String writeIns,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    TallySheets.EntryResult[] out = new TallySheets.EntryResult[1];
    String view =
        attempt(
            id,
            districtId,
            model,
            response,
            flash,
            null,
            () -> out[0] = sheets.enter(id, roundId, stationId, valid, invalid, yes, no, writeIns));
    if (out[0] != null) {
      TallySheets.EntryResult r = out[0];
      if (r.confirmed()) {
        flash.addFlashAttribute("message", "计票单第" + r.entryNo() + "次录入与另一次一致，已确认");
      } else if (r.differences().isEmpty()) {
        flash.addFlashAttribute("message", "已保存计票单第" + r.entryNo() + "次录入，待另一名计票人录入核对");
      } else {
        flash.addFlashAttribute(
            "error", "两次录入不一致：" + String.join("；", r.differences()) + "。请核对原始计票单后由录错的计票人更正");
      }
    }
    return view;
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/decide")
  String decide(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam long roundId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id, districtId, model, response, flash, "已确定本次投票的结果", () -> votes.decide(id, roundId));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/polling/rerun")
  String rerun(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam long roundId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id, districtId, model, response, flash, "已重新组织投票", () -> votes.rerun(id, roundId));
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.atZone(ZONE).toInstant();
  }

  /**
   * Runs a change: on success back to the page with {@code ok}; refused, the page again with the
   * Chinese message (400 for bad input, 409 for a state that does not allow it), nothing changed.
   */
  private String attempt(
      long id,
      long districtId,
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
      return page(id, districtId, model);
    }
    if (ok != null) {
      flash.addFlashAttribute("message", ok);
    }
    return "redirect:/elections/" + id + "/districts/" + districtId + "/polling";
  }
}
