package xuanju.core.margin;

import java.util.OptionalLong;

/**
 * The allowed number of candidates (候选人数范围).
 *
 * @param seats 应选人数
 * @param min the fewest candidates allowed
 * @param max the most candidates allowed; empty when the law sets no maximum
 * @param ruleCode the margin rule applied
 */
public record MarginRange(int seats, long min, OptionalLong max, String ruleCode) {
  /** Whether {@code candidates} lies in the range. */
  public boolean allows(long candidates) {
    return candidates >= min && (max.isEmpty() || candidates <= max.getAsLong());
  }

  /** E.g. {@code 6–7} or {@code ≥6}. */
  public String display() {
    if (max.isEmpty()) {
      return "≥" + min;
    }
    return min == max.getAsLong() ? Long.toString(min) : min + "–" + max.getAsLong();
  }

  /** The legal source of the margin rule in Chinese (e.g. 《条例》第十九条), for pages and documents. */
  public String citationZh() {
    for (MarginRule m : MarginRule.values()) {
      if (m.code().equals(ruleCode)) {
        return m.citation().display();
      }
    }
    return "";
  }
}
