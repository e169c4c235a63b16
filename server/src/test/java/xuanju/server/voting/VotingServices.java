package xuanju.server.voting;

import org.springframework.stereotype.Component;

/**
 * Test support: the election-day services in one handle, so fixtures can drive a whole election day
 * ({@code voting.rounds().decide(…)}) without a constructor parameter per service.
 */
@Component
public record VotingServices(
    VotingContext ctx,
    BallotBoxService stations,
    CheckInService checkIn,
    StageProgress progress,
    RoundService rounds,
    DecisionService decisions,
    SecondStageService secondStage) {}
