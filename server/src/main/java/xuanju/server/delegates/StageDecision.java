package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A recorded decision or approval of a stage: which step, the body that took it, the day and the
 * document (e.g. 区委常委会会议纪要), and for a list the count the list had to have.
 */
public record StageDecision(
    StageStep step, StageBody body, LocalDate decidedOn, String document, Integer requiredCount) {}
