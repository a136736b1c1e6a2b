package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code dynamic}: performance-based weights from the trailing return or Sharpe ratio.
 *
 * <p>Rule, over the active sleeves with a full lookback window [s, t] at bar t (the eligible ones):
 *
 * <ol>
 *   <li>R_i: with {@code score = return} (default) the compounded unit return over the window,
 *       nav_t / nav_{s−1} − 1; with {@code score = sharpe} the per-bar Sharpe ratio μ_i / σ_i (mean
 *       over sample standard deviation (n−1) of the window's returns, no risk-free rate, not
 *       annualised — the ranking is the same). Under {@code sharpe} a sleeve whose window has zero
 *       variance has no Sharpe ratio: it is excluded with weight 0 and named in the rebalance's
 *       reason;
 *   <li>score_i = (R_i − min_j R_j) / (max_j R_j − min_j R_j) ∈ [0, 1] (min-max scoring); when all
 *       R_i are equal every score is 1;
 *   <li>w_i = max(floor, share_i) with Σ w = B, the budget (1 minus the weights kept by sleeves
 *       without a full window), where the shares are proportional to the scores: sleeves whose
 *       proportional share would fall below the floor get exactly the floor, the others split the
 *       rest in proportion to their scores. The floor is {@code min-allocation}, lowered to B /
 *       (the number of scored sleeves) when the budget cannot give each that much; it is a floor,
 *       not added to the score.
 * </ol>
 *
 * <p>Parameters: declared once in {@link #TRAITS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Edge cases: an active sleeve without a full window keeps its current weight and the others
 * share the rest; no active sleeve with a full window → false (keep the current weights); all
 * scores equal (including all zero-volatility or all-negative alike under {@code return}) → equal
 * weights B/n; all-negative returns are ranked like any others (the least negative wins; Σ = B, no
 * cash); a single scored sleeve → B; inactive sleeves → 0.
 */
final class DynamicAllocation implements AllocationAlgorithm {
  static final String NAME = "dynamic";
  static final String RETURN = "return";
  static final String SHARPE = "sharpe";

  static final ParamSpec SCORE =
      ParamSpec.choice(
          "score",
          RETURN,
          List.of(RETURN, SHARPE),
          "return: compounded over the window; sharpe: mean/σ of the window's returns");
  static final ParamSpec MIN_ALLOCATION =
      ParamSpec.number(
          "min-allocation",
          0.05,
          Range.upToInverseSize(0),
          "floor on each scored sleeve's weight, fraction (n = sleeves)");

  static final AlgorithmTraits TRAITS =
      new AlgorithmTraits(true, new Declared("allocation " + NAME, List.of(SCORE, MIN_ALLOCATION)));

  private final double minAllocation;
  private final boolean sharpe;
  private final double[] score;
  private final boolean[] eligible;
  private final boolean[] fixed;

  DynamicAllocation(double minAllocation, boolean sharpe, int sleeveCount) {
    this.minAllocation = minAllocation;
    this.sharpe = sharpe;
    this.score = new double[sleeveCount];
    this.eligible = new boolean[sleeveCount];
    this.fixed = new boolean[sleeveCount];
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    TRAITS.params().refuseUnknown(params);
    boolean sharpe = SCORE.stringIn(params).equals(SHARPE);
    return new DynamicAllocation(MIN_ALLOCATION.doubleIn(params, sleeveCount), sharpe, sleeveCount);
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    double budget = Weights.begin(context, out, eligible);
    if (budget < 0) {
      return false;
    }
    if (sharpe) {
      Weights.excludeZeroVariance(context, eligible, out);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = out.length;
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        score[i] = sharpe ? sharpe(context, i) : context.compoundedReturn(i);
        min = Math.min(min, score[i]);
        max = Math.max(max, score[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        score[i] = max > min ? (score[i] - min) / (max - min) : 1.0;
      }
    }
    int scored = Weights.count(eligible);
    double floor = scored > 0 ? Math.min(minAllocation, budget / scored) : 0.0;
    Weights.floorFill(score, eligible, budget, floor, out, fixed);
    return true;
  }

  /** μ/σ; 0 when rounding in the prefix sums leaves a non-constant window with variance 0. */
  private static double sharpe(AllocationContext context, int sleeve) {
    double variance = context.variance(sleeve);
    return variance > 0 ? context.mean(sleeve) / Math.sqrt(variance) : 0.0;
  }
}
