package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.community.ElectorateMode;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The page 选举办法 of a residents' committee election ({@code /elections/{id}/community/method}): the
 * settings of the draft, the drafted text, the 居民代表会议's adoption, the posting, and the document as
 * PDF or Word. A refused change shows the page again with the rule's Chinese message, nothing
 * changed.
 */
@Controller
class ElectionMethodController {
  private static final String BASE = "/elections/{id}/community/method";

  private final ElectionMethodService methods;
  private final CommunityContext ctx;
  private final AccessService access;

  ElectionMethodController(
      ElectionMethodService methods, CommunityContext ctx, AccessService access) {
    this.methods = methods;
    this.ctx = ctx;
    this.access = access;
  }

  @GetMapping(BASE)
  String page(@PathVariable long id, Model model) {
    ElectionMethodService.View v = methods.view(id);
    model.addAttribute("election", v.election());
    model.addAttribute("v", v);
    model.addAttribute("modes", ElectorateMode.values());
    model.addAttribute("today", ctx.today());
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            v.election().organisationId(),
            Permission.MANAGE));
    return "community/method";
  }

  @GetMapping(BASE + ".{format}")
  ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String format) {
    if (!format.equals("pdf") && !format.equals("docx")) {
      throw new InvalidInputException("format", "文件格式只能是PDF或Word");
    }
    var c = methods.document(id);
    return Downloads.of(c, c.title(), format);
  }

  @PostMapping(BASE + "/draft")
  String draft(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "选举方式", max = 40) String mode,
      @RequestParam(required = false) Integer proxyCap,
      @RequestParam(defaultValue = "false") boolean writeIns,
      @RequestParam(defaultValue = "") @FreeText(label = "落选票数", max = 10) String carryDown,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已保存选举办法草案",
        () -> methods.draft(id, mode, proxyCap, writeIns, carryDown));
  }

  @PostMapping(BASE + "/adopt")
  String adopt(
      @PathVariable long id,
      @RequestParam(required = false) LocalDate adoptedOn,
      @RequestParam(required = false) Integer members,
      @RequestParam(required = false) Integer attended,
      @RequestParam(required = false) Integer votesFor,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记居民代表会议通过选举办法",
        () -> methods.adopt(id, adoptedOn, members, attended, votesFor));
  }

  @PostMapping(BASE + "/post")
  String post(
      @PathVariable long id,
      @RequestParam(required = false) LocalDate postedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已登记选举办法张榜公布", () -> methods.post(id, postedOn));
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
        "/elections/" + id + "/community/method",
        ok,
        action);
  }
}
