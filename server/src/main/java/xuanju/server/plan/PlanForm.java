package xuanju.server.plan;

import java.time.LocalDate;

/**
 * What the branch administrator edits on the plan page (选举工作方案参数).
 *
 * @param seats 应选委员人数 (with a committee) or 1 for the secretary (without)
 */
public record PlanForm(
    boolean hasCommittee,
    int seats,
    int secretarySeats,
    int deputySeats,
    Integer currentCommitteeSize,
    LocalDate electionDay,
    int termYears,
    LocalDate termStart,
    LocalDate termExpiry,
    String method,
    String meetingPlace) {}
