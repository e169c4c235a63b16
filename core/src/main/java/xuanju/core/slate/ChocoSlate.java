package xuanju.core.slate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.values.IntDomainMax;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

/**
 * The slate as a constraint model for Choco (约束模型): one 0/1 variable per person; the sum is N; each
 * locked person is 1; each requirement bounds the sum over its group; people with the same
 * membership in every group are taken in order of support (locked first), which removes
 * interchangeable choices; the support total is maximised with Choco's knapsack constraint, whose
 * linear relaxation bounds the search.
 */
final class ChocoSlate {
  /** The failures a first, short search may meet. */
  static final long QUICK_FAILS = 300;

  private final SlateRequest r;
  private final List<Group> groups;

  ChocoSlate(SlateRequest r, List<Group> groups) {
    this.r = r;
    this.groups = groups;
  }

  /** The outcome of one search. */
  record Outcome(int[] chosen, long total, boolean complete, long nodes) {
    boolean found() {
      return chosen != null;
    }
  }

  /**
   * The best slate within the limits; {@code complete} when the search space was exhausted.
   *
   * @param timeLimitMillis 0 for none
   * @param failLimit the most failures before the search gives up, 0 for none
   */
  Outcome maximise(long timeLimitMillis, long failLimit) {
    Model m = new Model("slate");
    BoolVar[] x = variables(m);
    post(m, x, groups);
    int n = r.pool().size();
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    int[] support = new int[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      support[i] = (int) r.pool().get(i).support();
      sum += support[i];
    }
    LagrangeBound lagrange = LagrangeBound.of(r, groups);
    long upper = Math.min(sum, lagrange.bound());
    if (upper < 0) {
      return new Outcome(null, 0, true, 0); // the bound proves there is no slate at all
    }
    IntVar total = m.intVar("support", 0, (int) upper, true);
    m.knapsack(x, m.intVar(r.seats()), total, ones, support).post();
    m.setObjective(Model.MAXIMIZE, total);
    Solver s = m.getSolver();
    s.setSearch(Search.lastConflict(Search.inputOrderUBSearch(byPrice(x, lagrange.priced()))));
    if (timeLimitMillis > 0) {
      s.limitTime(timeLimitMillis);
    }
    if (failLimit > 0) {
      s.limitFail(failLimit);
    }
    Solution best = new Solution(m, x);
    boolean found = false;
    while (s.solve()) {
      best.record();
      found = true;
    }
    boolean complete = !s.isStopCriterionMet();
    if (!found) {
      return new Outcome(null, 0, complete, s.getNodeCount());
    }
    List<Integer> chosen = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < n; i++) {
      if (best.getIntVal(x[i]) == 1) {
        chosen.add(i);
        t += support[i];
      }
    }
    return new Outcome(
        chosen.stream().mapToInt(Integer::intValue).toArray(), t, complete, s.getNodeCount());
  }

  /**
   * Whether some slate meets these requirements (with the seats and locks): {@code TRUE}, {@code
   * FALSE}, or null when the time limit ended the search first. Three searches, each begun only if
   * the one before gave up: a short conflict-directed one (quick to prove there is none), a short
   * one by support (quick to find one), and a conflict-directed one without a failure limit.
   */
  Boolean feasible(List<Group> subset, long timeLimitMillis) {
    long[] fails = {QUICK_FAILS / 3, QUICK_FAILS, 0};
    for (int stage = 0; stage < fails.length; stage++) {
      Model m = new Model("slate-feasible");
      BoolVar[] x = variables(m);
      post(m, x, subset);
      Solver s = m.getSolver();
      if (stage == 1) {
        s.setSearch(Search.lastConflict(Search.inputOrderUBSearch(bySupport(x))));
      } else {
        search(s, x);
      }
      if (fails[stage] > 0) {
        s.limitFail(fails[stage]);
      }
      if (timeLimitMillis > 0) {
        s.limitTime(timeLimitMillis);
      }
      if (s.solve()) {
        return Boolean.TRUE;
      }
      if (!s.isStopCriterionMet()) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  /** Conflict-directed: the variables that failed most (dom/wdeg) and the last conflict first. */
  private void search(Solver s, BoolVar[] x) {
    s.setSearch(
        Search.lastConflict(
            Search.intVarSearch(
                new DomOverWDeg<>(bySupport(x), 0), new IntDomainMax(), bySupport(x))));
  }

  private BoolVar[] variables(Model m) {
    int n = r.pool().size();
    BoolVar[] x = new BoolVar[n];
    for (int i = 0; i < n; i++) {
      String id = "x" + i;
      x[i] = r.isLocked(r.pool().get(i).id()) ? m.boolVar(id, true) : m.boolVar(id);
    }
    return x;
  }

  private void post(Model m, BoolVar[] x, List<Group> posted) {
    m.sum(x, "=", r.seats()).post();
    for (Group g : posted) {
      List<BoolVar> members = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (g.member()[i]) {
          members.add(x[i]);
        }
      }
      long b = g.bound();
      if (g.minimum()) {
        if (b > members.size()) {
          m.falseConstraint().post();
        } else if (b > 0) {
          m.sum(members.toArray(BoolVar[]::new), ">=", (int) b).post();
        }
      } else if (b < 0) {
        m.falseConstraint().post();
      } else if (b < members.size()) {
        m.sum(members.toArray(BoolVar[]::new), "<=", (int) b).post();
      }
    }
    // interchangeable people (same membership in every group): the better-supported first
    Map<String, List<Integer>> types = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      StringBuilder key = new StringBuilder();
      for (Group g : groups) {
        key.append(g.member()[i] ? '1' : '0');
      }
      types.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> type : types.values()) {
      type.sort(order());
      for (int j = 0; j + 1 < type.size(); j++) {
        m.arithm(x[type.get(j)], ">=", x[type.get(j + 1)]).post();
      }
    }
  }

  /** Locked first, then by support (highest first), then input order. */
  private Comparator<Integer> order() {
    return Comparator.<Integer>comparingInt(i -> r.isLocked(r.pool().get(i).id()) ? 0 : 1)
        .thenComparing(i -> -r.pool().get(i).support())
        .thenComparing(i -> i);
  }

  /** Locked first, then by priced support (highest first), then input order. */
  private BoolVar[] byPrice(BoolVar[] x, double[] priced) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        Comparator.<Integer>comparingInt(i -> r.isLocked(r.pool().get(i).id()) ? 0 : 1)
            .thenComparing(i -> -priced[i])
            .thenComparing(order()));
    return Arrays.stream(idx).map(i -> x[i]).toArray(BoolVar[]::new);
  }

  private BoolVar[] bySupport(BoolVar[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, order());
    return Arrays.stream(idx).map(i -> x[i]).toArray(BoolVar[]::new);
  }
}
