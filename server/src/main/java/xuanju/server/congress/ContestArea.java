package xuanju.server.congress;

import java.util.List;

/**
 * Where one contest is held (选区): a town district for town deputies, or a county-level district for
 * county deputies, made of one or more town districts whose voters vote on the same ballot.
 *
 * @param level town or county deputies
 * @param homeDistrictId the town district the contest's nominations, list and rounds are kept under
 *     (the district itself, or the lowest-numbered member of the county district)
 * @param name e.g. {@code 第1选区} or {@code 县级第1选区}
 * @param districtIds the town districts whose voters vote in it
 * @param seats 应选代表名额, null when not yet set
 * @param countyDistrictId the county district, null for a town contest
 */
public record ContestArea(
    ContestLevel level,
    long homeDistrictId,
    String name,
    List<Long> districtIds,
    Integer seats,
    Long countyDistrictId) {
  public ContestArea {
    districtIds = List.copyOf(districtIds);
  }

  /** e.g. {@code 第1选区（镇人大代表）}. */
  public String titleZh() {
    return name + "（" + level.labelZh() + "）";
  }
}
