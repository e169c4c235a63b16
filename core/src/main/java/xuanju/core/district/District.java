package xuanju.core.district;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * An electoral district (选区) of a town's people's congress election: its name, how it is formed,
 * the villages, communities or units it is made of, and its population. A district made of more
 * than one unit is a joint district (联合选区).
 *
 * @param name e.g. {@code 第一选区}
 * @param basis by residence or by workplace
 * @param units the villages (村、嘎查), communities (社区), groups or units (单位) it is formed from; at
 *     least one, no repeats
 * @param population the population counted for the district, ≥ 1
 */
public record District(String name, DistrictBasis basis, List<String> units, long population) {
  /** The largest population accepted (a town of ten million people does not exist). */
  public static final long MAX_POPULATION = 10_000_000L;

  public District {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "选区名称不能为空");
    }
    name = name.strip();
    Objects.requireNonNull(basis, "basis");
    if (units == null || units.isEmpty()) {
      throw new InvalidInputException("units", "选区" + name + "须至少由一个村（嘎查）、社区或单位组成");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      String u = units.get(i);
      if (u == null || u.isBlank()) {
        throw new InvalidInputException("units[" + i + "]", "组成单位名称不能为空");
      }
      if (!seen.add(u.strip())) {
        throw new InvalidInputException("units[" + i + "]", "组成单位重复：" + u.strip());
      }
    }
    units = units.stream().map(String::strip).toList();
    if (population < 1 || population > MAX_POPULATION) {
      throw new InvalidInputException(
          "population", "选区" + name + "的人口应为1至" + MAX_POPULATION + "之间的整数，实为" + population);
    }
  }

  public static District of(String name, long population, String... units) {
    return new District(name, DistrictBasis.RESIDENCE, List.of(units), population);
  }

  /** Whether the district is made of several units (联合选区). */
  public boolean joint() {
    return units.size() > 1;
  }
}
