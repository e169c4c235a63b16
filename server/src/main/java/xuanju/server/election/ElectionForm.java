package xuanju.server.election;

import java.time.LocalDate;
import java.util.Map;

/** What the branch fills in to create an election (选举工作方案的基本参数). */
public record ElectionForm(
    long organisationId,
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
    int termYears) {}
