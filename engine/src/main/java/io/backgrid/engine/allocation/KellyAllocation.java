package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;

/**
 * {@code kelly}: fractional Kelly weights, cash for whatever is not worth betting on.
 *
 * <p>Rule, over the active sleeves with the context's lookback window (per-bar figures, not
 * annualised): μ_i = mean return, σ²_i = sample variance (n−1); f_i = {@code fraction} × μ_i /
 * max(σ²_i, {@code min-variance}); negative f_i → 0. If Σ f &gt; 1 the f_i are scaled down to Σ =
 * 1; otherwise they are kept as they are and 1 − Σ f stays in cash. No f_i is clamped to 1 on its
 * own, so {@code fraction} keeps its effect whenever Σ f ≤ 1.
 *
 * <p>Parameters: {@code fraction} ∈ (0, 1], default 0.5 (half Kelly); {@code min-variance} (per
 * bar) ∈ [1e-16, 1], default 1e-6 (σ = 0.1% a bar).
 *
 * <p>Edge cases: insufficient history for any active sleeve → false (keep the current weights);
 * nothing positive (all means ≤ 0, e.g. all-negative returns) → all 0 (all cash) and true; zero or
 * near-zero volatility → the variance is raised to {@code min-variance}, so a sleeve with a
 * positive mean and no risk gets a large f (and, after scaling, most of the capital); a single
 * active sleeve → min(f, 1); inactive sleeves → 0.
 */
final class KellyAllocation implements AllocationAlgorithm {
  static final String NAME = "kelly";
  static final double FRACTION_DEFAULT = 0.5;
  static final double MIN_VARIANCE_DEFAULT = 1e-6;

  private final double fraction;
  private final double minVariance;

  KellyAllocation(double fraction, double minVariance) {
    this.fraction = fraction;
    this.minVariance = minVariance;
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    params.requireOnly("allocation " + NAME, "fraction", "min-variance");
    double fraction = params.number("fraction", FRACTION_DEFAULT, 0.0, 1.0);
    if (fraction <= 0) {
      throw params.invalid("fraction", params.asMap().get("fraction"), "must be in (0, 1]");
    }
    return new KellyAllocation(
        fraction, params.number("min-variance", MIN_VARIANCE_DEFAULT, 1e-16, 1.0));
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    Weights.zero(out);
    if (!context.allActiveHaveHistory()) {
      return false;
    }
    double total = 0;
    for (int i = 0; i < context.sleeveCount(); i++) {
      if (context.active(i)) {
        double f = fraction * context.mean(i) / Math.max(context.variance(i), minVariance);
        out[i] = f > 0 ? f : 0.0;
        total += out[i];
      }
    }
    if (total > 1.0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= total;
      }
    }
    return true;
  }
}
