package xuanju.core.register;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import xuanju.core.rule.Step;

/**
 * The 增减 summary of one district (选区选民增减情况), or of the whole register: the previous total, the
 * counts per reason, the new total, and the check previous + 增 − 减 = new.
 *
 * @param place the district; null for the whole register
 * @param previousTotal voters of the previous cycle (上届选民数)
 * @param added additions per reason (增加), every addition reason present, zero included
 * @param removed removals per reason (减少), every removal reason present, zero included
 * @param newTotal voters of this cycle (本届选民数), counted from the new register
 */
public record DistrictSummary(
    RegistrationPlace place,
    int previousTotal,
    Map<ChangeReason, Integer> added,
    Map<ChangeReason, Integer> removed,
    int newTotal) {
  public DistrictSummary {
    added = Collections.unmodifiableMap(complete(added, true));
    removed = Collections.unmodifiableMap(complete(removed, false));
  }

  private static Map<ChangeReason, Integer> complete(Map<ChangeReason, Integer> in, boolean add) {
    Map<ChangeReason, Integer> m = new EnumMap<>(ChangeReason.class);
    for (ChangeReason r : ChangeReason.values()) {
      if (r.addition() == add) {
        m.put(r, in == null ? 0 : in.getOrDefault(r, 0));
      } else if (in != null && in.getOrDefault(r, 0) != 0) {
        throw new IllegalArgumentException(r + " is not a" + (add ? "n addition" : " removal"));
      }
    }
    return m;
  }

  /** 增加合计. */
  public int addedTotal() {
    return added.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** 减少合计. */
  public int removedTotal() {
    return removed.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether previous + 增 − 减 = new. */
  public boolean balanced() {
    return previousTotal + addedTotal() - removedTotal() == newTotal;
  }

  /** The district's name for tables, {@code 合计} for the whole register. */
  public String labelZh() {
    return place == null ? "合计" : place.labelZh();
  }

  /** The balance check as a rule step, with the numbers used. */
  public Step balance() {
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("previous", (long) previousTotal);
    in.put("added", (long) addedTotal());
    in.put("removed", (long) removedTotal());
    in.put("new", (long) newTotal);
    int expected = previousTotal + addedTotal() - removedTotal();
    return new Step(
        RegisterRule.BALANCE,
        in,
        "previous + added - removed == new",
        balanced(),
        labelZh()
            + "：上届"
            + previousTotal
            + "人＋增加"
            + addedTotal()
            + "人－减少"
            + removedTotal()
            + "人＝"
            + expected
            + "人，本届名单"
            + newTotal
            + "人"
            + (balanced() ? "，相符" : "，不相符"));
  }
}
