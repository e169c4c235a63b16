package xuanju.server.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.election.Election;
import xuanju.server.election.kind.RegisterFacts;
import xuanju.server.election.kind.RegisterFactsSource;

/**
 * The districts and voter register of an election as its plan check sees them (方案核对所用的选区与选民登记情况):
 * districts, their seats, registered voters and published lists, with the statutory last day of
 * publication.
 */
@Component
class RegisterPlanFacts implements RegisterFactsSource {
  private final JdbcTemplate jdbc;
  private final VoterListService lists;
  private final Clock clock;

  RegisterPlanFacts(JdbcTemplate jdbc, VoterListService lists, Clock clock) {
    this.jdbc = jdbc;
    this.lists = lists;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public RegisterFacts of(Election e) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> seats =
        jdbc.queryForMap(
            "SELECT COUNT(*) AS n, COUNT(seats) AS with_seats, COALESCE(SUM(seats), 0) AS seat_sum"
                + " FROM district WHERE election_id = ?",
            e.id());
    List<VoterListService.DistrictStatus> statuses = lists.statuses(e, today);
    long registered = statuses.stream().mapToLong(VoterListService.DistrictStatus::listed).sum();
    int withoutVoters = (int) statuses.stream().filter(s -> s.listed() == 0).count();
    int unpublished = (int) statuses.stream().filter(s -> s.publishedOn() == null).count();
    LocalDate latest =
        statuses.isEmpty()
            ? e.electionDay().minusDays(20)
            : statuses.get(0).deadlines().latestPublication();
    return new RegisterFacts(
        ((Number) seats.get("n")).intValue(),
        ((Number) seats.get("with_seats")).intValue(),
        ((Number) seats.get("seat_sum")).intValue(),
        registered,
        withoutVoters,
        unpublished,
        latest,
        today);
  }
}
