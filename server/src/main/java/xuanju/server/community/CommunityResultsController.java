package xuanju.server.community;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import xuanju.server.plan.Downloads;

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

  CommunityResultsController(
      CommunityResultsService results, CommunityArchive archive, CommunityContext ctx) {
    this.results = results;
    this.archive = archive;
    this.ctx = ctx;
  }

  @GetMapping(BASE)
  String page(@PathVariable long id, Model model) {
    var r = results.results(id);
    model.addAttribute("election", r.election());
    model.addAttribute("r", r);
    model.addAttribute("posts", xuanju.core.community.CommitteePost.values());
    return "community/results";
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
