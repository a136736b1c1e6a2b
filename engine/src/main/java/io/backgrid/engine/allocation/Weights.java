package io.backgrid.engine.allocation;

/** Shared arithmetic of the built-in algorithms; no allocation. */
final class Weights {
  private Weights() {}

  /** Number of active sleeves. */
  static int activeCount(AllocationContext context) {
    int n = 0;
    for (int i = 0; i < context.sleeveCount(); i++) {
      if (context.active(i)) {
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
