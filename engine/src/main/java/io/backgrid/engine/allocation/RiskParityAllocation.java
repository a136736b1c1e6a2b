package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;

/**
 * {@code risk-parity}: inverse-volatility weights.
 *
 * <p>Rule, over the active sleeves with the context's lookback window: σ_i = sample standard
 * deviation (n−1) of the window's per-bar returns (not annualised); w_i = (1/max(σ_i, v)) / Σ_j
 * (1/max(σ_j, v)) with v = {@code min-volatility}; Σ w = 1.
 *
 * <p>Parameters: {@code min-volatility} (per bar) ∈ [1e-12, 1], default 0.001 (≈ 1.6% a year on
 * daily bars).
 *
 * <p>Edge cases: insufficient history for any active sleeve → false (keep the current weights; a
 * sleeve with no history never receives the weight a zero volatility would give it); zero or
 * near-zero volatility (e.g. a sleeve sitting in cash, or a one-return window) → σ is raised to
 * {@code min-volatility}, so the sleeve gets a large but bounded weight; all sleeves at the floor →
 * equal weights; all-negative returns do not matter (only volatility does); a single active sleeve
 * → 1; inactive sleeves → 0 and the active ones sum to 1.
 */
final class RiskParityAllocation implements AllocationAlgorithm {
  static final String NAME = "risk-parity";
  static final double MIN_VOLATILITY_DEFAULT = 0.001;

  private final double minVolatility;

  RiskParityAllocation(double minVolatility) {
    this.minVolatility = minVolatility;
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    params.requireOnly("allocation " + NAME, "min-volatility");
    return new RiskParityAllocation(
        params.number("min-volatility", MIN_VOLATILITY_DEFAULT, 1e-12, 1.0));
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
        out[i] = 1.0 / Math.max(Math.sqrt(context.variance(i)), minVolatility);
        total += out[i];
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = total > 0 ? out[i] / total : 0.0;
    }
    return true;
  }
}
