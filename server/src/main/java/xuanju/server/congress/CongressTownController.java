package xuanju.server.congress;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
import xuanju.server.web.FreeText;

/**
 * The town's page of a deputies election ({@code /elections/{id}/congress}): the county-level
 * districts and their forming, and the town-wide board of every contest; the board alone for a
 * projector at {@code /elections/{id}/congress/live}, refreshed by htmx.
 */
@Controller
class CongressTownController {
  private final LiveBoardService board;
  private final CountyDistrictService counties;
  private final ContestRepository contests;
  private final DistrictProgressService progress;
  private final AccessService access;

  CongressTownController(
      LiveBoardService board,
      CountyDistrictService counties,
      ContestRepository contests,
      DistrictProgressService progress,
      AccessService access) {
    this.board = board;
    this.counties = counties;
    this.contests = contests;
    this.progress = progress;
    this.access = access;
  }

  @GetMapping("/elections/{id}/congress")
  String town(@PathVariable long id, Model model) {
    LiveBoardService.Board b = board.board(id);
    model.addAttribute("election", b.election());
    model.addAttribute("board", b);
    model.addAttribute("counties", counties.countyDistricts(id));
    model.addAttribute("progress", progress.town(id));
    model.addAttribute(
        "free",
        contests.townDistricts(id).stream().filter(d -> d.countyDistrictId() == null).toList());
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            b.election().organisationId(),
            Permission.MANAGE));
    return "congress/town";
  }

  @GetMapping("/elections/{id}/congress/live")
  String live(@PathVariable long id, Model model) {
    LiveBoardService.Board b = board.board(id);
    model.addAttribute("election", b.election());
    model.addAttribute("board", b);
    return "congress/live";
  }

  @GetMapping("/elections/{id}/congress/live/table")
  String liveTable(@PathVariable long id, Model model) {
    model.addAttribute("board", board.board(id));
    return "congress/live :: table";
  }

  @PostMapping("/elections/{id}/congress/county-districts")
  String formCounty(
      @PathVariable long id,
      @RequestParam(required = false) Integer number,
      @RequestParam(defaultValue = "") @FreeText(label = "县级选区名称", max = 100) String name,
      @RequestParam(required = false) Integer seats,
      @RequestParam(required = false) List<Long> districtIds,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    try {
      counties.form(id, number, name, seats, districtIds);
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute("error", e.getMessage());
      return town(id, model);
    }
    flash.addFlashAttribute("message", "已组成县级人大代表选区：" + name.strip());
    return "redirect:/elections/" + id + "/congress";
  }
}
