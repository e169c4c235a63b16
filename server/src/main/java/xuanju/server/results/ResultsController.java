package xuanju.server.results;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/** The results page (结果与归档): documents, submission, the upper organisation's decision, archive. */
@Controller
class ResultsController {
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ResultsService results;

  ResultsController(ResultsService results) {
    this.results = results;
  }

  @GetMapping("/elections/{id}/results")
  String page(@PathVariable long id, Model model) {
    ResultsService.ResultsView v = results.view(id);
    model.addAttribute("view", v);
    model.addAttribute("election", v.election());
    model.addAttribute("facts", v.facts());
    return "results/index";
  }

  @PostMapping("/elections/{id}/results/submit")
  String submit(
      @PathVariable long id,
      @RequestParam int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          results.submit(id, version);
          flash.addFlashAttribute("message", "选举结果已报送上级党组织");
          return "redirect:/elections/" + id + "/results";
        });
  }

  @PostMapping("/elections/{id}/results/decision")
  String decide(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam ApprovalDecision decision,
      @RequestParam(defaultValue = "") @FreeText(label = "批复意见", max = 2000, multiline = true)
          String comment,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          results.decide(id, version, decision, comment);
          flash.addFlashAttribute(
              "message",
              decision == ApprovalDecision.APPROVED ? "已批复同意：书记、副书记批准，委员备案" : "已退回，意见已记录");
          return "redirect:/elections/" + id + "/results";
        });
  }

  @PostMapping("/elections/{id}/results/archive")
  String archive(
      @PathVariable long id,
      @RequestParam int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          ResultsService.ArchiveInfo a = results.archive(id, version);
          flash.addFlashAttribute(
              "message", "已归档：" + a.files() + "个文件，SHA-256 " + a.sha256().substring(0, 16) + "…");
          return "redirect:/elections/" + id + "/results";
        });
  }

  @GetMapping("/elections/{id}/results/report.{format}")
  ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable String format) {
    return Downloads.of(results.report(id), "选举结果报告", format);
  }

  @GetMapping("/elections/{id}/results/rounds/{r}/tally-report.{format}")
  ResponseEntity<byte[]> tallyReport(
      @PathVariable long id, @PathVariable int r, @PathVariable String format) {
    return Downloads.of(results.tallyReport(id, r), "第" + r + "轮计票结果报告单", format);
  }

  @GetMapping("/elections/{id}/results/announcement.{format}")
  ResponseEntity<byte[]> announcement(@PathVariable long id, @PathVariable String format) {
    return Downloads.of(results.announcement(id), "当选公告", format);
  }

  @GetMapping("/elections/{id}/results/reply.{format}")
  ResponseEntity<byte[]> reply(@PathVariable long id, @PathVariable String format) {
    return Downloads.of(results.reply(id), "选举结果批复", format);
  }

  @GetMapping("/elections/{id}/results/statistics.xlsx")
  ResponseEntity<byte[]> statistics(@PathVariable long id) {
    return file(results.statistics(id).toBytes(), XLSX, "选举结果统计表.xlsx");
  }

  @GetMapping("/elections/{id}/results/archive.zip")
  ResponseEntity<byte[]> archiveZip(@PathVariable long id) {
    return file(
        results.archiveZip(id),
        MediaType.parseMediaType("application/zip"),
        "换届选举档案-" + id + ".zip");
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  /** A refused download (not yet decided, not archived): the Chinese reason, 409 or 400. */
  @ExceptionHandler({
    IllegalStateException.class,
    IllegalArgumentException.class,
    InvalidInputException.class
  })
  ResponseEntity<String> refused(RuntimeException e) {
    int status = e instanceof IllegalStateException ? 409 : 400;
    String msg = e instanceof InvalidInputException iie ? iie.describe() : e.getMessage();
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(msg);
  }
}
