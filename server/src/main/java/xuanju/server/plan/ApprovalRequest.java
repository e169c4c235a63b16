package xuanju.server.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * A request to the upper organisation (请示) and, once decided, its decision (批复).
 *
 * @param summary what was submitted, in Chinese (e.g. the key figures)
 * @param approval the decision; null while the request is pending
 */
public record ApprovalRequest(
    long id,
    long electionId,
    ApprovalKind kind,
    String summary,
    String submittedBy,
    Instant submittedAt,
    Approval approval) {
  public boolean pending() {
    return approval == null;
  }

  public Optional<Approval> decision() {
    return Optional.ofNullable(approval);
  }
}
