package xuanju.server.nomination;

import java.time.LocalDate;

/**
 * A formal candidate (正式候选人) approved by the upper organisation, as printed on the ballot.
 *
 * @param gender 男/女
 */
public record FormalCandidate(
    long nomineeId, Long memberId, String name, String gender, LocalDate birthDate) {}
