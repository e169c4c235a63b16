package xuanju.server.voting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import xuanju.server.voting.VotingModel.Ack;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.Difference;
import xuanju.server.voting.VotingModel.Entry;
import xuanju.server.voting.VotingModel.QuorumView;

/** The election-day JSON API (选举大会接口): ballot entry, entry completion, comparison, live count. */
@RestController
@RequestMapping("/api/elections/{id}")
@Tag(name = "voting", description = "选举大会：签到人数、逐张录入选票、两遍录入核对、实时计票")
class VotingApiController {
  private final CheckInService checkIn;
  private final RoundService roundService;
  private final EntryService entries;

  VotingApiController(CheckInService checkIn, RoundService roundService, EntryService entries) {
    this.checkIn = checkIn;
    this.roundService = roundService;
    this.entries = entries;
  }

  @PostMapping("/rounds/{r}/ballots")
  @Operation(
      summary = "录入一张选票（计票人，COUNT 权限）",
      description =
          "每张纸质选票录入为一条匿名记录：不含选民、不含时间，只有所在叠的位置。"
              + "marks 为每名候选人一个符号键（按选票顺序）：1/○/Y 赞成，2/×/N 不赞成，0/空格/A 弃权，? 无法辨认；"
              + "或用 marksById 按候选人编号给出（未给出的为弃权）。writeIns 为另选他人（mark 默认为 Y）。"
              + "clientId 由客户端随机生成（如第4版UUID，不得含时间）：同一 clientId 重复提交不会重复计入，返回第一次的结果。"
              + "服务器不保存 clientId 本身，只在本遍录入结束前保存其密钥摘要；录入完毕后摘要即删除，再重发返回 409（ENTRY.FINISHED），不会重复计入。"
              + "entry 为 A 或 B：同一叠的两遍录入须由两名不同的计票人完成（ENTRY.SECOND_SAME_USER）。"
              + "position 可选：页面认为的本张位置，不一致时返回 409（ENTRY.POSITION.CONFLICT）。"
              + "在事务提交后才返回回执。规则判定的无效票（如赞成超过应选人数 BALLOT.OVERMARKED）照样保存并在回执中标明。",
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "已保存（verdict：VALID / INVALID / NEEDS_REVIEW）"),
        @ApiResponse(responseCode = "200", description = "重复提交（duplicate = true），未重复计入"),
        @ApiResponse(
            responseCode = "400",
            description =
                "输入错误：ENTRY.MARKS.COUNT、ENTRY.MARK.UNKNOWN、ENTRY.CANDIDATE.UNKNOWN、ENTRY.CLIENT_ID.INVALID"),
        @ApiResponse(responseCode = "403", description = "无计票权限"),
        @ApiResponse(
            responseCode = "409",
            description =
                "冲突：VOTING.NOT_STARTED、VOTING.ROUND.CLOSED、ENTRY.SECOND_SAME_USER、ENTRY.SIDE_TAKEN、ENTRY.FINISHED、ENTRY.POSITION.CONFLICT")
      })
  ResponseEntity<Ack> ballot(
      @PathVariable long id,
      @Parameter(description = "轮次编号（本选举中的第几轮）") @PathVariable("r") int round,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = BallotInput.class)))
          @Valid
          @RequestBody
          BallotInput in) {
    Ack ack = entries.submit(id, round, in);
    return ResponseEntity.status(ack.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(ack);
  }

  @PostMapping("/rounds/{r}/stacks/{s}/entries/{side}/finish")
  @Operation(summary = "结束一遍录入（录入A或B完毕），审计日志记录张数和摘要")
  Entry finish(
      @PathVariable long id,
      @PathVariable("r") int round,
      @PathVariable("s") long stack,
      @PathVariable String side) {
    return entries.finishEntry(id, round, stack, side.toUpperCase());
  }

  @GetMapping("/rounds/{r}/stacks/{s}/differences")
  @Operation(summary = "两遍录入的差异和疑问票（按位置配对）")
  List<Difference> differences(
      @PathVariable long id, @PathVariable("r") int round, @PathVariable("s") long stack) {
    return entries.differences(id, round, stack);
  }

  @GetMapping("/rounds/{r}/tally")
  @Operation(summary = "实时计票：只含监票人已核对认定的选票叠和按汇总表录入的票箱")
  Map<String, Object> tally(@PathVariable long id, @PathVariable("r") int round) {
    var t = roundService.liveTally(id, round);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", t.tally().validBallots());
    m.put("invalid", t.tally().invalidBallots());
    m.put("candidates", t.tally().printed());
    m.put("writeIns", t.tally().writeIns());
    m.put("settledStacks", t.settledStacks());
    m.put("openStacks", t.openStacks());
    return m;
  }

  @GetMapping("/voting/quorum")
  @Operation(summary = "签到人数与到会是否有效（core Quorum.check）")
  QuorumView quorum(@PathVariable long id, @RequestParam(defaultValue = "1") int stage) {
    return checkIn.quorum(id, stage);
  }
}
