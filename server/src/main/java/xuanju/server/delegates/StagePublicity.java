package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A publicity period (公示), dates inclusive: {@code VETTING} is the 考察预告 with the vetting and
 * publicity in the subjects' units; {@code PRELIMINARY} the district-wide publicity of the 初步人选.
 *
 * @param workingDays the working days from {@code startsOn} to {@code endsOn}, both included
 */
public record StagePublicity(
    Kind kind,
    LocalDate announcedOn,
    LocalDate startsOn,
    LocalDate endsOn,
    String scope,
    String document,
    int workingDays) {

  /** Which publicity. */
  public enum Kind {
    /** 考察预告与考察对象所在单位公示. */
    VETTING("考察预告及在考察对象所在单位公示"),
    /** 初步人选全区公示. */
    PRELIMINARY("初步人选公示");

    private final String labelZh;

    Kind(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }
}
