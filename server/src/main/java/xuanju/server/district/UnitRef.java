package xuanju.server.district;

import java.util.Optional;

/**
 * A part of the register a district is formed from (选区组成单位): a 村 / 社区 / 单位 ({@code person.unit}) as
 * a whole, or one 居民小组 of it (a unit split over districts).
 *
 * @param unit the unit, as in the register
 * @param group the 居民小组/网格, empty for the whole unit
 */
public record UnitRef(String unit, String group) {
  /** The separator of the form value {@code unit|group}. */
  static final String SEP = "|";

  public UnitRef {
    unit = unit == null ? "" : unit.strip();
    group = group == null ? "" : group.strip();
  }

  public boolean whole() {
    return group.isEmpty();
  }

  /** e.g. {@code 东村} or {@code 东村第二居民小组}. */
  public String labelZh() {
    return whole() ? unit : unit + "（" + group + "）";
  }

  /** The form value. */
  public String value() {
    return unit + SEP + group;
  }

  /** Reads a form value {@code unit|group} (the group after the last separator). */
  static Optional<UnitRef> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    int at = value.lastIndexOf(SEP);
    return at < 0
        ? Optional.of(new UnitRef(value, ""))
        : Optional.of(new UnitRef(value.substring(0, at), value.substring(at + 1)));
  }
}
