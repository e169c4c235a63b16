package xuanju.core.slate;

import java.util.Arrays;
import java.util.List;

/**
 * An upper bound on the best support (推荐票总数上界) by Lagrangian relaxation: each requirement is moved
 * into the objective with a price λ ≥ 0 (a minimum rewards its members, a cap charges them); what
 * is left, "the N best by priced support, locks included", is solved by sorting. For any prices the
 * result bounds every slate from above (weak duality); prices are improved by subgradient steps.
 *
 * <p>Prices are kept as multiples of 1/64, so every sum is exact in a {@code double} and the bound
 * is never rounded below the truth. The solver starts with this bound and stops as soon as it
 * reaches it; the final prices also order its search.
 */
final class LagrangeBound {
  private static final int ITERATIONS = 300;
  private static final double GRAIN = 64;

  private final SlateRequest r;
  private final List<Group> groups;
  private final boolean[] locked;
  private final int n;

  /** The best (lowest) bound found and the prices that gave it. */
  private long bound = Long.MAX_VALUE;

  private double[] bestPrices;

  private LagrangeBound(SlateRequest r, List<Group> groups) {
    this.r = r;
    this.groups = groups;
    this.n = r.pool().size();
    this.locked = new boolean[n];
    for (int i = 0; i < n; i++) {
      locked[i] = r.isLocked(r.pool().get(i).id());
    }
  }

  /** Computes the bound; assumes the pool holds at least N and at most N are locked. */
  static LagrangeBound of(SlateRequest r, List<Group> groups) {
    LagrangeBound b = new LagrangeBound(r, groups);
    b.run();
    return b;
  }

  /** The upper bound on the support of any slate. */
  long bound() {
    return bound;
  }

  /** Each person's support with the best prices: the order the search tries people in. */
  double[] priced() {
    return priced(bestPrices);
  }

  private void run() {
    double[] prices = new double[groups.size()];
    bestPrices = prices.clone();
    double scale = 1;
    for (Nominee p : r.pool()) {
      scale = Math.max(scale, p.support());
    }
    for (int k = 0; k < ITERATIONS; k++) {
      double[] w = priced(prices);
      boolean[] x = inner(w);
      double value = 0;
      for (int i = 0; i < n; i++) {
        value += x[i] ? w[i] : 0;
      }
      double[] grad = new double[groups.size()];
      double norm = 0;
      for (int g = 0; g < groups.size(); g++) {
        Group gr = groups.get(g);
        int c = gr.count(x);
        // minimum: + λ(count − b); cap: + λ(c − count)
        value += gr.minimum() ? -prices[g] * gr.bound() : prices[g] * gr.bound();
        grad[g] = gr.minimum() ? c - gr.bound() : gr.bound() - c;
        if (prices[g] == 0 && grad[g] > 0) {
          grad[g] = 0; // met with room to spare and not priced: nothing to move
        }
        norm += grad[g] * grad[g];
      }
      long floor = (long) Math.floor(value);
      if (floor < bound) {
        bound = floor;
        bestPrices = prices.clone();
      }
      if (norm == 0) {
        break; // the relaxed choice meets every requirement, priced ones exactly: optimal
      }
      double step = scale / (k + 1.0) / Math.sqrt(norm);
      for (int g = 0; g < prices.length; g++) {
        double p = Math.max(0, prices[g] - step * grad[g]);
        prices[g] = Math.round(p * GRAIN) / GRAIN;
      }
    }
  }

  private double[] priced(double[] prices) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = r.pool().get(i).support();
    }
    for (int g = 0; g < groups.size(); g++) {
      Group gr = groups.get(g);
      double p = gr.minimum() ? prices[g] : -prices[g];
      if (p != 0) {
        for (int i = 0; i < n; i++) {
          if (gr.member()[i]) {
            w[i] += p;
          }
        }
      }
    }
    return w;
  }

  /** The locked people and the best others by priced support, N in all. */
  private boolean[] inner(double[] w) {
    boolean[] x = new boolean[n];
    int free = r.seats();
    Integer[] others = new Integer[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (locked[i]) {
        x[i] = true;
        free--;
      } else {
        others[k++] = i;
      }
    }
    Integer[] o = Arrays.copyOf(others, k);
    Arrays.sort(o, (a, b) -> Double.compare(w[b], w[a]));
    for (int j = 0; j < free && j < o.length; j++) {
      x[o[j]] = true;
    }
    return x;
  }
}
