package xuanju.server.election;

import java.time.LocalDate;
import java.util.Map;

/**
 * An election of one organisation (换届选举): the plan parameters and its stage.
 *
 * @param seats 委员职数 (members to elect); with no committee, the secretary seats
 * @param hasCommittee whether the branch has a committee (7 members or more); without one the
 *     members' meeting elects the secretary directly
 * @param overrides local-plan overrides of the profile (name → value), with {@code overrideReason}
 * @param currentCommitteeSize the outgoing committee's size, for plans whose margin base is it
 *     (MG-13)
 */
public record Election(
    long id,
    long organisationId,
    String organisationName,
    String title,
    ElectionKind kind,
    String profileId,
    Map<String, String> overrides,
    String overrideReason,
    boolean hasCommittee,
    int seats,
    int secretarySeats,
    int deputySeats,
    Integer currentCommitteeSize,
    LocalDate electionDay,
    int termYears,
    ElectionStatus status,
    int version) {
  public Election {
    overrides = Map.copyOf(overrides);
  }

  /** The tabs and pages of the election's kind (页面组). */
  public xuanju.server.election.kind.PageSet pages() {
    return kind.config().pages();
  }

  /**
   * Whether the kind's contests are held per electoral district (选区), each with its own seats and
   * votes (the deputies' election), rather than at one meeting.
   */
  public boolean contestsPerDistrict() {
    return kind.config().contests().stream()
        .anyMatch(c -> c.scope() == xuanju.server.election.kind.Contest.Scope.PER_DISTRICT);
  }
}
