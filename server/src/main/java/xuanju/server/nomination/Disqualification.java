package xuanju.server.nomination;

import java.time.Instant;

/**
 * An entry of the eligibility review's negative list (资格审查负面清单): the reason and the evidence, by
 * the reviewer.
 */
public record Disqualification(
    long id,
    long nomineeId,
    String reason,
    String evidence,
    String recordedBy,
    Instant recordedAt) {}
