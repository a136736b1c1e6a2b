package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;

/**
 * {@code dynamic}: performance-based weights from the trailing compounded return.
 *
 * <p>Rule, over the active sleeves at bar t with the context's lookback window [s, t]:
 *
 * <ol>
 *   <li>R_i = nav_t / nav_{s−1} − 1 (compounded unit return over the window);
 *   <li>score_i = (R_i − min_j R_j) / (max_j R_j − min_j R_j) ∈ [0, 1] (min-max scoring); when all
 *       R_i are equal every score is 1;
 *   <li>w_i = max(floor, share_i) with Σ w = 1, where the shares are proportional to the scores:
 *       sleeves whose proportional share of the budget would fall below the floor get exactly
 *       {@code min-allocation}, the others split the rest in proportion to their scores. The floor
 *       is a floor, not added to the score.
 * </ol>
 *
 * <p>Parameters: {@code min-allocation} ∈ [0, 1/sleeveCount], default min(0.05, 1/sleeveCount).
 *
 * <p>Edge cases: insufficient history for any active sleeve → false (keep the current weights); all
 * returns equal (including all zero-volatility or all-negative alike) → equal weights 1/n;
 * all-negative returns are ranked like any others (the least negative wins; Σ = 1, no cash); a
 * single active sleeve → 1; inactive sleeves → 0 and the active ones sum to 1; no active sleeve →
 * all 0.
 */
final class DynamicAllocation implements AllocationAlgorithm {
  static final String NAME = "dynamic";
  static final double MIN_ALLOCATION_DEFAULT = 0.05;

  private final double minAllocation;
  private final double[] score;
  private final boolean[] active;
  private final boolean[] fixed;

  DynamicAllocation(double minAllocation, int sleeveCount) {
    this.minAllocation = minAllocation;
    this.score = new double[sleeveCount];
    this.active = new boolean[sleeveCount];
    this.fixed = new boolean[sleeveCount];
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    params.requireOnly("allocation " + NAME, "min-allocation");
    double floor =
        params.number(
            "min-allocation",
            Math.min(MIN_ALLOCATION_DEFAULT, 1.0 / sleeveCount),
            0.0,
            1.0 / sleeveCount);
    return new DynamicAllocation(floor, sleeveCount);
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    Weights.zero(out);
    if (!context.allActiveHaveHistory()) {
      return false;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = context.sleeveCount();
    for (int i = 0; i < n; i++) {
      active[i] = context.active(i);
      if (active[i]) {
        score[i] = context.compoundedReturn(i);
        min = Math.min(min, score[i]);
        max = Math.max(max, score[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        score[i] = max > min ? (score[i] - min) / (max - min) : 1.0;
      }
    }
    Weights.floorFill(score, active, 1.0, minAllocation, out, fixed);
    return true;
  }
}
