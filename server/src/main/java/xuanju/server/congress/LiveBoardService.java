package xuanju.server.congress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The town-wide results board (全镇选举情况), for a projector: every contest (districts × 镇/县 levels)
 * with its current vote, how many of its stations and mobile boxes have reported (ballots
 * reconciled and tally sheet confirmed), the turnout so far and the result. Read in a handful of
 * queries over the whole election so that it refreshes quickly at county scale.
 */
@Service
public class LiveBoardService {
  private final PollingRepository repo;
  private final PollingService polling;
  private final CountyDistrictService contests;

  LiveBoardService(PollingRepository repo, PollingService polling, CountyDistrictService contests) {
    this.repo = repo;
    this.polling = polling;
    this.contests = contests;
  }

  /** One contest on the board. */
  public record Row(
      ContestArea area,
      String vote,
      long registered,
      int stations,
      int reported,
      long returned,
      String turnoutZh,
      String status,
      String elected,
      boolean done) {}

  /** The board with its totals. */
  public record Board(
      Election election, List<Row> rows, int stations, int reported, int contests, int done) {}

  @Transactional(readOnly = true)
  public Board board(long electionId) {
    Election e = polling.election(electionId, Permission.VIEW);
    List<ContestArea> areas = contests.areas(electionId);
    Map<String, List<CongressRound>> rounds = new HashMap<>();
    for (CongressRound r : repo.allRounds(electionId)) {
      rounds.computeIfAbsent(r.homeDistrictId() + ":" + r.level(), k -> new ArrayList<>()).add(r);
    }
    Map<Long, Integer> stationsByDistrict = new HashMap<>();
    for (PollingRepository.Station s : repo.allStations(electionId)) {
      stationsByDistrict.merge(s.districtId(), 1, Integer::sum);
    }
    Map<Long, PollingRepository.RoundProgress> progress = repo.progress(electionId);
    Map<Long, String> names = repo.allNomineeNames(electionId);
    List<Row> rows = new ArrayList<>();
    int totalStations = 0;
    int totalReported = 0;
    int done = 0;
    for (ContestArea a : areas) {
      if (a.seats() == null) {
        continue;
      }
      int stations =
          a.districtIds().stream().mapToInt(d -> stationsByDistrict.getOrDefault(d, 0)).sum();
      List<CongressRound> rs = rounds.getOrDefault(a.homeDistrictId() + ":" + a.level(), List.of());
      List<String> elected = new ArrayList<>();
      rs.forEach(r -> r.elected().forEach(x -> elected.add(ContestVoteService.nameOf(x, names))));
      if (rs.isEmpty()) {
        rows.add(new Row(a, "未开始", 0, stations, 0, 0, "", "尚未开始投票", "", false));
        totalStations += stations;
        continue;
      }
      CongressRound cur = rs.get(rs.size() - 1);
      PollingRepository.RoundProgress p = progress.get(cur.id());
      int reported = p == null ? 0 : Math.min(p.boxes(), p.confirmed());
      long returned = p == null ? 0 : p.returned();
      String turnout =
          cur.registered() == 0 ? "" : String.format("%.1f%%", 100.0 * returned / cur.registered());
      String status;
      boolean finished = cur.decided() && cur.finalResult();
      if (cur.decided()) {
        status = cur.outcome();
      } else if (reported == stations && stations > 0) {
        status = "计票完毕，待确定结果";
      } else {
        status = "计票中";
      }
      if (finished) {
        done++;
      }
      totalStations += stations;
      totalReported += reported;
      rows.add(
          new Row(
              a,
              cur.kindZh(),
              cur.registered(),
              stations,
              reported,
              returned,
              turnout,
              status,
              String.join("、", elected),
              finished));
    }
    return new Board(e, rows, totalStations, totalReported, rows.size(), done);
  }
}
