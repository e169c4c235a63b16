package xuanju.server.community;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import xuanju.server.web.FreeText;

/** The residents' committee election day as JSON (居民委员会选举日接口): the votes with their rule trails. */
@RestController
@RequestMapping("/api/elections/{id}/community")
@Tag(name = "community-voting", description = "居民委员会选举日：各次投票、分职位结果与规则依据")
class CommunityVotingApiController {
  private final CommunityBallotService ballots;
  private final ElectorService electors;

  CommunityVotingApiController(CommunityBallotService ballots, ElectorService electors) {
    this.ballots = ballots;
    this.electors = electors;
  }

  /** The electors under the adopted way: the base, the representatives, the check-ins so far. */
  record Electors(
      String mode,
      String modeZh,
      long base,
      String baseNote,
      int representatives,
      long checkIns,
      List<Step> findings) {}

  @GetMapping("/electors")
  @Operation(
      summary = "选举人、计算基数与签到人数（VIEW 权限）",
      description = "按选举办法规定的选举方式：参加投票人数的计算基数、已确定的户代表或居民小组代表人数、当前投票的签到人数，以及代表核对的规则判定（含规则代码）。")
  Electors electors(@PathVariable long id) {
    ElectorService.View v = electors.view(id);
    return new Electors(
        v.mode().map(Enum::name).orElse(null),
        v.mode().map(m -> m.labelZh()).orElse(null),
        v.base(),
        v.baseNoteZh(),
        v.representativeCount(),
        v.checkIns(),
        v.findings().all().stream()
            .map(
                f ->
                    new Step(
                        f.rule().code(),
                        f.severity() != xuanju.core.rule.Severity.ERROR,
                        f.messageZh()))
            .toList());
  }

  /** A check-in request: the voter's ID number. */
  record CheckInBody(
      @FreeText(label = "公民身份号码或选民证二维码", max = 60) String residentId, Long stationId) {}

  /** A check-in admitted: who, and the current vote's check-ins so far (人 or 户). */
  record CheckedIn(String name, String unit, long checkIns, String countUnit) {}

  @PostMapping("/check-ins")
  @Operation(
      summary = "签到领票（COUNT 权限）",
      description = "按选举方式核对后登记当前投票的签到：非选民、非户代表或居民小组代表、已签到（户代表选举时同户已有人签到）的，返回400及中文说明，不作登记。")
  CheckedIn checkIn(@PathVariable long id, @Valid @RequestBody CheckInBody body) {
    ElectorService.Admitted a =
        electors.checkIn(
            id, body == null ? "" : body.residentId(), body == null ? null : body.stationId());
    return new CheckedIn(a.name(), a.unitZh(), a.checkIns(), a.countUnitZh());
  }

  /** A rule step of a decision: its code, whether it passed, the Chinese words. */
  record Step(String code, boolean passed, String text) {}

  /** One post on a ballot. */
  record Post(
      String post,
      String postZh,
      String kind,
      int seats,
      List<String> candidates,
      String outcome,
      List<String> elected,
      boolean finalResult,
      List<Step> trail) {}

  /** One vote (一次投票). */
  record Vote(
      long id,
      int number,
      String title,
      String mode,
      long base,
      String baseNote,
      boolean decided,
      List<Post> posts) {}

  @GetMapping("/votes")
  @Operation(
      summary = "各次投票及分职位结果（VIEW 权限）",
      description = "每次投票的计算基数、各职位的候选人、结果、当选人和规则判定步骤（含规则代码）。")
  List<Vote> votes(@PathVariable long id) {
    CommunityBallotService.Day d = ballots.day(id);
    return d.votes().stream()
        .map(
            v ->
                new Vote(
                    v.id(),
                    v.number(),
                    v.titleZh(),
                    v.mode().name(),
                    v.base(),
                    v.baseNoteZh(),
                    v.decided(),
                    v.rounds().stream()
                        .map(
                            r ->
                                new Post(
                                    r.post().name(),
                                    r.post().labelZh(),
                                    r.kind().name(),
                                    r.seats(),
                                    r.candidates().stream().map(d::name).toList(),
                                    r.outcome(),
                                    r.elected().stream().map(d::name).toList(),
                                    r.finalResult(),
                                    r.trailLines().stream()
                                        .map(t -> new Step(t.code(), t.passed(), t.textZh()))
                                        .toList()))
                        .toList()))
        .toList();
  }
}
