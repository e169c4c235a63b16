package xuanju.server.nomination;

import java.time.Instant;
import java.time.LocalDate;
import xuanju.core.schedule.PeriodUnit;

/**
 * The nomination of one election (两推一选): its stage and the settings the plan fixes for it.
 *
 * @param meetingRule when the recommendation meeting is valid (QU-10 / QU-11 / none)
 * @param meetingExpected 推荐会应到人数, null until recorded
 * @param meetingPresent 推荐会实到人数, null until recorded
 * @param ballotLimit the most names a recommendation ballot may carry; null means the seats
 * @param publicityPosted the day the preliminary list was posted (公示张贴日), null before
 * @param publicityDays 公示期 (≥ 5, PB-02)
 * @param publicityUnit calendar or working days
 * @param quotaSetId the composition quota set of the plan, or null for none
 * @param minAge youngest age allowed on election day, or null
 * @param maxAge oldest age allowed on election day, or null
 */
public record NominationState(
    long electionId,
    Phase phase,
    MeetingRule meetingRule,
    Integer meetingExpected,
    Integer meetingPresent,
    Integer ballotLimit,
    LocalDate publicityPosted,
    int publicityDays,
    PeriodUnit publicityUnit,
    String quotaSetId,
    Integer minAge,
    Integer maxAge,
    String decidedBy,
    Instant decidedAt,
    String decisionNote,
    int version) {}
