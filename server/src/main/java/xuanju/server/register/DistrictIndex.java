package xuanju.server.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which district a person belongs to: the district whose units name the person's (unit, 居民小组); a
 * district unit naming the group wins over one naming the whole unit (residents_group '').
 */
final class DistrictIndex {
  private final Map<String, DistrictInfo> byGroup = new HashMap<>();
  private final Map<String, DistrictInfo> byUnit = new HashMap<>();

  DistrictIndex(List<DistrictInfo> districts) {
    for (DistrictInfo d : districts) {
      for (DistrictInfo.Unit u : d.units()) {
        if (u.group() == null || u.group().isEmpty()) {
          byUnit.put(u.unit(), d);
        } else {
          byGroup.put(u.unit() + "\u0000" + u.group(), d);
        }
      }
    }
  }

  /** The district of a person of {@code unit} and {@code group}, or null. */
  DistrictInfo of(String unit, String group) {
    DistrictInfo d = byGroup.get(unit + "\u0000" + (group == null ? "" : group));
    return d != null ? d : byUnit.get(unit);
  }
}
