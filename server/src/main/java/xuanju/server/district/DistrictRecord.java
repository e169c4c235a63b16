package xuanju.server.district;

import java.util.List;
import xuanju.core.district.DistrictBasis;

/**
 * A district as stored (选区), with its population as used: the register count, or the figure the
 * committee typed in because the register is incomplete ({@code overridden}, with the note).
 *
 * @param registerPopulation the persons of the register in its units
 * @param population the population used for the seats: {@code registerPopulation} unless overridden
 * @param seats 应选代表名额, null where the kind's contests are not per district (or not yet set)
 * @param registered registered voters of the district (voter_registration, any status)
 */
public record DistrictRecord(
    long id,
    int number,
    String name,
    DistrictBasis basis,
    List<UnitRef> units,
    long registerPopulation,
    long population,
    boolean overridden,
    String populationNote,
    Integer seats,
    int version,
    List<Station> stations,
    long registered) {
  public DistrictRecord {
    units = List.copyOf(units);
    stations = List.copyOf(stations);
  }

  /** Whether it is made of several units or groups (联合选区). */
  public boolean joint() {
    return units.size() > 1;
  }

  /** The units in words, e.g. {@code 东村、西村（第一居民小组）}. */
  public String unitsZh() {
    return String.join("、", units.stream().map(UnitRef::labelZh).toList());
  }

  /**
   * A polling station (投票站) of the district.
   *
   * @param mobile a mobile ballot box (流动票箱)
   * @param voters voters assigned to it
   */
  public record Station(
      long id, String name, String address, boolean mobile, int version, long voters) {
    public String kindZh() {
      return mobile ? "流动票箱" : "固定投票站";
    }
  }
}
