package xuanju.server.nomination;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import xuanju.core.quota.QuotaSets;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.PeriodUnit;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/** The nomination page (候选人推荐，两推一选) of an election and its documents. */
@Controller
class NominationController {
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final NominationService nomination;

  NominationController(NominationService nomination) {
    this.nomination = nomination;
  }

  @GetMapping("/elections/{id}/nomination")
  String page(@PathVariable long id, Model model) {
    NominationOverview o = nomination.overview(id);
    model.addAttribute("o", o);
    model.addAttribute("election", o.election());
    model.addAttribute("meetingRules", MeetingRule.values());
    model.addAttribute("units", PeriodUnit.values());
    model.addAttribute("quotaSets", QuotaSets.all());
    model.addAttribute("relationKinds", RelationKind.values());
    model.addAttribute("today", LocalDate.now());
    return "nomination/index";
  }

  /** The live composition check of the ticked nominees (htmx fragment). */
  @GetMapping("/elections/{id}/nomination/quota")
  String quota(
      @PathVariable long id,
      @RequestParam(name = "nomineeIds", required = false) List<Long> nomineeIds,
      Model model) {
    model.addAttribute("quota", nomination.quota(id, nomineeIds == null ? List.of() : nomineeIds));
    return "nomination/index :: quota";
  }

  @PostMapping("/elections/{id}/nomination/settings")
  String settings(
      @PathVariable long id,
      @RequestParam MeetingRule meetingRule,
      @RequestParam(required = false) Integer ballotLimit,
      @RequestParam int publicityDays,
      @RequestParam PeriodUnit publicityUnit,
      @RequestParam(required = false) @FreeText(label = "结构比例方案", max = 60) String quotaSetId,
      @RequestParam(required = false) Integer minAge,
      @RequestParam(required = false) Integer maxAge,
      RedirectAttributes ra) {
    return run(
        id,
        ra,
        "设置已保存",
        () ->
            nomination.saveSettings(
                id,
                meetingRule,
                ballotLimit,
                publicityDays,
                publicityUnit,
                quotaSetId,
                minAge,
                maxAge));
  }

  @PostMapping("/elections/{id}/nomination/meeting")
  String meeting(
      @PathVariable long id,
      @RequestParam int expected,
      @RequestParam int present,
      RedirectAttributes ra) {
    return run(id, ra, "推荐会人数已登记", () -> nomination.recordMeeting(id, expected, present));
  }

  @PostMapping("/elections/{id}/nomination/nominees")
  String addNominee(
      @PathVariable long id,
      @RequestParam long memberId,
      @RequestParam(defaultValue = "0") int typedVotes,
      @RequestParam(defaultValue = "false") boolean upperRecommended,
      RedirectAttributes ra) {
    return run(
        id, ra, "已加入推荐名单", () -> nomination.addNominee(id, memberId, typedVotes, upperRecommended));
  }

  @PostMapping("/elections/{id}/nomination/nominees/{nid}")
  String updateNominee(
      @PathVariable long id,
      @PathVariable long nid,
      @RequestParam(defaultValue = "0") int typedVotes,
      @RequestParam(defaultValue = "false") boolean upperRecommended,
      RedirectAttributes ra) {
    return run(
        id, ra, "推荐票数已修改", () -> nomination.updateNominee(id, nid, typedVotes, upperRecommended));
  }

  @PostMapping("/elections/{id}/nomination/nominees/{nid}/delete")
  String removeNominee(@PathVariable long id, @PathVariable long nid, RedirectAttributes ra) {
    return run(id, ra, "已从推荐名单删除", () -> nomination.removeNominee(id, nid));
  }

  @PostMapping("/elections/{id}/nomination/ballots")
  String ballot(
      @PathVariable long id,
      @RequestParam(name = "memberIds", required = false) List<Long> memberIds,
      RedirectAttributes ra) {
    return run(
        id,
        ra,
        "推荐票已录入",
        () -> nomination.addBallot(id, memberIds == null ? List.of() : memberIds));
  }

  @PostMapping("/elections/{id}/nomination/preliminary")
  String preliminary(
      @PathVariable long id,
      @RequestParam(name = "nomineeIds", required = false) List<Long> nomineeIds,
      @RequestParam(required = false) LocalDate postedOn,
      RedirectAttributes ra) {
    return run(
        id,
        ra,
        "初步人选已确定，公示开始",
        () ->
            nomination.confirmPreliminary(
                id, nomineeIds == null ? List.of() : nomineeIds, postedOn));
  }

  @PostMapping("/elections/{id}/nomination/reopen")
  String reopen(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "重新推荐的原因", max = 500, multiline = true)
          String reason,
      RedirectAttributes ra) {
    return run(id, ra, "已退回推荐阶段", () -> nomination.reopen(id, reason));
  }

  @PostMapping("/elections/{id}/nomination/reports")
  String report(
      @PathVariable long id,
      @RequestParam(required = false) LocalDate receivedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "举报内容", max = 2000, multiline = true)
          String content,
      RedirectAttributes ra) {
    return run(id, ra, "举报已登记", () -> nomination.addReport(id, receivedOn, content));
  }

  @PostMapping("/elections/{id}/nomination/reports/{rid}")
  String handleReport(
      @PathVariable long id,
      @PathVariable long rid,
      @RequestParam(defaultValue = "") @FreeText(label = "查核处理情况", max = 2000, multiline = true)
          String handling,
      @RequestParam(defaultValue = "") @FreeText(label = "处理结果", max = 2000, multiline = true)
          String outcome,
      RedirectAttributes ra) {
    return run(id, ra, "查核处理情况已记录", () -> nomination.handleReport(id, rid, handling, outcome));
  }

  @PostMapping("/elections/{id}/nomination/publicity/close")
  String closePublicity(@PathVariable long id, RedirectAttributes ra) {
    return run(id, ra, "公示结束，进入预备人选资格审查", () -> nomination.closePublicity(id));
  }

  @PostMapping("/elections/{id}/nomination/nominees/{nid}/disqualify")
  String disqualify(
      @PathVariable long id,
      @PathVariable long nid,
      @RequestParam(defaultValue = "") @FreeText(label = "负面清单情形", max = 500, multiline = true)
          String reason,
      @RequestParam(defaultValue = "") @FreeText(label = "依据材料", max = 2000, multiline = true)
          String evidence,
      RedirectAttributes ra) {
    return run(id, ra, "负面清单已记录", () -> nomination.disqualify(id, nid, reason, evidence));
  }

  @PostMapping("/elections/{id}/nomination/disqualifications/{did}/delete")
  String clearDisqualification(
      @PathVariable long id,
      @PathVariable long did,
      @RequestParam(defaultValue = "") @FreeText(label = "撤销原因", max = 500, multiline = true)
          String reason,
      RedirectAttributes ra) {
    return run(id, ra, "负面清单记录已撤销", () -> nomination.clearDisqualification(id, did, reason));
  }

  @PostMapping("/elections/{id}/nomination/relations")
  String addRelation(
      @PathVariable long id,
      @RequestParam long memberA,
      @RequestParam long memberB,
      @RequestParam RelationKind kind,
      @RequestParam(defaultValue = "") @FreeText(label = "备注", max = 500, multiline = true)
          String note,
      RedirectAttributes ra) {
    return run(id, ra, "近亲属关系已登记", () -> nomination.addRelation(id, memberA, memberB, kind, note));
  }

  @PostMapping("/elections/{id}/nomination/relations/{rid}/delete")
  String removeRelation(@PathVariable long id, @PathVariable long rid, RedirectAttributes ra) {
    return run(id, ra, "近亲属关系已删除", () -> nomination.removeRelation(id, rid));
  }

  @PostMapping("/elections/{id}/nomination/pre-candidates")
  String preCandidates(
      @PathVariable long id,
      @RequestParam(name = "nomineeIds", required = false) List<Long> nomineeIds,
      RedirectAttributes ra) {
    return run(
        id,
        ra,
        "预备人选已确定并报上级党组织审批",
        () -> nomination.submitPreCandidates(id, nomineeIds == null ? List.of() : nomineeIds));
  }

  @PostMapping("/elections/{id}/nomination/return")
  String returnPre(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "退回意见", max = 1000, multiline = true)
          String comment,
      RedirectAttributes ra) {
    return run(id, ra, "已退回预备人选", () -> nomination.returnPreCandidates(id, comment));
  }

  @PostMapping("/elections/{id}/nomination/approve")
  String approve(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") @FreeText(label = "批复意见", max = 1000, multiline = true)
          String comment,
      RedirectAttributes ra) {
    return run(id, ra, "已批准，正式候选人已确定", () -> nomination.approve(id, version, comment));
  }

  @GetMapping("/elections/{id}/nomination/documents/{doc}.{ext}")
  ResponseEntity<byte[]> document(
      @PathVariable long id, @PathVariable String doc, @PathVariable String ext) {
    NominationService.Doc d = NominationService.Doc.bySlug(doc);
    DocumentContent content = nomination.document(id, d);
    return file(content, ext, content.title());
  }

  @GetMapping("/elections/{id}/nomination/nominees/{nid}/registration.{ext}")
  ResponseEntity<byte[]> registration(
      @PathVariable long id, @PathVariable long nid, @PathVariable String ext) {
    DocumentContent content = nomination.registrationForm(id, nid);
    return file(content, ext, content.title() + " " + nomination.nomineeName(id, nid));
  }

  @GetMapping("/elections/{id}/nomination/statistics.xlsx")
  ResponseEntity<byte[]> statistics(@PathVariable long id) {
    return download(nomination.statistics(id).toBytes(), XLSX, "推荐情况统计表.xlsx");
  }

  private static ResponseEntity<byte[]> file(DocumentContent content, String ext, String base) {
    return switch (ext) {
      case "docx" -> download(DocxDocument.render(content), DOCX, base + ".docx");
      case "pdf" ->
          download(
              PdfDocument.render(content).pdf(), MediaType.APPLICATION_PDF_VALUE, base + ".pdf");
      default -> throw new InvalidInputException("ext", "只能生成 .docx 或 .pdf：" + ext);
    };
  }

  private static ResponseEntity<byte[]> download(byte[] bytes, String type, String filename) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(MediaType.parseMediaType(type))
        .body(bytes);
  }

  /** Runs a change; a refusal is shown on the page in Chinese with its rule codes. */
  private static String run(long id, RedirectAttributes ra, String done, Runnable action) {
    return PageActions.orFlash(ra, "/elections/" + id + "/nomination", done, action);
  }
}
