package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code kelly}: fractional Kelly weights, cash for whatever is not worth betting on.
 *
 * <p>Rule, over the active sleeves with a full lookback window (per-bar figures, not annualised),
 * with c = {@code fraction}:
 *
 * <ul>
 *   <li>{@code estimator = moments} (default): f_i = c · μ_i / max(σ²_i, {@code min-variance}), μ_i
 *       = mean return, σ²_i = sample variance (n−1) — the continuous-time Kelly fraction (Thorp
 *       2006, §7);
 *   <li>{@code estimator = win-rate}: f_i = c · (p_i − (1 − p_i) / b_i), the discrete Kelly bet
 *       (Kelly 1956), with p_i = W / (W + L) the window's per-bar win rate (W bars with r &gt; 0, L
 *       with r &lt; 0; flat bars count as neither) and b_i = (mean of the winning returns) / |mean
 *       of the losing returns| the payoff ratio; with no losing bar f_i = c · p_i = c.
 * </ul>
 *
 * Negative f_i → 0. A sleeve whose window has zero variance is excluded (weight 0, named in the
 * rebalance's reason) under both estimators: its Kelly fraction is unbounded or undefined. With B
 * the budget (1 minus the weights kept by sleeves without a full window): if Σ f &gt; B the f_i are
 * scaled down to Σ = B; otherwise they are kept and the rest stays in cash. No f_i is clamped on
 * its own.
 *
 * <p><b>When {@code fraction} matters.</b> With daily moments f is large: a sleeve with μ = 0.0004
 * a day (≈ 10% a year) and σ = 0.01 a day (≈ 16% a year) has full Kelly μ/σ² = 4, half Kelly 2; two
 * such sleeves give Σ f = 8 or 4, both scaled to the same 1/2, 1/2. So Σ f usually exceeds 1 and
 * {@code fraction} changes nothing; it only matters when Σ f falls below 1 — for that sleeve, μ
 * under 0.0001 a day at c = 1 (c · μ/σ² &lt; 1), or under 0.0002 at c = 0.5 — and then it sets how
 * much stays in cash.
 *
 * <p>Parameters: declared once in {@link #TRAITS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Edge cases: an active sleeve without a full window keeps its current weight; no active sleeve
 * with a full window → false (keep the current weights); nothing positive (all means ≤ 0, e.g.
 * all-negative returns) → all 0 (all cash) and true; a single eligible sleeve → min(f, B); inactive
 * sleeves → 0.
 */
final class KellyAllocation implements AllocationAlgorithm {
  static final String NAME = "kelly";
  static final String MOMENTS = "moments";
  static final String WIN_RATE = "win-rate";

  static final ParamSpec FRACTION =
      ParamSpec.number(
          "fraction", 0.5, Range.openClosed(0, 1), "share c of the Kelly bet (0.5 = half Kelly)");
  static final ParamSpec ESTIMATOR =
      ParamSpec.choice(
          "estimator",
          MOMENTS,
          List.of(MOMENTS, WIN_RATE),
          "moments: f = μ/σ²; win-rate: f = p − (1 − p)/b, p the win rate over non-flat bars, b"
              + " the mean win over the mean loss");
  static final ParamSpec MIN_VARIANCE =
      ParamSpec.number(
          "min-variance",
          1e-6,
          Range.closed(1e-16, 1),
          "floor for a variance that is tiny but not zero, per bar");

  static final AlgorithmTraits TRAITS =
      new AlgorithmTraits(
          true, new Declared("allocation " + NAME, List.of(FRACTION, ESTIMATOR, MIN_VARIANCE)));

  private final double fraction;
  private final double minVariance;
  private final boolean winRate;
  private final boolean[] eligible;

  KellyAllocation(double fraction, double minVariance, boolean winRate, int sleeveCount) {
    this.fraction = fraction;
    this.minVariance = minVariance;
    this.winRate = winRate;
    this.eligible = new boolean[sleeveCount];
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    TRAITS.params().refuseUnknown(params);
    return new KellyAllocation(
        FRACTION.doubleIn(params, sleeveCount),
        MIN_VARIANCE.doubleIn(params, sleeveCount),
        ESTIMATOR.stringIn(params).equals(WIN_RATE),
        sleeveCount);
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    double budget = Weights.begin(context, out, eligible);
    if (budget < 0) {
      return false;
    }
    Weights.excludeZeroVariance(context, eligible, out);
    double total = 0;
    for (int i = 0; i < out.length; i++) {
      if (eligible[i]) {
        double f =
            winRate
                ? fraction * winRateKelly(context, i)
                : fraction * context.mean(i) / Math.max(context.variance(i), minVariance);
        out[i] = f > 0 ? f : 0.0;
        total += out[i];
      }
    }
    if (total > budget) {
      for (int i = 0; i < out.length; i++) {
        if (eligible[i]) {
          out[i] = out[i] * budget / total;
        }
      }
    }
    return true;
  }

  /** p − (1 − p)/b over the sleeve's window (a non-constant window has a win or a loss). */
  private static double winRateKelly(AllocationContext context, int sleeve) {
    UnitReturns r = context.returns(sleeve);
    int wins = 0;
    int losses = 0;
    double gain = 0;
    double loss = 0;
    for (int k = context.windowStart(sleeve); k <= context.bar(); k++) {
      double x = r.returnAt(k);
      if (x > 0) {
        wins++;
        gain += x;
      } else if (x < 0) {
        losses++;
        loss -= x;
      }
    }
    if (wins + losses == 0) {
      return 0.0;
    }
    double p = (double) wins / (wins + losses);
    if (losses == 0) {
      return p;
    }
    if (wins == 0) {
      return -1.0;
    }
    double b = (gain / wins) / (loss / losses);
    return p - (1 - p) / b;
  }
}
