package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
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
 * The page 选举结果与归档 of a residents' committee election ({@code /elections/{id}/community/results}):
 * the elected per post with their votes, the numbers of every vote, and the downloads — 公告 (PDF),
 * 当选证书 (PDF), 选举结果报告单 (Word) and the archive (.zip with a SHA-256 manifest).
 */
@Controller
class CommunityResultsController {
  private static final String BASE = "/elections/{id}/community/results";

  private final CommunityResultsService results;
  private final CommunityArchive archive;
  private final CommunityContext ctx;
  private final WriteInIdentityService writeIns;
  private final AccessService access;

  CommunityResultsController(
      CommunityResultsService results,
      CommunityArchive archive,
      CommunityContext ctx,
      WriteInIdentityService writeIns,
      AccessService access) {
    this.results = results;
    this.archive = archive;
    this.ctx = ctx;
    this.writeIns = writeIns;
    this.access = access;
  }

  @GetMapping(BASE)
  String page(@PathVariable long id, Model model) {
    var r = results.results(id);
    model.addAttribute("election", r.election());
    model.addAttribute("r", r);
    model.addAttribute("posts", xuanju.core.community.CommitteePost.values());
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            r.election().organisationId(),
            Permission.MANAGE));
    return "community/results";
  }

  @PostMapping(BASE + "/write-ins")
  String identify(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "当选人姓名", max = 50) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 18) String residentId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPageThenRedirect(
        model,
        response,
        flash,
        () -> page(id, model),
        "/elections/" + id + "/community/results",
        "已登记" + name + "的身份",
        () -> writeIns.identify(id, name, residentId));
  }

  @GetMapping(BASE + "/announcement.pdf")
  ResponseEntity<byte[]> announcement(@PathVariable long id) {
    var r = results.complete(id);
    return Downloads.of(
        CommunityResultsDocuments.announcement(r, ctx.today()),
        CommunityResultsDocuments.announcementTitle(r.election()),
        "pdf");
  }

  @GetMapping(BASE + "/certificates.pdf")
  ResponseEntity<byte[]> certificates(@PathVariable long id) {
    var r = results.complete(id);
    return Downloads.file(
        CommunityResultsDocuments.certificates(r, ctx.today()),
        r.election().organisationName() + "居民委员会成员当选证书.pdf",
        MediaType.APPLICATION_PDF);
  }

  @GetMapping(BASE + "/report.docx")
  ResponseEntity<byte[]> report(@PathVariable long id) {
    var c = archive.report(id);
    return Downloads.of(c, c.title(), "docx");
  }

  @GetMapping(BASE + "/archive.zip")
  ResponseEntity<byte[]> zip(@PathVariable long id) {
    var r = results.results(id);
    return Downloads.file(
        archive.zip(id),
        r.election().organisationName() + "居民委员会选举档案.zip",
        MediaType.parseMediaType("application/zip"));
  }
}
