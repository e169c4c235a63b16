package xuanju.server.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import xuanju.server.organisation.Organisation;

/**
 * The roster API (党员名册接口): list with statistics, .xlsx import (all-or-nothing, 422 with the row
 * errors when anything is wrong) and export. Access is checked by {@link RosterService}.
 */
@RestController
@RequestMapping("/api/organisations/{id}/members")
@Tag(name = "roster", description = "党员名册：列表、导入、导出")
class RosterApiController {
  private final RosterService roster;

  RosterApiController(RosterService roster) {
    this.roster = roster;
  }

  /** A page of the roster with the organisation's statistics. */
  record MemberPage(
      long organisationId,
      String organisationName,
      RosterStats stats,
      long matching,
      int page,
      int size,
      List<MemberView> members) {}

  @GetMapping
  @Operation(summary = "党员名册（公民身份号码和电话脱敏；含表决权判定及规则代码）")
  MemberPage list(
      @PathVariable long id,
      @Parameter(description = "按姓名筛选") @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    Organisation org = roster.organisation(id);
    int s = Math.max(1, Math.min(500, size));
    return new MemberPage(
        id,
        org.name(),
        roster.stats(id),
        roster.count(id, q),
        Math.max(0, page),
        s,
        roster.list(id, q, page, s));
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "从 .xlsx 导入党员名册",
      description =
          "全部行无误才写入（一个事务）；有错误时返回 422 和逐行错误，数据库不变。mode=UPDATE_EXISTING" + " 时按公民身份号码更新本组织已有党员。")
  ResponseEntity<ImportReport> importXlsx(
      @PathVariable long id,
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "REJECT_EXISTING") ImportMode mode)
      throws IOException {
    ImportReport report;
    try (var in = file.getInputStream()) {
      report = roster.importXlsx(id, file.getOriginalFilename(), in, file.getSize(), mode);
    }
    return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }

  @GetMapping(path = "/export")
  @Operation(summary = "导出党员名册 .xlsx（与导入模板列相同，可直接再导入；含完整身份号码，需管理权限）")
  void export(@PathVariable long id, HttpServletResponse response) throws IOException {
    roster.requireManage(id);
    Organisation org = roster.organisation(id);
    RosterController.attachment(response, org.name() + "-党员名册.xlsx");
    roster.export(id, response.getOutputStream());
  }

  @GetMapping(path = "/template")
  @Operation(summary = "下载党员名册导入模板 .xlsx")
  void template(@PathVariable long id, HttpServletResponse response) throws IOException {
    roster.organisation(id);
    RosterController.attachment(response, "党员名册导入模板.xlsx");
    roster.template(id, response.getOutputStream());
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", "NOT_FOUND", "message", e.getMessage()));
  }
}
