package xuanju.server.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import xuanju.core.community.CommitteePost;
import xuanju.server.district.StationService;

/**
 * A residents' committee election driven through election day to its decision (as {@code
 * CommunityVotingTest} does): 20 voters, a central station (14 issued, 14 returned) and a mobile
 * box (3 issued, 2 returned); elected 王主 (主任), 刘副 (副主任), 赵委, 李委, 周委 (委员).
 */
abstract class CommunityDecidedSupport extends CommunitySupport {
  static final String[] MORE = {"甲一", "甲二", "甲三", "甲四", "甲五", "甲六"};

  @Autowired ElectionMethodService methods;
  @Autowired StationService stations;
  @Autowired CommunityBallotService ballots;
  @Autowired BoxCountService boxes;
  @Autowired PostTallyService sheets;
  @Autowired PostDecisionService decisions;

  /** A community whose election day is decided. */
  CommunityFixtures.Community decided() {
    return decided(Map.of("赵委", 12, "李委", 11, "周委", 10, "黄委", 3), "高六 2");
  }

  /** The same with the central box's 委员 sheet given (votes by name and the write-ins). */
  CommunityFixtures.Community decided(Map<String, Integer> centralMembers, String writeIns) {
    var c = standard(MORE);
    long e = c.election();
    as(() -> methods.draft(e, "ALL_VOTERS", 3, true, "NO"));
    as(() -> methods.adopt(e, LocalDate.now(), 30, 25, 20));
    publish(c, all(c));
    long district =
        jdbc.queryForObject("SELECT id FROM district WHERE election_id = ?", Long.class, e);
    long[] s = new long[2];
    as(() -> s[0] = stations.add(e, district, "社区中心投票站", "社区办公楼", false));
    as(() -> s[1] = stations.add(e, district, "流动票箱一", "", true));
    long[] vote = new long[1];
    as(() -> vote[0] = ballots.openFirst(e));
    as(() -> boxes.record(e, vote[0], s[0], 14, 14, ""));
    as(() -> boxes.record(e, vote[0], s[1], 3, 2, "一名选民放弃投票，空白选票当场收回作废"));
    sheet(e, vote[0], s[0], CommitteePost.DIRECTOR, 13, 1, Map.of("王主", 9, "丁主", 4), "");
    sheet(e, vote[0], s[1], CommitteePost.DIRECTOR, 2, 0, Map.of("王主", 1, "丁主", 1), "");
    sheet(e, vote[0], s[0], CommitteePost.DEPUTY_DIRECTOR, 14, 0, Map.of("刘副", 10, "石副", 4), "");
    sheet(e, vote[0], s[1], CommitteePost.DEPUTY_DIRECTOR, 2, 0, Map.of("刘副", 1, "石副", 1), "");
    sheet(e, vote[0], s[0], CommitteePost.MEMBER, 14, 0, centralMembers, writeIns);
    sheet(e, vote[0], s[1], CommitteePost.MEMBER, 2, 0, Map.of("赵委", 1, "李委", 1, "周委", 1), "");
    as(() -> decisions.decide(e, vote[0]));
    return c;
  }

  private void sheet(
      long e,
      long vote,
      long station,
      CommitteePost p,
      int valid,
      int invalid,
      Map<String, Integer> votes,
      String writeIns) {
    List<CommunityBallotService.Day> d = new ArrayList<>();
    as(() -> d.add(ballots.day(e)));
    var round =
        d.get(0).current().orElseThrow().rounds().stream()
            .filter(x -> x.post() == p)
            .findFirst()
            .orElseThrow();
    List<Integer> counts =
        d.get(0).ballotNames(round).stream().map(n -> votes.getOrDefault(n, 0)).toList();
    as(() -> sheets.record(e, vote, station, p.name(), valid, invalid, counts, writeIns));
    secondClerk(() -> sheets.record(e, vote, station, p.name(), valid, invalid, counts, writeIns));
  }
}
