package xuanju.server.proxy;

import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;

/**
 * The proxy forms of the page 选民证与委托投票: record a 委托书, record the committee's consent, withdraw
 * (with confirmation); and the printable 委托书. Errors go back to the page as a message and change
 * nothing.
 */
@Controller
class ProxyController {
  private final ProxyService proxies;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  ProxyController(ProxyService proxies, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.proxies = proxies;
    this.jdbc = jdbc;
  }

  @PostMapping("/elections/{id}/cards/proxies")
  String record(
      @PathVariable long id,
      @RequestParam @FreeText(label = "委托人公民身份号码", max = 18) String principalId,
      @RequestParam @FreeText(label = "受托人公民身份号码", max = 18) String holderId,
      @RequestParam(required = false) LocalDate authorisedOn,
      @RequestParam @FreeText(label = "委托原因", max = 500) String reason,
      @RequestParam(defaultValue = "false") boolean written,
      @RequestParam(defaultValue = "false") boolean closeRelative,
      @RequestParam(defaultValue = "") @FreeText(label = "关系", max = 50) String relationship,
      @RequestParam(required = false) LocalDate consentOn,
      @RequestParam(defaultValue = "") @FreeText(label = "同意人", max = 200) String consentBy,
      RedirectAttributes flash) {
    return run(
        id,
        flash,
        "已登记委托投票",
        () ->
            proxies.record(
                id,
                new ProxyService.Form(
                    principalId,
                    holderId,
                    authorisedOn,
                    reason,
                    written,
                    closeRelative,
                    relationship,
                    consentOn,
                    consentBy)));
  }

  @PostMapping("/elections/{id}/cards/proxies/{proxyId}/consent")
  String consent(
      @PathVariable long id,
      @PathVariable long proxyId,
      @RequestParam int version,
      @RequestParam(required = false) LocalDate consentOn,
      @RequestParam(defaultValue = "") @FreeText(label = "同意人", max = 200) String consentBy,
      RedirectAttributes flash) {
    return run(
        id, flash, "已登记选举委员会同意", () -> proxies.consent(id, proxyId, version, consentOn, consentBy));
  }

  @PostMapping("/elections/{id}/cards/proxies/{proxyId}/withdraw")
  String withdraw(
      @PathVariable long id,
      @PathVariable long proxyId,
      @RequestParam int version,
      @RequestParam(defaultValue = "") @FreeText(label = "撤回原因", max = 500) String reason,
      @RequestParam(defaultValue = "false") boolean confirm,
      RedirectAttributes flash) {
    return run(id, flash, "已撤回委托", () -> proxies.withdraw(id, proxyId, version, reason, confirm));
  }

  @GetMapping("/elections/{id}/cards/proxies/{proxyId}/letter.pdf")
  ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable long proxyId) {
    VoterProxy x = proxies.get(id, proxyId); // checks VIEW
    var names =
        jdbc.queryForList(
            "SELECT name FROM election_committee WHERE election_id = ?", String.class, id);
    String committee = names.isEmpty() ? "选举委员会" : names.get(0);
    return Downloads.of(
        proxies.letter(id, proxyId, committee), "委托投票书 " + x.principal().name(), "pdf");
  }

  private String run(long id, RedirectAttributes flash, String ok, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("message", ok);
    } catch (InvalidInputException | IllegalStateException e) {
      // shown on the page; the messages name the field in Chinese
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("proxyError", true);
    }
    return "redirect:/elections/" + id + "/cards#proxies";
  }
}
