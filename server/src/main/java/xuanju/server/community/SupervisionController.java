package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.community.PartyPost;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The page 居务监督委员会 of a residents' committee election ({@code
 * /elections/{id}/community/supervision}): the meeting, the nominees with their votes, the three
 * elected and the chair. A refusal shows the page again with the rule's Chinese message, nothing
 * changed.
 */
@Controller
class SupervisionController {
  private static final String BASE = "/elections/{id}/community/supervision";

  private final SupervisionService supervision;
  private final CommunityContext ctx;
  private final AccessService access;

  SupervisionController(
      SupervisionService supervision, CommunityContext ctx, AccessService access) {
    this.supervision = supervision;
    this.ctx = ctx;
    this.access = access;
  }

  @GetMapping(BASE)
  String page(@PathVariable long id, Model model) {
    SupervisionService.View v = supervision.view(id);
    model.addAttribute("election", v.election());
    model.addAttribute("v", v);
    model.addAttribute("partyPosts", PartyPost.values());
    model.addAttribute("today", ctx.today());
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            v.election().organisationId(),
            Permission.MANAGE));
    return "community/supervision";
  }

  @PostMapping(BASE + "/meeting")
  String meeting(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "推选会议", max = 40) String body,
      @RequestParam(required = false) LocalDate heldOn,
      @RequestParam(required = false) Integer required,
      @RequestParam(required = false) Integer present,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记推选会议",
        () -> supervision.recordMeeting(id, body, heldOn, required, present));
  }

  @PostMapping(BASE + "/nominees")
  String nominee(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 30) String residentId,
      @RequestParam(required = false) Integer votes,
      @RequestParam(defaultValue = "") @FreeText(label = "党组织职务", max = 40) String partyPost,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记被推选人",
        () -> supervision.addNominee(id, residentId, votes, partyPost));
  }

  @PostMapping(BASE + "/nominees/{nomineeId}/delete")
  String remove(
      @PathVariable long id,
      @PathVariable long nomineeId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id, model, response, flash, "已删除被推选人", () -> supervision.removeNominee(id, nomineeId));
  }

  @PostMapping(BASE + "/nominees/{nomineeId}/chair")
  String chair(
      @PathVariable long id,
      @PathVariable long nomineeId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id, model, response, flash, "已确定居务监督委员会主任", () -> supervision.chair(id, nomineeId));
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
        "/elections/" + id + "/community/supervision",
        ok,
        action);
  }
}
