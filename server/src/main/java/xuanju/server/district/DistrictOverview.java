package xuanju.server.district;

import java.util.List;
import xuanju.core.district.DistrictCheck;
import xuanju.core.district.DistrictResult;
import xuanju.core.district.Proposal;
import xuanju.core.district.TownSeats;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.Finding;

/**
 * Everything the districts page shows (选区与代表名额概况): the register's units, the seat total with its
 * arithmetic, the districts, the check of their seats (run again on every view) and the proposal.
 *
 * @param seatsPerDistrict whether the kind's contests are per district (town people's congress):
 *     only then the page has a seat total, seats and a proposal
 * @param registerPopulation persons of the register in the organisation's subtree
 * @param units the register's units and groups, each with its district if one has it
 * @param seatTotal the stored seat total, or null
 * @param town the total with its arithmetic, or null without a seat total
 * @param limit the deviation share above which a district is warned about
 * @param check the seats of the districts that can be checked, or null (no total, no districts)
 * @param notChecked districts left out of the check and why (in Chinese)
 * @param proposal the proposal allocating the total to all districts, or null
 * @param proposalProblem why there is no proposal (in Chinese), or null
 */
public record DistrictOverview(
    boolean seatsPerDistrict,
    long registerPopulation,
    List<UnitOption> units,
    SeatTotalRecord seatTotal,
    TownSeats town,
    Ratio limit,
    List<DistrictRecord> districts,
    DistrictCheck check,
    List<String> notChecked,
    Proposal proposal,
    String proposalProblem) {
  public DistrictOverview {
    units = List.copyOf(units);
    districts = List.copyOf(districts);
    notChecked = List.copyOf(notChecked);
  }

  /**
   * A unit or group of the register for the district forms.
   *
   * @param district the name of the district that has it, or empty
   */
  public record UnitOption(UnitRef ref, long persons, String district) {}

  /** The check's result of a district, or null when it was not checked. */
  public DistrictResult result(DistrictRecord d) {
    if (check == null) {
      return null;
    }
    return check.results().stream()
        .filter(r -> r.district().name().equals(d.name()))
        .findFirst()
        .orElse(null);
  }

  /** The proposed seats of a district, or null. */
  public Integer proposed(DistrictRecord d) {
    if (proposal == null) {
      return null;
    }
    int i = districts.indexOf(d);
    return i < 0 || i >= proposal.seats().size() ? null : proposal.seats().get(i);
  }

  /** The check's errors and warnings. */
  public List<Finding> findings() {
    if (check == null) {
      return List.of();
    }
    return java.util.stream.Stream.concat(
            check.findings().errors().stream(), check.findings().warnings().stream())
        .toList();
  }

  /** The limit as a percentage, e.g. {@code 20%}. */
  public String limitZh() {
    return xuanju.core.district.Apportionment.percentZh(limit);
  }
}
