package xuanju.server.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;

/**
 * The voter-list deadline check (选民名单公布期限) for the dashboard and the election overview, read by the
 * fragment {@code register/status} as {@code @registerStatus} (so the shared pages only include the
 * fragment).
 */
@Component("registerStatus")
public class RegisterStatus {
  private final ElectionService elections;
  private final VoterListService lists;
  private final Clock clock;

  public RegisterStatus(ElectionService elections, VoterListService lists, Clock clock) {
    this.elections = elections;
    this.lists = lists;
    this.clock = clock;
  }

  /**
   * One district's publication state.
   *
   * @param stateZh 已公布 / 未公布 / 逾期未公布 / 逾期公布
   * @param problem true when late or overdue
   */
  public record Line(
      long electionId,
      String electionTitle,
      String districtName,
      LocalDate latest,
      LocalDate publishedOn,
      String stateZh,
      boolean problem,
      String messageZh) {}

  /** The lines of one election (empty for kinds without a voter register or without districts). */
  @Transactional(readOnly = true)
  public List<Line> forElection(long electionId) {
    Election e = elections.get(electionId);
    if (!e.kind().config().electorate().registersVoters()) {
      return List.of();
    }
    return lines(e, LocalDate.now(clock));
  }

  /** The lines of every visible, not completed register election that still has something open. */
  @Transactional(readOnly = true)
  public List<Line> dashboard() {
    LocalDate today = LocalDate.now(clock);
    List<Line> out = new ArrayList<>();
    for (Election e : elections.visible()) {
      if (!e.kind().config().electorate().registersVoters()
          || e.status().compareTo(ElectionStatus.COMPLETED) >= 0
          || e.electionDay().isBefore(today)) {
        continue;
      }
      out.addAll(lines(e, today));
    }
    return out;
  }

  private List<Line> lines(Election e, LocalDate today) {
    List<Line> out = new ArrayList<>();
    for (VoterListService.DistrictStatus s : lists.statuses(e, today)) {
      LocalDate latest = s.deadlines().latestPublication();
      boolean problem = !s.problems().isEmpty();
      String state =
          s.publishedOn() != null ? (problem ? "逾期公布" : "已公布") : (problem ? "逾期未公布" : "未公布");
      out.add(
          new Line(
              e.id(),
              e.title(),
              s.district().name(),
              latest,
              s.publishedOn(),
              state,
              problem,
              String.join("；", s.problems())));
    }
    return out;
  }
}
