package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The page 居民代表 of a residents' committee election ({@code
 * /elections/{id}/community/representatives}): per grid the households' meeting, the nominees with
 * their votes and the elected; the register (居民代表名册) as .xlsx.
 */
@Controller
class RepresentativesController {
  private static final String BASE = "/elections/{id}/community/representatives";
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final RepresentativesService representatives;
  private final CommunityContext ctx;
  private final AccessService access;

  RepresentativesController(
      RepresentativesService representatives, CommunityContext ctx, AccessService access) {
    this.representatives = representatives;
    this.ctx = ctx;
    this.access = access;
  }

  @GetMapping(BASE)
  String page(@PathVariable long id, Model model) {
    RepresentativesService.View v = representatives.view(id);
    model.addAttribute("election", v.election());
    model.addAttribute("v", v);
    model.addAttribute("perHouseholds", RepresentativesService.HOUSEHOLDS_PER_REPRESENTATIVE);
    model.addAttribute("today", ctx.today());
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            v.election().organisationId(),
            Permission.MANAGE));
    return "community/representatives";
  }

  @GetMapping(BASE + "/register.xlsx")
  ResponseEntity<byte[]> register(@PathVariable long id) {
    var t = representatives.registerSheet(id);
    return Downloads.file(t.toBytes(), t.title() + ".xlsx", XLSX);
  }

  @PostMapping(BASE + "/grids")
  String grid(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "网格（居民小组）", max = 50) String grid,
      @RequestParam(required = false) LocalDate heldOn,
      @RequestParam(required = false) Integer households,
      @RequestParam(required = false) Integer present,
      @RequestParam(required = false) Integer seats,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记网格推选会议",
        () -> representatives.recordGrid(id, grid, heldOn, households, present, seats));
  }

  @PostMapping(BASE + "/nominees")
  String nominee(
      @PathVariable long id,
      @RequestParam(required = false) Long gridId,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 30) String residentId,
      @RequestParam(required = false) Integer votes,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记被推选人",
        () -> representatives.addNominee(id, gridId == null ? -1 : gridId, residentId, votes));
  }

  @PostMapping(BASE + "/nominees/{nomineeId}/delete")
  String remove(
      @PathVariable long id,
      @PathVariable long nomineeId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id, model, response, flash, "已删除被推选人", () -> representatives.removeNominee(id, nomineeId));
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
        "/elections/" + id + "/community/representatives",
        ok,
        action);
  }
}
