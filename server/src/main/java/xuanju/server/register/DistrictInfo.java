package xuanju.server.register;

import java.util.List;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.register.RegistrationPlace;

/**
 * A district (选区) of an election with the units it is formed from.
 *
 * @param basis RESIDENCE (按居住状况) or WORKPLACE (按工作单位)
 * @param units the (unit, 居民小组) pairs; group '' = the whole unit
 */
public record DistrictInfo(
    long id,
    long electionId,
    int number,
    String name,
    String basis,
    long organisationId,
    String organisationName,
    List<Unit> units) {

  /** One 村/社区/单位 (or one 居民小组 of it) of the district. */
  public record Unit(String unit, String group) {}

  public DistrictInfo {
    units = List.copyOf(units);
  }

  /**
   * The place of a registration in this district. The district's number keys it, so that a later
   * election of the same organisation (carry-over) recognises the same district.
   */
  public RegistrationPlace place() {
    return new RegistrationPlace(
        Long.toString(organisationId), organisationName, Integer.toString(number), name);
  }

  /** The ground a person of this district is registered on by default. */
  public RegistrationBasis defaultBasis() {
    return "WORKPLACE".equals(basis) ? RegistrationBasis.WORKPLACE : RegistrationBasis.HUKOU;
  }
}
