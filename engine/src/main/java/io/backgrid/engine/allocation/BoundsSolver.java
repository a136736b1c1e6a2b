package io.backgrid.engine.allocation;

/**
 * The arithmetic behind {@link WeightConstraints#apply}: λ by bisection, then solved exactly on the
 * sleeves left unclamped, and the water-filling of sleeves at 0 (see {@link WeightConstraints} for
 * the rule). No allocation.
 */
final class BoundsSolver {
  private static final int BISECTIONS = 200;

  /** A weight moved by more than this by a bound counts as clamped (rounding of λ does not). */
  private static final double CLAMP_TOLERANCE = 1e-12;

  private BoundsSolver() {}

  /**
   * Applies min_i ≤ w_i ≤ max_i in place.
   *
   * @return the number of active sleeves a bound decided ({@link WeightConstraints#apply})
   */
  static int apply(double[] min, double[] max, double[] weights, boolean[] active) {
    double total = 0;
    double sumMin = 0;
    double sumMax = 0;
    double positive = 0;
    for (int i = 0; i < weights.length; i++) {
      if (active[i]) {
        total += weights[i];
        sumMin += min[i];
        sumMax += max[i];
        positive += weights[i];
      }
    }
    double target = Math.max(sumMin, Math.min(total, sumMax));
    if (positive <= 0) {
      return fillZeros(min, max, weights, active, target, true);
    }
    // λ = 0 gives Σ = Σ min; large λ gives the most the positive sleeves can take.
    double lo = 0;
    double hi = 1;
    while (sum(min, max, weights, active, hi) < target && hi < 1e300) {
      hi *= 2;
    }
    for (int b = 0; b < BISECTIONS && hi - lo > 0; b++) {
      double mid = 0.5 * (lo + hi);
      if (mid == lo || mid == hi) {
        // [lo, hi] holds no double between its ends: this step and every later one leaves the
        // interval as it is (or closes it onto the end mid equals), so do it once and stop.
        if (sum(min, max, weights, active, mid) < target) {
          lo = mid;
        } else {
          hi = mid;
        }
        break;
      }
      if (sum(min, max, weights, active, mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    // Solve λ exactly on the sleeves that stay unclamped at λ = hi.
    double clamped = 0;
    double free = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!active[i]) {
        continue;
      }
      double v = hi * weights[i];
      if (weights[i] > 0 && v > min[i] && v < max[i]) {
        free += weights[i];
      } else {
        clamped += clamp(min, max, v, i);
      }
    }
    double lambda = free > 0 ? (target - clamped) / free : hi;
    double reached = 0;
    int count = 0;
    for (int i = 0; i < weights.length; i++) {
      if (active[i]) {
        double v = lambda * weights[i];
        weights[i] = clamp(min, max, v, i);
        reached += weights[i];
        if (Math.abs(weights[i] - v) > CLAMP_TOLERANCE) {
          count++;
        }
      }
    }
    if (reached < target - 1e-12) {
      count += fillZeros(min, max, weights, active, target, false);
    }
    return count;
  }

  private static double sum(
      double[] min, double[] max, double[] weights, boolean[] active, double lambda) {
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      if (active[i]) {
        s += clamp(min, max, lambda * weights[i], i);
      }
    }
    return s;
  }

  private static double clamp(double[] min, double[] max, double v, int i) {
    return Math.max(min[i], Math.min(v, max[i]));
  }

  /**
   * Raises the active sleeves that the proportional pass cannot move (those at 0 in the input, now
   * at their minimum, and any below their maximum) equally — water-filling capped at each maximum —
   * until Σ = target.
   *
   * @param countAll count every active sleeve that ends above 0 (every input was 0), else only
   *     those raised from 0 here (the others were counted by the caller)
   * @return the number of sleeves counted as clamped
   */
  private static int fillZeros(
      double[] min,
      double[] max,
      double[] weights,
      boolean[] active,
      double target,
      boolean countAll) {
    int raised = 0;
    double reached = 0;
    for (int i = 0; i < weights.length; i++) {
      if (active[i]) {
        weights[i] = clamp(min, max, weights[i], i);
        reached += weights[i];
      }
    }
    for (int round = 0; round <= weights.length && reached < target - 1e-15; round++) {
      int open = 0;
      for (int i = 0; i < weights.length; i++) {
        if (active[i] && weights[i] < max[i]) {
          open++;
        }
      }
      if (open == 0) {
        break;
      }
      double step = (target - reached) / open;
      reached = 0;
      for (int i = 0; i < weights.length; i++) {
        if (active[i]) {
          if (weights[i] < max[i]) {
            raised += weights[i] == 0 && step > 0 ? 1 : 0;
            weights[i] = Math.min(max[i], weights[i] + step);
          }
          reached += weights[i];
        }
      }
    }
    if (!countAll) {
      return raised;
    }
    int count = 0;
    for (int i = 0; i < weights.length; i++) {
      count += active[i] && weights[i] > 0 ? 1 : 0;
    }
    return count;
  }
}
