package xuanju.server.community;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The residents' committee election day as JSON (居民委员会选举日接口): the votes with their rule trails. */
@RestController
@RequestMapping("/api/elections/{id}/community")
@Tag(name = "community-voting", description = "居民委员会选举日：各次投票、分职位结果与规则依据")
class CommunityVotingApiController {
  private final CommunityBallotService ballots;

  CommunityVotingApiController(CommunityBallotService ballots) {
    this.ballots = ballots;
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
