package xuanju.core.slate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.Finding;

/**
 * Families of requirements on groups no person belongs to two of (互不重叠的结构要求): their needs add up. A
 * cap "at most c of C" is read as the minimum "at least N − c outside C". When the needs, each at
 * least the locked members of its group, plus the locked people in none of the groups exceed the
 * seats, no slate exists. Only the smallest such families are reported.
 */
final class Families {
  private Families() {}

  /** The most items searched (2^16 subsets). */
  private static final int MAX_ITEMS = 16;

  private record Item(Group group, boolean[] member, long need, String text) {}

  static void explain(Counting c, List<Finding> out) {
    int n = c.seats();
    int pool = c.poolSize();
    boolean[] locked = c.lockedFlags();
    List<Item> items = new ArrayList<>();
    for (Group g : c.groups()) {
      if (c.explained(g.index())) {
        continue;
      }
      if (g.minimum()) {
        items.add(new Item(g, g.member(), g.bound(), g.text()));
      } else if (g.bound() < n) {
        boolean[] outside = new boolean[pool];
        for (int i = 0; i < pool; i++) {
          outside[i] = !g.member()[i];
        }
        items.add(
            new Item(
                g,
                outside,
                n - g.bound(),
                g.text() + "，即非" + g.label() + "至少" + (n - g.bound()) + "名"));
      }
    }
    int k = items.size();
    if (k < 2 || k > MAX_ITEMS) {
      return;
    }
    boolean[][] disjoint = new boolean[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        boolean d = true;
        for (int i = 0; i < pool && d; i++) {
          d = !(items.get(a).member()[i] && items.get(b).member()[i]);
        }
        disjoint[a][b] = d;
        disjoint[b][a] = d;
      }
    }
    List<Integer> reported = new ArrayList<>();
    for (int size = 2; size <= k; size++) {
      for (int m0 = 0; m0 < (1 << k); m0++) {
        final int mask = m0;
        if (Integer.bitCount(mask) != size || !family(mask, disjoint, k)) {
          continue;
        }
        if (reported.stream().anyMatch(m -> (m & mask) == m)) {
          continue;
        }
        long needed = 0;
        boolean[] inAny = new boolean[pool];
        List<String> texts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < k; t++) {
          if ((mask & (1 << t)) != 0) {
            Item it = items.get(t);
            int lockedIn = 0;
            for (int i = 0; i < pool; i++) {
              inAny[i] |= it.member()[i];
              lockedIn += it.member()[i] && locked[i] ? 1 : 0;
            }
            needed += Math.max(it.need(), lockedIn);
            texts.add(it.text());
            fields.add("requirements[" + it.group().index() + "]");
            ids.add(it.group().requirement().id());
          }
        }
        int lockedOutside = 0;
        for (int i = 0; i < pool; i++) {
          lockedOutside += locked[i] && !inAny[i] ? 1 : 0;
        }
        if (needed + lockedOutside <= n) {
          continue;
        }
        reported.add(mask);
        Map<String, Object> f = Counting.facts("requirements", String.join(",", ids), "seats", n);
        f.put("needed", needed);
        f.put("lockedOutside", lockedOutside);
        String lockedText =
            lockedOutside == 0
                ? ""
                : "，加上不属于其中任何一类的已锁定人选" + lockedOutside + "名，共需" + (needed + lockedOutside) + "个";
        out.add(
            Counting.finding(
                SlateRule.QUOTA_CONFLICT,
                fields,
                f,
                String.join("；", texts)
                    + "：这几类人选互不重叠，合计至少占"
                    + needed
                    + "个名额"
                    + lockedText
                    + "，超过应选名额"
                    + n
                    + "名"));
      }
    }
    for (int m : reported) {
      for (int t = 0; t < k; t++) {
        if ((m & (1 << t)) != 0) {
          c.markExplained(items.get(t).group().index());
        }
      }
    }
  }

  private static boolean family(int mask, boolean[][] disjoint, int k) {
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if ((mask & (1 << a)) != 0 && (mask & (1 << b)) != 0 && !disjoint[a][b]) {
          return false;
        }
      }
    }
    return true;
  }
}
