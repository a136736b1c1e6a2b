package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code drawdown}: less capital for sleeves in drawdown, more for those recovering.
 *
 * <p>Everything is measured on the unit NAV within the context's lookback window, i.e. on bars [s −
 * 1, t] for a window [s, t] (so a drawdown older than the lookback is forgotten):
 *
 * <ul>
 *   <li>DD_i = nav_t / max_{s−1≤k≤t} nav_k − 1 (current drawdown, ≤ 0);
 *   <li>the window's deepest drawdown M_i = min_k (nav_k / max_{s−1≤j≤k} nav_j − 1), reached first
 *       at the trough bar τ from the peak P = max_{s−1≤j≤τ} nav_j;
 *   <li>recovered fraction ρ_i = clamp((nav_t − nav_τ) / (P − nav_τ), 0, 1) when M_i &lt; 0, else 0
 *       (0 at the trough, 1 once back at or above the old peak);
 *   <li>score_i = 1 / (1 + |DD_i|) + {@code recovery-bonus} × ρ_i (so a sleeve back at a new peak
 *       after a drawdown scores 1 + bonus, one that never fell scores 1).
 * </ul>
 *
 * Sleeves with |DD_i| &gt; {@code max-drawdown} are cut: they get exactly {@code min-allocation}.
 * The others split the rest, B − (number cut) × {@code min-allocation}, in proportion to their
 * scores, none below {@code min-allocation} (same floor rule as {@code dynamic}). B is the budget:
 * 1 minus the weights kept by sleeves without a full window (the floor is lowered to B / (the
 * number of sleeves with a window) when B cannot give each that much). Σ w = B, except when every
 * such sleeve is cut: each then gets the floor and the rest is cash.
 *
 * <p>Parameters: declared once in {@link #TRAITS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Edge cases: an active sleeve without a full window keeps its current weight and the others
 * share the rest; no active sleeve with a full window → false (keep the current weights); zero
 * volatility (flat NAV) → DD = 0, score 1; all-negative returns → every sleeve in drawdown, weights
 * by depth (cash only if all are cut); a single active sleeve → 1, or {@code min-allocation} when
 * cut; inactive sleeves → 0. O(window) per sleeve.
 */
final class DrawdownAllocation implements AllocationAlgorithm {
  static final String NAME = "drawdown";

  static final ParamSpec MAX_DRAWDOWN =
      ParamSpec.number(
          "max-drawdown",
          0.20,
          Range.openClosed(0, 1),
          "a sleeve deeper than this in drawdown is cut to min-allocation, fraction");
  static final ParamSpec RECOVERY_BONUS =
      ParamSpec.number(
          "recovery-bonus",
          0.1,
          Range.closed(0, 10),
          "added to the score times the fraction of the drawdown recovered");
  static final ParamSpec MIN_ALLOCATION =
      ParamSpec.number(
          "min-allocation",
          0.0,
          Range.upToInverseSize(0),
          "floor on each sleeve's weight, fraction (n = sleeves)");

  static final AlgorithmTraits TRAITS =
      new AlgorithmTraits(
          true,
          new Declared(
              "allocation " + NAME, List.of(MAX_DRAWDOWN, RECOVERY_BONUS, MIN_ALLOCATION)));

  private final double maxDrawdown;
  private final double recoveryBonus;
  private final double minAllocation;
  private final double[] score;
  private final boolean[] uncut;
  private final boolean[] fixed;

  DrawdownAllocation(double maxDrawdown, double recoveryBonus, double minAllocation, int sleeves) {
    this.maxDrawdown = maxDrawdown;
    this.recoveryBonus = recoveryBonus;
    this.minAllocation = minAllocation;
    this.score = new double[sleeves];
    this.uncut = new boolean[sleeves];
    this.fixed = new boolean[sleeves];
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    TRAITS.params().refuseUnknown(params);
    return new DrawdownAllocation(
        MAX_DRAWDOWN.doubleIn(params, sleeveCount),
        RECOVERY_BONUS.doubleIn(params, sleeveCount),
        MIN_ALLOCATION.doubleIn(params, sleeveCount),
        sleeveCount);
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    double budget = Weights.begin(context, out, uncut);
    if (budget < 0) {
      return false;
    }
    int n = context.sleeveCount();
    double floor = Math.min(minAllocation, budget / Weights.count(uncut));
    for (int i = 0; i < n; i++) {
      if (!uncut[i]) {
        continue;
      }
      UnitReturns r = context.returns(i);
      int t = context.bar();
      int from = context.windowStart(i);
      double peak = r.nav(from - 1);
      double deepest = 0;
      double troughNav = peak;
      double troughPeak = peak;
      for (int k = from; k <= t; k++) {
        double nav = r.nav(k);
        peak = Math.max(peak, nav);
        double dd = nav / peak - 1.0;
        if (dd < deepest) {
          deepest = dd;
          troughNav = nav;
          troughPeak = peak;
        }
      }
      double current = r.nav(t) / peak - 1.0;
      if (-current > maxDrawdown) {
        out[i] = floor;
        budget -= floor;
        uncut[i] = false;
        continue;
      }
      double recovered =
          deepest < 0 ? clamp01((r.nav(t) - troughNav) / (troughPeak - troughNav)) : 0.0;
      score[i] = 1.0 / (1.0 - current) + recoveryBonus * recovered;
    }
    Weights.floorFill(score, uncut, budget, floor, out, fixed);
    return true;
  }

  private static double clamp01(double x) {
    return x < 0 ? 0 : Math.min(x, 1.0);
  }
}
