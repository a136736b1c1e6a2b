package io.backgrid.engine.allocation;

/** Shared arithmetic of the built-in algorithms; no allocation. */
final class Weights {
  private Weights() {}

  /**
   * The prologue of every built-in that reads the sleeves' windows. Zeroes {@code out}; an active
   * sleeve without a full lookback window keeps its current weight in {@code out} (it neither
   * freezes the others until it has history nor takes the weight a missing volatility would give
   * it); the active sleeves with a full window are marked {@code eligible}, the others not.
   *
   * @return the budget the eligible sleeves share, max(0, 1 − Σ kept weights); or −1 when no active
   *     sleeve has a full window, in which case the algorithm returns false (every weight stays)
   */
  static double begin(AllocationContext context, double[] out, boolean[] eligible) {
    zero(out);
    double kept = 0;
    int count = 0;
    for (int i = 0; i < context.sleeveCount(); i++) {
      eligible[i] = false;
      if (!context.active(i)) {
        continue;
      }
      if (context.windowStart(i) < 0) {
        out[i] = context.currentWeight(i);
        kept += out[i];
      } else {
        eligible[i] = true;
        count++;
      }
    }
    return count == 0 ? -1.0 : Math.max(0.0, 1.0 - kept);
  }

  /**
   * Takes the eligible sleeves whose window has zero variance ({@link
   * AllocationContext#zeroVariance}) out: not eligible, weight 0, recorded with {@link
   * AllocationContext#exclude} for the rebalance's reason. For the algorithms that divide by a
   * volatility or invert a covariance; their {@code min-volatility} floor stays for a variance that
   * is tiny but not zero.
   *
   * @return the number of sleeves still eligible
   */
  static int excludeZeroVariance(AllocationContext context, boolean[] eligible, double[] out) {
    int left = 0;
    for (int i = 0; i < eligible.length; i++) {
      if (eligible[i] && context.zeroVariance(i)) {
        eligible[i] = false;
        out[i] = 0.0;
        context.exclude(i);
      } else if (eligible[i]) {
        left++;
      }
    }
    return left;
  }

  /** Number of {@code true} flags. */
  static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      if (f) {
        n++;
      }
    }
    return n;
  }

  /**
   * Splits {@code budget} among the sleeves with {@code eligible[i]} in proportion to {@code
   * score[i]} (≥ 0) with a floor: every eligible sleeve ends with at least {@code floor}, the ones
   * above it proportional to their scores, Σ = budget. Computed by fixing at the floor every sleeve
   * whose proportional share falls below it and re-splitting the rest, until none does (a share
   * below the floor stays below it as the remaining budget shrinks, so fixing them all at once is
   * exact). When the remaining scores sum to 0 the remaining budget is split equally. Ineligible
   * sleeves are left untouched. Requires budget ≥ floor × (number of eligible sleeves).
   *
   * @param fixed scratch, at least as long as {@code score}
   */
  static void floorFill(
      double[] score,
      boolean[] eligible,
      double budget,
      double floor,
      double[] out,
      boolean[] fixed) {
    int n = score.length;
    for (int i = 0; i < n; i++) {
      fixed[i] = false;
    }
    while (true) {
      double remaining = budget;
      double free = 0;
      int freeCount = 0;
      for (int i = 0; i < n; i++) {
        if (!eligible[i]) {
          continue;
        }
        if (fixed[i]) {
          remaining -= floor;
        } else {
          free += score[i];
          freeCount++;
        }
      }
      if (freeCount == 0) {
        return;
      }
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (eligible[i] && !fixed[i]) {
          out[i] = free > 0 ? remaining * score[i] / free : remaining / freeCount;
        }
      }
      for (int i = 0; i < n; i++) {
        if (eligible[i] && !fixed[i] && out[i] < floor) {
          out[i] = floor;
          fixed[i] = true;
          changed = true;
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  /** Sets every weight to 0. */
  static void zero(double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = 0.0;
    }
  }
}
