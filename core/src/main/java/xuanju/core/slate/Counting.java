package xuanju.core.slate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.Finding;

/**
 * Why no slate exists, by counting (计数论证): seats against the pool and the locks; per requirement,
 * the people available against the people needed; pairs of requirements; and families of
 * requirements on disjoint groups whose needs add up to more than the seats. Every finding is a
 * proof: when one is returned no slate can exist. An empty list proves nothing.
 */
final class Counting {
  private final SlateRequest r;
  private final List<Group> groups;
  private final int n;
  private final int pool;
  private final boolean[] everyone;
  private final boolean[] locked;
  private final int locks;
  private final boolean[] explained;

  private Counting(SlateRequest r, List<Group> groups) {
    this.r = r;
    this.groups = groups;
    this.n = r.seats();
    this.pool = r.pool().size();
    this.everyone = new boolean[pool];
    Arrays.fill(everyone, true);
    this.locked = new boolean[pool];
    for (int i = 0; i < pool; i++) {
      locked[i] = r.isLocked(r.pool().get(i).id());
    }
    this.locks = r.locked().size();
    this.explained = new boolean[groups.size()];
  }

  static List<Finding> explain(SlateRequest r, List<Group> groups) {
    return new Counting(r, groups).run();
  }

  private List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    if (pool < n) {
      out.add(
          finding(
              SlateRule.POOL_TOO_SMALL,
              List.of(),
              facts("seats", n, "pool", pool),
              "应选" + n + "名，但推荐人选只有" + pool + "名，还差" + (n - pool) + "名"));
    }
    if (locks > n) {
      out.add(
          finding(
              SlateRule.LOCKS_TOO_MANY,
              List.of(),
              facts("seats", n, "locked", locks),
              "应选" + n + "名，但已锁定" + locks + "名，多出" + (locks - n) + "名"));
    }
    if (!out.isEmpty()) {
      return out;
    }
    for (Group g : groups) {
      single(g, out);
    }
    for (int a = 0; a < groups.size(); a++) {
      for (int b = 0; b < groups.size(); b++) {
        if (a != b && !explained[a] && !explained[b]) {
          pair(groups.get(a), groups.get(b), out);
        }
      }
    }
    Families.explain(this, out);
    return out;
  }

  private void single(Group g, List<Finding> out) {
    int inPool = g.count(everyone);
    int lockedIn = g.count(locked);
    long b = g.bound();
    Map<String, Object> f = facts("requirement", g.requirement().id(), "seats", n, "bound", b);
    f.put("available", inPool);
    f.put("lockedMembers", lockedIn);
    f.put("locked", locks);
    String label = g.label();
    if (g.minimum()) {
      if (inPool < b) {
        String why =
            locks == 0
                ? "，但推荐人选中只有" + inPool + "名" + label
                : "，已锁定人选中有"
                    + lockedIn
                    + "名"
                    + label
                    + "，除已锁定人选外仅剩"
                    + (inPool - lockedIn)
                    + "名"
                    + label
                    + "，合计"
                    + inPool
                    + "名";
        add(out, g, SlateRule.QUOTA_SHORT, f, g.text() + why + "，还差" + (b - inPool) + "名");
      } else if (b - lockedIn > n - locks) {
        String why =
            locks == 0
                ? "，但应选名额只有" + n + "名"
                : "，已锁定"
                    + locks
                    + "名中有"
                    + lockedIn
                    + "名"
                    + label
                    + "，还需"
                    + (b - lockedIn)
                    + "名，但只剩"
                    + (n - locks)
                    + "个名额";
        add(out, g, SlateRule.QUOTA_OPEN_SEATS, f, g.text() + why);
      }
    } else {
      int outside = pool - inPool;
      if (lockedIn > b) {
        add(
            out,
            g,
            SlateRule.QUOTA_LOCKS_OVER_CAP,
            f,
            g.text() + "，但已锁定人选中已有" + lockedIn + "名" + label + "，超出" + (lockedIn - b) + "名");
      } else if (outside < n - b) {
        f.put("outside", outside);
        add(
            out,
            g,
            SlateRule.QUOTA_CAP_FILL,
            f,
            g.text()
                + "，应选"
                + n
                + "名中至少须有"
                + (n - b)
                + "名不属于"
                + label
                + "的人选，但推荐人选中只有"
                + outside
                + "名");
      }
    }
  }

  /** A minimum with a minimum, or a minimum with a cap. */
  private void pair(Group a, Group c, List<Finding> out) {
    if (!a.minimum()) {
      return;
    }
    int both = 0;
    int lockedOutside = 0;
    int aOnly = 0;
    int lockedCapOnly = 0;
    for (int i = 0; i < pool; i++) {
      boolean inA = a.member()[i];
      boolean inC = c.member()[i];
      both += inA && inC ? 1 : 0;
      aOnly += inA && !inC ? 1 : 0;
      lockedOutside += locked[i] && !inA && !inC ? 1 : 0;
      lockedCapOnly += locked[i] && inC && !inA ? 1 : 0;
    }
    Map<String, Object> f =
        facts("requirement", a.requirement().id(), "other", c.requirement().id(), "seats", n);
    f.put("both", both);
    if (c.minimum()) {
      if (a.index() > c.index()) {
        return; // each pair of minimums once
      }
      long needed = Math.max(Math.max(a.bound(), c.bound()), a.bound() + c.bound() - both);
      if (needed + lockedOutside > n) {
        f.put("needed", needed);
        f.put("lockedOutside", lockedOutside);
        String lockedText =
            lockedOutside == 0
                ? ""
                : "，加上两者都不是的已锁定人选" + lockedOutside + "名，共需" + (needed + lockedOutside) + "个";
        add2(
            out,
            a,
            c,
            f,
            a.text()
                + "，"
                + c.text()
                + "：推荐人选中两者兼具的只有"
                + both
                + "名，两项要求至少占"
                + needed
                + "个名额"
                + lockedText
                + "，超过应选名额"
                + n
                + "名");
      }
    } else {
      long room = Math.max(0, c.bound() - lockedCapOnly);
      long reachable = aOnly + Math.min(both, room);
      if (reachable < a.bound()) {
        f.put("reachable", reachable);
        String lockedText =
            lockedCapOnly == 0
                ? ""
                : "，且已锁定" + lockedCapOnly + "名不属于" + a.label() + "的" + c.label();
        add2(
            out,
            a,
            c,
            f,
            a.text()
                + "，"
                + c.text()
                + "：推荐人选中的"
                + a.label()
                + "有"
                + both
                + "名同时是"
                + c.label()
                + lockedText
                + "，"
                + a.label()
                + "最多只能有"
                + reachable
                + "名，还差"
                + (a.bound() - reachable)
                + "名");
      }
    }
  }

  private void add(List<Finding> out, Group g, SlateRule rule, Map<String, Object> f, String m) {
    explained[g.index()] = true;
    f.put("citation", g.requirement().citation().display());
    out.add(finding(rule, List.of("requirements[" + g.index() + "]"), f, m));
  }

  private void add2(List<Finding> out, Group a, Group b, Map<String, Object> f, String m) {
    explained[a.index()] = true;
    explained[b.index()] = true;
    f.put(
        "citation",
        a.requirement().citation().display() + "；" + b.requirement().citation().display());
    out.add(
        finding(
            SlateRule.QUOTA_CONFLICT,
            List.of("requirements[" + a.index() + "]", "requirements[" + b.index() + "]"),
            f,
            m));
  }

  static Finding finding(SlateRule rule, List<String> fields, Map<String, Object> facts, String m) {
    return new Finding(rule, fields, facts, m);
  }

  static Map<String, Object> facts(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  // accessors for Families
  List<Group> groups() {
    return groups;
  }

  boolean explained(int g) {
    return explained[g];
  }

  void markExplained(int g) {
    explained[g] = true;
  }

  int seats() {
    return n;
  }

  boolean[] lockedFlags() {
    return locked;
  }

  int poolSize() {
    return pool;
  }
}
