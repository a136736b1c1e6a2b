package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code erc}: equal risk contribution from the sleeves' shrunk covariance.
 *
 * <p>The sleeves: the active ones with a full lookback window, less those whose window has zero
 * variance (excluded with weight 0 and named in the rebalance's reason: a zero row makes Σ singular
 * and the sleeve's risk contribution 0 whatever its weight).
 *
 * <p>Covariance, over these p sleeves and the n returns of the context's lookback window, x_k = r_k
 * − mean (demeaned):
 *
 * <ul>
 *   <li>S = (1/n) Σ_k x_k x_kᵀ; target F = μ I with μ = tr(S)/p;
 *   <li>shrinkage δ: the {@code shrinkage} parameter when given, else Ledoit–Wolf (2004, identity
 *       target): d² = ‖S − F‖²_F, b̄² = (1/n²) Σ_k ‖x_k x_kᵀ − S‖²_F = (Σ_k ‖x_k‖⁴ − n‖S‖²_F)/n², δ
 *       = min(b̄², d²)/d² (δ = 0 when d² = 0) — as scikit-learn's {@code ledoit_wolf};
 *   <li>Σ = (n/(n−1)) (δ F + (1 − δ) S), then each diagonal entry raised to at least {@code
 *       min-volatility}² (a sleeve with no variance would otherwise take unbounded weight).
 * </ul>
 *
 * <p>Weights: w solves w_i (Σ w)_i = w_j (Σ w)_j for all i, j, w_i &gt; 0, Σ w = 1. Found by
 * cyclical coordinate descent on the log-barrier problem min ½ yᵀΣy − (1/p) Σ log y_i (Griveau-
 * Billion, Richard and Roncalli 2013): each sweep sets y_i = (−c_i + √(c_i² + 4 Σ_ii / p)) / (2
 * Σ_ii) with c_i = Σ_{j≠i} Σ_ij y_j, until max_i |Δy_i| / y_i ≤ {@code tolerance} or {@code
 * max-iterations} sweeps (the last sweep is used); then w = B · y / Σ y with B the budget (1 minus
 * the weights kept by sleeves without a full window). Σ is scaled by 1/mean(Σ_ii) first (the
 * weights do not depend on the scale). Deterministic.
 *
 * <p>Parameters: declared once in {@link #TRAITS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Edge cases: an active sleeve without a full window keeps its current weight and the others
 * share the rest; no active sleeve with a full window → false (keep the current weights);
 * uncorrelated sleeves → inverse-volatility weights (risk parity); zero variance → excluded as
 * above; every sleeve flat → all 0 (the budget stays in the reserve); a one-return window (no
 * variance to measure) → equal weights; all-negative returns do not matter; a single sleeve → B;
 * inactive sleeves → 0. O(n p²) per call, no allocation.
 */
final class ErcAllocation implements AllocationAlgorithm {
  static final String NAME = "erc";

  static final ParamSpec SHRINKAGE =
      ParamSpec.number(
          "shrinkage",
          "Ledoit–Wolf",
          Range.closed(0, 1),
          "weight δ of the scaled identity in the covariance; absent: Ledoit–Wolf's δ");
  static final ParamSpec MIN_VOLATILITY =
      ParamSpec.number(
          "min-volatility",
          0.001,
          Range.closed(1e-12, 1),
          "floor on each sleeve's volatility in the covariance, per bar");
  static final ParamSpec TOLERANCE =
      ParamSpec.number(
          "tolerance",
          1e-10,
          Range.closed(1e-15, 0.01),
          "stop when no weight moves by more than this fraction in a sweep");
  static final ParamSpec MAX_ITERATIONS =
      ParamSpec.integer(
          "max-iterations",
          10_000,
          Range.closed(1, 1_000_000),
          "most coordinate-descent sweeps (the last one is used)");

  static final AlgorithmTraits TRAITS =
      new AlgorithmTraits(
          true,
          new Declared(
              "allocation " + NAME, List.of(SHRINKAGE, MIN_VOLATILITY, TOLERANCE, MAX_ITERATIONS)));

  private final double shrinkage;
  private final double minVolatility;
  private final double tolerance;
  private final int maxIterations;
  private final int[] index;
  private final double[] x;
  private final double[] mean;
  private final double[][] cov;
  private final double[] y;
  private final boolean[] eligible;
  private double lastShrinkage = Double.NaN;

  /**
   * @param shrinkage in [0, 1], or NaN for Ledoit–Wolf
   */
  ErcAllocation(
      double shrinkage, double minVolatility, double tolerance, int maxIterations, int sleeves) {
    this.shrinkage = shrinkage;
    this.minVolatility = minVolatility;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.index = new int[sleeves];
    this.x = new double[sleeves];
    this.mean = new double[sleeves];
    this.cov = new double[sleeves][sleeves];
    this.y = new double[sleeves];
    this.eligible = new boolean[sleeves];
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    TRAITS.params().refuseUnknown(params);
    return new ErcAllocation(
        SHRINKAGE.doubleIn(params, sleeveCount),
        MIN_VOLATILITY.doubleIn(params, sleeveCount),
        TOLERANCE.doubleIn(params, sleeveCount),
        MAX_ITERATIONS.intIn(params, sleeveCount),
        sleeveCount);
  }

  /** The shrinkage intensity δ used by the last successful call (NaN before). */
  double lastShrinkage() {
    return lastShrinkage;
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    double budget = Weights.begin(context, out, eligible);
    if (budget < 0) {
      return false;
    }
    Weights.excludeZeroVariance(context, eligible, out);
    int p = 0;
    for (int i = 0; i < out.length; i++) {
      if (eligible[i]) {
        index[p++] = i;
      }
    }
    if (p == 0) {
      return true;
    }
    int t = context.bar();
    int from = context.windowStart(index[0]);
    int n = t - from + 1;
    covariance(context, p, from, t, n);
    solve(p);
    double total = 0;
    for (int a = 0; a < p; a++) {
      total += y[a];
    }
    for (int a = 0; a < p; a++) {
      out[index[a]] = budget * y[a] / total;
    }
    return true;
  }

  /** Fills cov[0..p) with the shrunk, floored, scale-normalised covariance. */
  private void covariance(AllocationContext context, int p, int from, int t, int n) {
    for (int a = 0; a < p; a++) {
      mean[a] = context.returns(index[a]).mean(from, t);
      for (int b = 0; b < p; b++) {
        cov[a][b] = 0;
      }
    }
    double quartic = 0;
    for (int k = from; k <= t; k++) {
      double norm2 = 0;
      for (int a = 0; a < p; a++) {
        x[a] = context.returns(index[a]).returnAt(k) - mean[a];
        norm2 += x[a] * x[a];
      }
      quartic += norm2 * norm2;
      for (int a = 0; a < p; a++) {
        for (int b = a; b < p; b++) {
          cov[a][b] += x[a] * x[b];
        }
      }
    }
    double trace = 0;
    double frob = 0;
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        cov[a][b] /= n;
        cov[b][a] = cov[a][b];
        frob += (a == b ? 1 : 2) * cov[a][b] * cov[a][b];
      }
      trace += cov[a][a];
    }
    double mu = trace / p;
    double delta = shrinkage;
    if (Double.isNaN(delta)) {
      double d2 = frob - 2 * mu * trace + mu * mu * p; // ‖S − μI‖²
      double b2 = Math.max(0.0, (quartic - n * frob) / ((double) n * n));
      delta = d2 > 0 ? Math.min(b2, d2) / d2 : 0.0;
    }
    lastShrinkage = delta;
    double unbias = n > 1 ? (double) n / (n - 1) : 1.0;
    double floor = minVolatility * minVolatility;
    double diagonal = 0;
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        cov[a][b] = unbias * ((1 - delta) * cov[a][b] + (a == b ? delta * mu : 0.0));
      }
      cov[a][a] = Math.max(cov[a][a], floor);
      diagonal += cov[a][a];
    }
    double scale = p / diagonal;
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        cov[a][b] *= scale;
      }
    }
  }

  /** Cyclical coordinate descent; y[0..p) receives the unnormalised solution. */
  private void solve(int p) {
    double budget = 1.0 / p;
    for (int a = 0; a < p; a++) {
      y[a] = 1.0 / Math.sqrt(cov[a][a]);
    }
    for (int iter = 0; iter < maxIterations; iter++) {
      double change = 0;
      for (int a = 0; a < p; a++) {
        double c = 0;
        for (int b = 0; b < p; b++) {
          if (b != a) {
            c += cov[a][b] * y[b];
          }
        }
        double next = (-c + Math.sqrt(c * c + 4 * cov[a][a] * budget)) / (2 * cov[a][a]);
        change = Math.max(change, Math.abs(next - y[a]) / next);
        y[a] = next;
      }
      if (change <= tolerance) {
        return;
      }
    }
  }
}
