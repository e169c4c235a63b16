package xuanju.server.congress;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The results page of a deputies' election ({@code /elections/{id}/congress/results}, tab 选举结果):
 * per level the results of every contest, the steps (确认有效并宣布, 资格审查, 主席团或常委会确认) with their forms,
 * and the documents: announcement, certificates, statistics, report and the archive.
 */
@Controller
class CongressResultsController {
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CongressResultsService results;
  private final CongressArchive archive;
  private final AccessService access;
  private final Clock clock;

  CongressResultsController(
      CongressResultsService results, CongressArchive archive, AccessService access, Clock clock) {
    this.results = results;
    this.archive = archive;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/elections/{id}/congress/results")
  String page(@PathVariable long id, Model model) {
    CongressResultsService.Results r = results.results(id);
    model.addAttribute("election", r.election());
    model.addAttribute("results", r);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            r.election().organisationId(),
            Permission.MANAGE));
    return "congress/results";
  }

  @PostMapping("/elections/{id}/congress/results/steps")
  String step(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level,
      @RequestParam(defaultValue = "") @FreeText(label = "步骤", max = 20) String step,
      @RequestParam(defaultValue = "") @FreeText(label = "机关名称", max = 200) String body,
      @RequestParam(defaultValue = "") @FreeText(label = "文件名称和文号", max = 200) String document,
      @RequestParam(required = false) LocalDate onDate,
      @RequestParam(defaultValue = "") @FreeText(label = "备注", max = 2000, multiline = true)
          String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return PageActions.orPage(
        model,
        response,
        () -> page(id, model),
        () -> {
          ContestLevel l = ContestLevel.of(level);
          CongressResultsService.Step s = CongressResultsService.Step.of(step);
          results.record(id, l, s, body, document, onDate, note);
          flash.addFlashAttribute("message", "已记录：" + l.labelZh() + "选举结果" + s.labelZh(l));
          return "redirect:/elections/" + id + "/congress/results";
        });
  }

  @GetMapping("/elections/{id}/congress/results/announcement.pdf")
  ResponseEntity<byte[]> announcement(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level) {
    CongressResultsService.Results r = results.results(id);
    ContestLevel l = ContestLevel.of(level);
    return Downloads.of(
        CongressResultsDocuments.announcement(r, l),
        CongressResultsDocuments.announcementTitle(r.election(), l),
        "pdf");
  }

  @GetMapping("/elections/{id}/congress/results/certificates.pdf")
  ResponseEntity<byte[]> certificates(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "选举层级", max = 10) String level) {
    ContestLevel l = ContestLevel.of(level);
    return file(
        CongressResultsDocuments.certificates(results.results(id), l),
        MediaType.APPLICATION_PDF,
        l.labelZh() + "当选证书.pdf");
  }

  @GetMapping("/elections/{id}/congress/results/statistics.xlsx")
  ResponseEntity<byte[]> statistics(@PathVariable long id) {
    return file(
        CongressResultsDocuments.statistics(results.results(id)).toBytes(), XLSX, "代表选举工作统计表.xlsx");
  }

  @GetMapping("/elections/{id}/congress/results/report.{format}")
  ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable String format) {
    return Downloads.of(
        CongressResultsDocuments.report(results.results(id)), "关于代表选举结果的报告", format);
  }

  @GetMapping("/elections/{id}/congress/results/archive.zip")
  ResponseEntity<byte[]> archive(@PathVariable long id) {
    return file(
        archive.zip(id), MediaType.parseMediaType("application/zip"), "代表选举档案-" + id + ".zip");
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    return Downloads.file(bytes, name, type);
  }

  /** A refused download (results not final, step missing): the Chinese reason, 409 or 400. */
  @ExceptionHandler({
    IllegalStateException.class,
    IllegalArgumentException.class,
    InvalidInputException.class
  })
  ResponseEntity<String> refused(RuntimeException e) {
    int status = e instanceof IllegalStateException ? 409 : 400;
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(PageActions.message(e));
  }
}
