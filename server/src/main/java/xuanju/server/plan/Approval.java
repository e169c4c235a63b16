package xuanju.server.plan;

import java.time.Instant;

/**
 * A decision of the upper organisation on a request (批复).
 *
 * @param requestId the request decided
 * @param comment the comment (退回意见 or 批复意见); never null
 */
public record Approval(
    long id,
    long requestId,
    long electionId,
    ApprovalKind kind,
    ApprovalDecision decision,
    String comment,
    String decidedBy,
    Instant decidedAt) {}
