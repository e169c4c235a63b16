package xuanju.server.card;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.plan.Downloads;
import xuanju.server.proxy.ProxyService;
import xuanju.server.web.FreeText;

/**
 * The page 选民证与委托投票 ({@code /elections/{id}/cards}): station assignment, voter cards, the mobile
 * box 登记册 and the proxies (the proxy forms post to {@code proxy.ProxyController}); and the check-in
 * desks' look-up page.
 */
@Controller
class CardController {
  private final CardService cards;
  private final ProxyService proxies;
  private final AccessService access;
  private final Clock clock;

  CardController(CardService cards, ProxyService proxies, AccessService access, Clock clock) {
    this.cards = cards;
    this.proxies = proxies;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/elections/{id}/cards")
  String page(@PathVariable long id, @RequestParam(required = false) Long districtId, Model model) {
    CardService.Overview o = cards.overview(id, districtId);
    Election e = o.election();
    model.addAttribute("election", e);
    model.addAttribute("o", o);
    model.addAttribute("proxies", proxies.list(id));
    model.addAttribute("consentRequired", proxies.consentRequired(e));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            e.organisationId(),
            Permission.MANAGE));
    return "cards/index";
  }

  @GetMapping("/elections/{id}/checkin-lookup")
  String lookupPage(@PathVariable long id, Model model) {
    model.addAttribute("election", cards.election(id, Permission.VIEW));
    return "cards/lookup";
  }

  @PostMapping("/elections/{id}/cards/assign-group")
  String assignGroup(
      @PathVariable long id,
      @RequestParam long districtId,
      @RequestParam @FreeText(label = "村、社区或单位", max = 100) String unit,
      @RequestParam(defaultValue = "") @FreeText(label = "居民小组", max = 50) String residentsGroup,
      @RequestParam long stationId,
      @RequestParam(defaultValue = "false") boolean onlyUnassigned,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    int[] n = new int[1];
    return run(
        id,
        districtId,
        model,
        response,
        flash,
        () -> {
          n[0] = cards.assignGroup(id, districtId, unit, residentsGroup, stationId, onlyUnassigned);
          return "已分配" + n[0] + "名选民";
        });
  }

  @PostMapping("/elections/{id}/cards/assign-one")
  String assignOne(
      @PathVariable long id,
      @RequestParam long districtId,
      @RequestParam int voterNo,
      @RequestParam(required = false) Long stationId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id,
        districtId,
        model,
        response,
        flash,
        () -> {
          cards.assignOne(id, districtId, voterNo, stationId);
          return stationId == null ? "已取消该选民的投票站分配" : "已分配该选民的投票站";
        });
  }

  @GetMapping("/elections/{id}/cards/voter-cards.pdf")
  ResponseEntity<byte[]> voterCards(
      @PathVariable long id,
      @RequestParam(required = false) Long districtId,
      @RequestParam(required = false) Long stationId) {
    byte[] pdf = cards.cards(id, districtId, stationId).pdf();
    String name =
        stationId != null
            ? cards.stationName(id, stationId)
            : districtId != null ? cards.districtName(id, districtId) : "";
    return file(pdf, "选民证 " + name + ".pdf");
  }

  @GetMapping("/elections/{id}/cards/register-book.pdf")
  ResponseEntity<byte[]> registerBook(@PathVariable long id, @RequestParam long stationId) {
    var content = cards.registerBook(id, stationId);
    return Downloads.of(content, "流动票箱登记册 " + cards.stationName(id, stationId), "pdf");
  }

  static ResponseEntity<byte[]> file(byte[] pdf, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(pdf);
  }

  interface Action {
    String run();
  }

  private String run(
      long id,
      Long districtId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      Action action) {
    String ok;
    try {
      ok = action.run();
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      // the messages name the field in Chinese; the English field path is for the JSON API only
      model.addAttribute("error", e.getMessage());
      return page(id, districtId, model);
    }
    flash.addFlashAttribute("message", ok);
    return "redirect:/elections/"
        + id
        + "/cards"
        + (districtId == null ? "" : "?districtId=" + districtId);
  }
}
