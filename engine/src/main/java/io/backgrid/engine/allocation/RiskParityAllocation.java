package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code risk-parity}: inverse-volatility weights.
 *
 * <p>Rule, over the active sleeves with a full lookback window (the eligible ones): σ_i = sample
 * standard deviation (n−1) of the window's per-bar returns (not annualised); a sleeve whose window
 * has zero variance (every return equal: a flat price, a sleeve sitting in cash) is excluded with
 * weight 0 and named in the rebalance's reason, as bt's {@code WeighInvVol} drops it; the others
 * get w_i = B · (1/max(σ_i, v)) / Σ_j (1/max(σ_j, v)) with v = {@code min-volatility} and B the
 * budget (1 minus the weights kept by sleeves without a full window).
 *
 * <p>Parameters: declared once in {@link #TRAITS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Edge cases: an active sleeve without a full window keeps its current weight and the others
 * share the rest; no active sleeve with a full window → false (keep the current weights); every
 * eligible sleeve at zero variance → all 0 (the budget stays in the reserve, as in bt); a
 * one-return window has no variance to measure (σ = 0 is floored, so all such sleeves get equal
 * weights); all-negative returns do not matter (only volatility does); a single eligible sleeve →
 * B; inactive sleeves → 0.
 */
final class RiskParityAllocation implements AllocationAlgorithm {
  static final String NAME = "risk-parity";

  static final ParamSpec MIN_VOLATILITY =
      ParamSpec.number(
          "min-volatility",
          0.001,
          Range.closed(1e-12, 1),
          "floor for a volatility that is tiny but not zero, per bar (0.001 ≈ 1.6% a year)");

  static final AlgorithmTraits TRAITS =
      new AlgorithmTraits(true, new Declared("allocation " + NAME, List.of(MIN_VOLATILITY)));

  private final double minVolatility;
  private final boolean[] eligible;

  RiskParityAllocation(double minVolatility, int sleeveCount) {
    this.minVolatility = minVolatility;
    this.eligible = new boolean[sleeveCount];
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    TRAITS.params().refuseUnknown(params);
    return new RiskParityAllocation(MIN_VOLATILITY.doubleIn(params, sleeveCount), sleeveCount);
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
        out[i] = 1.0 / Math.max(Math.sqrt(context.variance(i)), minVolatility);
        total += out[i];
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (eligible[i]) {
        out[i] = budget * out[i] / total;
      }
    }
    return true;
  }
}
