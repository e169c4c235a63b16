package xuanju.server.results;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import xuanju.server.election.Election;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.voting.VotingModel.StageSummary;
import xuanju.server.web.FreeText;

/**
 * The results JSON API (选举结果接口): the results, submission, the upper organisation's decision,
 * archive.
 */
@RestController
@RequestMapping("/api/elections/{id}/results")
@Tag(name = "results", description = "选举结果：结果汇总、报送上级、上级批复、归档")
class ResultsApiController {
  private final ResultsService results;

  ResultsApiController(ResultsService results) {
    this.results = results;
  }

  /** The results as stored (VIEW). */
  record ResultsJson(
      long electionId,
      String status,
      int version,
      boolean ready,
      List<StageSummary> summaries,
      List<String> committee,
      Map<String, String> portfolios,
      List<String> secretaries,
      List<String> deputies,
      ResultsService.ArchiveInfo archive) {}

  @GetMapping
  @Operation(summary = "选举结果（VIEW）：各阶段当选人、委员分工、是否可以报送、归档信息")
  ResultsJson get(@PathVariable long id) {
    ResultsService.ResultsView v = results.view(id);
    ResultsFacts f = v.facts();
    return new ResultsJson(
        id,
        v.election().status().name(),
        v.election().version(),
        v.ready(),
        f.summaries(),
        f.committee(),
        new LinkedHashMap<>(f.portfolios()),
        f.secretaries(),
        f.deputies(),
        v.archive().orElse(null));
  }

  /** Body of a submission or archive: the election version the user saw. */
  record VersionBody(int version) {}

  /** Body of a decision. */
  record DecisionBody(
      int version,
      ApprovalDecision decision,
      @FreeText(label = "批复意见", max = 2000, multiline = true) String comment) {}

  /** The election's new stage. */
  record StageJson(long electionId, String status, int version) {
    static StageJson of(Election e) {
      return new StageJson(e.id(), e.status().name(), e.version());
    }
  }

  @PostMapping("/submit")
  @Operation(
      summary = "报送选举结果（MANAGE）：选举进行中 → 选举结果已报上级",
      description = "各项投票均已产生结果方可报送，否则 409（RESULTS.SUBMIT.NOT_READY）。")
  StageJson submit(@PathVariable long id, @RequestBody VersionBody body) {
    return StageJson.of(results.submit(id, body.version()));
  }

  @PostMapping("/decision")
  @Operation(
      summary = "上级批复选举结果（APPROVE）：同意 → 选举完成（批准书记、副书记，委员备案）；退回（须写意见）→ 选举进行中",
      description = "支部用户无 APPROVE 权限（403）；已批复的再次批复为 409。")
  StageJson decide(@PathVariable long id, @Valid @RequestBody DecisionBody body) {
    if (body.decision() == null) {
      throw new IllegalArgumentException("decision 须为 APPROVED 或 RETURNED");
    }
    return StageJson.of(results.decide(id, body.version(), body.decision(), body.comment()));
  }

  @PostMapping("/archive")
  @Operation(
      summary = "归档（MANAGE）：选举完成 → 已归档，生成并保存归档文件",
      description = "上级批复同意前为 409（RESULTS.ARCHIVE.NOT_APPROVED）。")
  ResultsService.ArchiveInfo archive(@PathVariable long id, @RequestBody VersionBody body) {
    return results.archive(id, body.version());
  }
}
