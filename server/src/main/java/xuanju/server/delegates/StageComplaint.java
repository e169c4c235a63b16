package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A complaint (举报) received during a publicity, about one person, and its check (核查结论), null until
 * checked.
 */
public record StageComplaint(
    long id,
    StagePublicity.Kind kind,
    long recommendeeId,
    String name,
    LocalDate receivedOn,
    String summary,
    LocalDate checkedOn,
    String conclusion) {
  public boolean checked() {
    return checkedOn != null;
  }
}
