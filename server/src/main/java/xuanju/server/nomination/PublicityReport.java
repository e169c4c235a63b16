package xuanju.server.nomination;

import java.time.LocalDate;

/**
 * A report received during the publicity (举报登记): when, what, how it was handled and the outcome.
 */
public record PublicityReport(
    long id,
    long electionId,
    LocalDate receivedOn,
    String content,
    String handling,
    String outcome,
    String createdBy) {
  /** Handled (已查核处理) when both the handling and the outcome are recorded. */
  public boolean handled() {
    return !handling.isBlank() && !outcome.isBlank();
  }
}
