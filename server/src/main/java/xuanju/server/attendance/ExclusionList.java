package xuanju.server.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * The exclusion list of an election (不参加党员大会的党员名单) and its stage.
 *
 * @param publicityDate the day the list was posted (张贴公示日), null before
 * @param publicityEnd the last day of the publicity period, null before posting
 * @param adoptedDate the day the members' meeting adopted it, null before
 * @param version for optimistic locking of the list's stage
 */
public record ExclusionList(
    ExclusionStatus status,
    LocalDate publicityDate,
    LocalDate publicityEnd,
    LocalDate adoptedDate,
    Integer adoptedPresent,
    Integer adoptedYes,
    Integer adoptedNo,
    Integer adoptedAbstain,
    int version,
    List<Exclusion> exclusions) {
  public ExclusionList {
    exclusions = List.copyOf(exclusions);
  }

  /** Whether members can still be added or removed. */
  public boolean editable() {
    return status == ExclusionStatus.DRAFT;
  }
}
