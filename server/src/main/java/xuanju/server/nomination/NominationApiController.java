package xuanju.server.nomination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import xuanju.server.web.FreeText;

/** The nomination's JSON API (候选人推荐接口) under {@code /api/elections/{id}/nominees}. */
@RestController
@RequestMapping("/api/elections/{id}/nominees")
@Tag(name = "nomination", description = "两推一选：推荐、初步人选、公示、预备人选、上级审批、正式候选人")
class NominationApiController {
  private final NominationService nomination;

  NominationApiController(NominationService nomination) {
    this.nomination = nomination;
  }

  /** A nominee as JSON. */
  record NomineeDto(
      long id,
      long memberId,
      String name,
      String gender,
      LocalDate birthDate,
      int votes,
      int typedVotes,
      int ballotVotes,
      boolean upperRecommended,
      boolean preliminary,
      boolean preCandidate,
      boolean formal) {
    static NomineeDto of(Nominee n) {
      return new NomineeDto(
          n.id(),
          n.memberId(),
          n.name(),
          n.member().gender().labelZh(),
          n.member().birthDate(),
          n.votes(),
          n.typedVotes(),
          n.ballotVotes(),
          n.upperRecommended(),
          n.preliminary(),
          n.preCandidate(),
          n.formal());
    }
  }

  record AddNominee(long memberId, int typedVotes, boolean upperRecommended) {}

  record BallotDto(List<Long> memberIds) {}

  record ListDto(List<Long> nomineeIds, LocalDate postedOn) {}

  record ApproveDto(
      int electionVersion,
      @FreeText(label = "批复意见", max = 1000, multiline = true) String comment) {}

  @GetMapping
  @Operation(summary = "被推荐人（按推荐票数）")
  List<NomineeDto> list(@PathVariable long id) {
    return nomination.nominees(id).stream().map(NomineeDto::of).toList();
  }

  @GetMapping("/state")
  @Operation(summary = "两推一选进度与设置")
  NominationState state(@PathVariable long id) {
    return nomination.state(id);
  }

  @PostMapping
  @Operation(summary = "加入推荐人选（党员推荐票数、上级党组织推荐）")
  Map<String, Long> add(@PathVariable long id, @RequestBody AddNominee body) {
    return Map.of(
        "id",
        nomination.addNominee(id, body.memberId(), body.typedVotes(), body.upperRecommended()));
  }

  @PostMapping("/ballots")
  @Operation(summary = "录入一张推荐票")
  ResponseEntity<Void> ballot(@PathVariable long id, @RequestBody BallotDto body) {
    nomination.addBallot(id, body.memberIds() == null ? List.of() : body.memberIds());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/preliminary")
  @Operation(summary = "确定初步人选并开始公示")
  ResponseEntity<Void> preliminary(@PathVariable long id, @RequestBody ListDto body) {
    nomination.confirmPreliminary(id, ids(body), body.postedOn());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/publicity/close")
  @Operation(summary = "公示结束")
  ResponseEntity<Void> closePublicity(@PathVariable long id) {
    nomination.closePublicity(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/pre-candidates")
  @Operation(summary = "确定预备人选并报上级审批")
  ResponseEntity<Void> preCandidates(@PathVariable long id, @RequestBody ListDto body) {
    nomination.submitPreCandidates(id, ids(body));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/approve")
  @Operation(summary = "上级党组织批准预备人选为正式候选人")
  List<FormalCandidate> approve(@PathVariable long id, @Valid @RequestBody ApproveDto body) {
    return nomination.approve(id, body.electionVersion(), body.comment());
  }

  @GetMapping("/formal")
  @Operation(summary = "正式候选人（按姓氏笔画为序）")
  List<FormalCandidate> formal(@PathVariable long id) {
    return nomination.formalCandidates(id);
  }

  @ExceptionHandler(NominationBlockedException.class)
  ResponseEntity<Map<String, Object>> blocked(NominationBlockedException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "RULE_BLOCKED");
    body.put("message", e.getMessage());
    body.put("codes", e.codes());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  private static List<Long> ids(ListDto body) {
    return body == null || body.nomineeIds() == null ? List.of() : body.nomineeIds();
  }
}
