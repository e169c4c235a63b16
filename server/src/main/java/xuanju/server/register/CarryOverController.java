package xuanju.server.register;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.register.ChangeReason;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/** The page 上届选民名单结转 (/elections/{id}/register/carry-over): preview of the 增减, then record. */
@Controller
class CarryOverController {
  private final CarryOverService carry;
  private final VoterListService lists;
  private final AccessService access;
  private final Clock clock;

  CarryOverController(
      CarryOverService carry, VoterListService lists, AccessService access, Clock clock) {
    this.carry = carry;
    this.lists = lists;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/elections/{id}/register/carry-over")
  String page(
      @PathVariable long id,
      @RequestParam(required = false) Long previous,
      @RequestParam(required = false) LocalDate registeredOn,
      Model model) {
    Election e = lists.election(id);
    model.addAttribute("election", e);
    model.addAttribute("reasons", ChangeReason.values());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            e.organisationId(),
            Permission.MANAGE));
    var stored = carry.stored(id);
    if (stored.isPresent()) {
      model.addAttribute("stored", stored.get());
      return "register/carry";
    }
    model.addAttribute("candidates", carry.candidates(id));
    if (previous != null) {
      try {
        var c = carry.preview(id, previous, registeredOn);
        model.addAttribute("previous", c.previous());
        model.addAttribute(
            "registeredOn", registeredOn == null ? LocalDate.now(clock) : registeredOn);
        java.util.List<xuanju.core.register.DistrictSummary> rows =
            new java.util.ArrayList<>(c.result().districts());
        rows.add(c.result().total());
        model.addAttribute("summaries", rows);
        model.addAttribute("changes", c.result().changes());
        model.addAttribute(
            "warnings",
            c.result().findings().all().stream()
                .filter(f -> f.severity() != xuanju.core.rule.Severity.NOTICE)
                .map(xuanju.core.rule.Finding::messageZh)
                .toList());
      } catch (InvalidInputException | IllegalStateException ex) {
        model.addAttribute("error", RegisterController.describe(ex));
      }
    }
    return "register/carry";
  }

  @PostMapping("/elections/{id}/register/carry-over")
  String apply(
      @PathVariable long id,
      @RequestParam long previous,
      @RequestParam(required = false) LocalDate registeredOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    try {
      int n = carry.apply(id, previous, registeredOn);
      flash.addFlashAttribute("message", "已从上届选民名单结转，列入选民" + n + "名");
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      String page = page(id, previous, registeredOn, model);
      model.addAttribute("error", RegisterController.describe(e));
      return page;
    }
    return "redirect:/elections/" + id + "/register/carry-over";
  }
}
