package xuanju.server.community;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The ballots of one box in the current vote (选票核对): issued and returned. More returned than issued
 * is refused; a difference needs the written explanation; fixed once a tally sheet of the box is
 * entered. The same rules as the town congress's election day.
 */
@Service
public class BoxCountService {
  static final String SOURCE = "（《全国人民代表大会和地方各级人民代表大会选举法》第四十三条、第四十四条，居民委员会选举参照适用）";

  private final CommunityContext ctx;
  private final CommunityVotingRepository repo;

  BoxCountService(CommunityContext ctx, CommunityVotingRepository repo) {
    this.ctx = ctx;
    this.repo = repo;
  }

  @Transactional
  public void record(
      long electionId,
      long voteId,
      long stationId,
      Integer issued,
      Integer returned,
      String explanation) {
    Election e = ctx.election(electionId, Permission.COUNT);
    CommunityVote v = openVote(repo, electionId, voteId);
    CommunityVote.Box box = box(repo, electionId, stationId);
    if (issued == null || returned == null || issued < 0 || returned < 0) {
      throw new InvalidInputException("issued", box.name() + "：发出和收回的选票数应为不小于0的整数");
    }
    if (returned > issued) {
      throw new InvalidInputException(
          "returned",
          box.name() + "收回选票" + returned + "张，多于发出的" + issued + "张：收回的选票数不得多于发出的选票数" + SOURCE);
    }
    String why = explanation == null ? "" : explanation.strip();
    if (returned < issued && why.isEmpty()) {
      throw new InvalidInputException(
          "explanation",
          box.name()
              + "发出选票"
              + issued
              + "张，收回"
              + returned
              + "张，相差"
              + (issued - returned)
              + "张，未作说明：发出与收回的选票数不一致的，须书面说明原因"
              + SOURCE);
    }
    if (!repo.lockOpen(voteId)) {
      throw new IllegalStateException("这次投票的结果已经确定，不能再修改");
    }
    if (repo.entries(voteId).containsKey(stationId)) {
      throw new IllegalStateException(box.name() + "的计票单已开始录入，不能再修改选票核对数");
    }
    repo.saveBoxCount(
        voteId,
        new CommunityVote.BoxCount(stationId, issued, returned, why),
        AccessService.currentUser(),
        ctx.clock.instant());
    ctx.audit(
        "COMMUNITY_BOX_COUNTED",
        e,
        box.name()
            + (box.mobile() ? "（流动票箱）" : "")
            + v.titleZh()
            + "发出选票"
            + issued
            + "张，收回"
            + returned
            + "张"
            + (why.isEmpty() ? "" : "；说明：" + why));
  }

  static CommunityVote openVote(CommunityVotingRepository repo, long electionId, long voteId) {
    CommunityVote v =
        repo.vote(electionId, voteId)
            .orElseThrow(() -> new InvalidInputException("voteId", "本选举没有这次投票"));
    if (v.decided()) {
      throw new IllegalStateException("这次投票的结果已经确定，不能再修改");
    }
    return v;
  }

  static CommunityVote.Box box(CommunityVotingRepository repo, long electionId, long stationId) {
    return repo.boxes(electionId).stream()
        .filter(b -> b.id() == stationId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("stationId", "这个票箱不属于本次选举"));
  }
}
