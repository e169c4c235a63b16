package xuanju.server.voting;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import xuanju.server.attendance.AttendanceService;
import xuanju.server.attendance.EligibleVoter;
import xuanju.server.attendance.Expected;
import xuanju.server.election.Election;
import xuanju.server.election.kind.Electorate;
import xuanju.server.voting.VotingModel.Voter;

/**
 * The members' meeting (党员大会): members with a vote on the party roster minus the adopted
 * exclusions, via {@link AttendanceService}, with the full resident ID from the roster for the
 * check-in search (the screens show it masked).
 */
@Component
class MembersMeetingElectorate implements ElectorateProvider {
  private final JdbcTemplate jdbc;
  private final AttendanceService attendance;

  MembersMeetingElectorate(JdbcTemplate jdbc, AttendanceService attendance) {
    this.jdbc = jdbc;
    this.attendance = attendance;
  }

  @Override
  public Electorate electorate() {
    return Electorate.MEMBERS_MEETING;
  }

  @Override
  public List<Voter> eligibleVoters(Election e) {
    Set<Long> ids =
        attendance.eligibleVoters(e.id()).stream()
            .map(EligibleVoter::memberId)
            .collect(Collectors.toSet());
    return jdbc
        .query(
            "SELECT id, name, resident_id FROM party_member WHERE organisation_id = ? ORDER BY name, id",
            (rs, i) ->
                new Voter("m" + rs.getLong(1), rs.getLong(1), rs.getString(2), rs.getString(3)),
            e.organisationId())
        .stream()
        .filter(v -> ids.contains(v.memberId()))
        .toList();
  }

  @Override
  public long expected(Election e) {
    return attendance.expected(e.id()).expected();
  }

  @Override
  public String expectedZh(Election e) {
    Expected x = attendance.expected(e.id());
    return "有表决权的党员"
        + x.membersWithVote()
        + "人，经批准不计入"
        + x.excluded()
        + "人，应到会"
        + x.expected()
        + "人（"
        + String.join("、", x.codes())
        + "）";
  }
}
