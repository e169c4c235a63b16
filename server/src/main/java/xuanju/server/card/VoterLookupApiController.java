package xuanju.server.card;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check-in desks' look-up in the JSON API: {@code GET /api/elections/{id}/voters/lookup?q=}
 * (name or ID number) or {@code ?qr=} (the scanned voter card). A forged or altered code is
 * answered 400 with a Chinese message.
 */
@RestController
class VoterLookupApiController {
  private final VoterLookupService lookup;

  VoterLookupApiController(VoterLookupService lookup) {
    this.lookup = lookup;
  }

  @GetMapping("/api/elections/{id}/voters/lookup")
  VoterLookupService.Result lookup(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String qr) {
    return lookup.lookup(id, q, qr);
  }
}
