package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.community.CommitteePost;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.plan.Downloads;
import xuanju.server.proxy.ProxyService;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The page 选举日投票与计票 of a residents' committee election ({@code /elections/{id}/community/voting}):
 * opening the vote, the ballot, proxies, per box the ballots and one tally sheet per post, the
 * decision with its rule trail (codes in the tooltips) and the votes so far. A refused change shows
 * the page again with the Chinese message, nothing changed.
 */
@Controller
class CommunityVotingController {
  private static final String BASE = "/elections/{id}/community/voting";

  private final CommunityBallotService ballots;
  private final BoxCountService boxes;
  private final PostTallyService sheets;
  private final PostDecisionService decisions;
  private final CommunityProxyService proxies;
  private final DayStepService steps;
  private final ElectorService electors;
  private final AccessService access;

  CommunityVotingController(
      CommunityBallotService ballots,
      BoxCountService boxes,
      PostTallyService sheets,
      PostDecisionService decisions,
      CommunityProxyService proxies,
      DayStepService steps,
      ElectorService electors,
      AccessService access) {
    this.ballots = ballots;
    this.boxes = boxes;
    this.sheets = sheets;
    this.decisions = decisions;
    this.proxies = proxies;
    this.steps = steps;
    this.electors = electors;
    this.access = access;
  }

  @GetMapping(BASE)
  String page(@PathVariable long id, Model model) {
    CommunityBallotService.Day day = ballots.day(id);
    model.addAttribute("election", day.election());
    model.addAttribute("day", day);
    model.addAttribute("proxies", proxies.live(id));
    model.addAttribute("steps", steps.view(id));
    model.addAttribute("electors", electors.view(id));
    model.addAttribute("posts", CommitteePost.values());
    String user = AccessService.currentUser();
    boolean admin = AccessService.currentIsAdmin();
    long org = day.election().organisationId();
    model.addAttribute("canManage", access.allowed(user, admin, org, Permission.MANAGE));
    model.addAttribute("canCount", access.allowed(user, admin, org, Permission.COUNT));
    return "community/voting";
  }

  @GetMapping(BASE + "/ballot.pdf")
  ResponseEntity<byte[]> ballot(@PathVariable long id) {
    var c = ballots.ballot(id);
    return Downloads.of(c, c.title(), "pdf");
  }

  @PostMapping(BASE + "/open")
  String open(
      @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已开始投票", () -> ballots.openFirst(id));
  }

  @PostMapping(BASE + "/box")
  String box(
      @PathVariable long id,
      @RequestParam long voteId,
      @RequestParam long stationId,
      @RequestParam(required = false) Integer issued,
      @RequestParam(required = false) Integer returned,
      @RequestParam(defaultValue = "") @FreeText(label = "书面说明", max = 500) String explanation,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记票箱选票核对数",
        () -> boxes.record(id, voteId, stationId, issued, returned, explanation));
  }

  @PostMapping(BASE + "/sheet")
  String sheet(
      @PathVariable long id,
      @RequestParam long voteId,
      @RequestParam long stationId,
      @RequestParam(defaultValue = "") @FreeText(label = "职位", max = 20) String post,
      @RequestParam(required = false) Integer valid,
      @RequestParam(required = false) Integer invalid,
      @RequestParam(required = false) List<Integer> counts,
      @RequestParam(defaultValue = "") @FreeText(label = "另选他人", max = 2000, multiline = true)
          String writeIns,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    PostTallyService.EntryResult[] done = new PostTallyService.EntryResult[1];
    String view =
        attempt(
            id,
            model,
            response,
            flash,
            "",
            () ->
                done[0] =
                    sheets.record(id, voteId, stationId, post, valid, invalid, counts, writeIns));
    if (done[0] != null) {
      String box =
          ballots.day(id).boxes().stream()
              .filter(b -> b.id() == stationId)
              .map(CommunityVote.Box::name)
              .findFirst()
              .orElse("");
      String postZh = CommitteePost.valueOf(post).labelZh();
      flash.addFlashAttribute(
          done[0].confirmed() || done[0].differences().isEmpty() ? "message" : "error",
          done[0].messageZh(box, postZh));
    }
    return view;
  }

  @PostMapping(BASE + "/steps")
  String step(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "程序环节", max = 40) String step,
      @RequestParam(defaultValue = "") @FreeText(label = "说明", max = 500) String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已登记选举大会程序环节", () -> steps.record(id, step, note));
  }

  @PostMapping(BASE + "/electors")
  String electors(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "代表的公民身份号码", max = 20000, multiline = true)
          String lines,
      @RequestParam(defaultValue = "") @FreeText(label = "推选或确定情况", max = 200) String basis,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attemptSaying(
        id,
        model,
        response,
        flash,
        () -> {
          int n = electors.addRepresentatives(id, lines, basis);
          return n == 0 ? "所填代表均已登记，未作更改" : "已登记代表" + n + "名";
        });
  }

  @PostMapping(BASE + "/electors/remove")
  String removeElector(
      @PathVariable long id,
      @RequestParam long registrationId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已撤销该代表",
        () -> electors.removeRepresentative(id, registrationId));
  }

  @PostMapping(BASE + "/check-in")
  String checkIn(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码或选民证二维码", max = 60)
          String residentId,
      @RequestParam(required = false) Long stationId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    flash.addFlashAttribute("checkInStation", stationId);
    return attemptSaying(
        id, model, response, flash, () -> electors.checkIn(id, residentId, stationId).messageZh());
  }

  @PostMapping(BASE + "/check-in/undo")
  String undoCheckIn(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码或选民证二维码", max = 60)
          String residentId,
      @RequestParam(defaultValue = "") @FreeText(label = "撤销原因", max = 200) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attemptSaying(
        id, model, response, flash, () -> electors.undoCheckIn(id, residentId, reason));
  }

  @PostMapping(BASE + "/decide")
  String decide(
      @PathVariable long id,
      @RequestParam long voteId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已确定本次投票的结果", () -> decisions.decide(id, voteId));
  }

  @PostMapping(BASE + "/rerun")
  String rerun(
      @PathVariable long id,
      @RequestParam long voteId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已重新组织投票", () -> decisions.rerun(id, voteId));
  }

  @PostMapping(BASE + "/proxies")
  String proxy(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "委托人公民身份号码", max = 18) String principalId,
      @RequestParam(defaultValue = "") @FreeText(label = "受托人公民身份号码", max = 18) String holderId,
      @RequestParam(required = false) LocalDate authorisedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "委托原因", max = 200) String reason,
      @RequestParam(defaultValue = "false") boolean written,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记委托投票",
        () ->
            proxies.record(
                id,
                new ProxyService.Form(
                    principalId, holderId, authorisedOn, reason, written, false, "", null, "")));
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
        "/elections/" + id + "/community/voting",
        ok,
        action);
  }

  /** As {@link #attempt}, the success message being what the action returns. */
  private String attemptSaying(
      long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      Supplier<String> action) {
    String[] said = new String[1];
    String view = attempt(id, model, response, flash, "", () -> said[0] = action.get());
    if (said[0] != null) {
      flash.addFlashAttribute("message", said[0]);
    }
    return view;
  }
}
