package xuanju.core.register;

import xuanju.core.rule.InvalidInputException;

/**
 * Where a voter is registered (登记地点): the electoral unit (选举单位: the town, 苏木, community or village
 * whose election it is) and the district (选区) within it.
 *
 * @param unitId stable id of the electoral unit
 * @param unitName its name, e.g. {@code 昂素镇}; the id when not given
 * @param districtId stable id of the district
 * @param districtName its name, e.g. {@code 第三选区}; the id when not given
 */
public record RegistrationPlace(
    String unitId, String unitName, String districtId, String districtName) {
  public RegistrationPlace {
    if (unitId == null || unitId.isBlank()) {
      throw new InvalidInputException("place.unitId", "登记地点缺少选举单位（镇、社区或村）");
    }
    if (districtId == null || districtId.isBlank()) {
      throw new InvalidInputException("place.districtId", "登记地点缺少选区");
    }
    unitId = unitId.strip();
    districtId = districtId.strip();
    unitName = unitName == null || unitName.isBlank() ? unitId : unitName.strip();
    districtName =
        districtName == null || districtName.isBlank() ? districtId : districtName.strip();
  }

  /** Whether both name the same district of the same unit. */
  public boolean sameDistrict(RegistrationPlace other) {
    return unitId.equals(other.unitId) && districtId.equals(other.districtId);
  }

  /** For messages: {@code 昂素镇第三选区}. */
  public String labelZh() {
    return unitName + districtName;
  }
}
