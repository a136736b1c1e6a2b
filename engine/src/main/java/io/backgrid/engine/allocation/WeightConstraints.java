package io.backgrid.engine.allocation;

import io.backgrid.engine.param.InvalidValue;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the engine does to an algorithm's target weights before capital moves: the exposure target,
 * then per-sleeve bounds min_i ≤ w_i ≤ max_i.
 *
 * <p><b>Exposure.</b> With e = {@code exposure} ∈ (0, 1] (default 1: no change) and T = Σ of the
 * active sleeves' weights: when T &gt; e every active weight is multiplied by e / T, so Σ = e and
 * at least 1 − e stays in the reserve as a cash buffer (10–20% is a common choice); an algorithm
 * that already invests e or less ({@code kelly} keeping cash, {@code fixed} with Σ initial weights
 * ≤ e) is left as it is. The bounds come after: configured minima that sum to more than e still
 * hold.
 *
 * <p><b>Bounds.</b> {@link #apply} keeps the algorithm's proportions where it can: with T = Σ of
 * the active sleeves' weights (≤ 1) and S = clamp(T, Σ min_i, Σ max_i) over the active sleeves, the
 * result is
 *
 * <pre>w'_i = clamp(λ · w_i, min_i, max_i), λ ≥ 0 chosen so that Σ w'_i = S</pre>
 *
 * which is the fixed point of clamping and iteratively redistributing the excess or deficit
 * proportionally among the unclamped sleeves (bt's LimitWeights, extended to minima). Hence: every
 * bound holds; the total is preserved when it can be (T ∈ [Σ min, Σ max]); when the maxima cannot
 * hold T the rest stays in cash (Σ w' = Σ max &lt; T); when T is below Σ min the minima still hold
 * (Σ w' = Σ min &gt; T — e.g. {@code kelly} going to cash is overridden by configured minima).
 * Sleeves the algorithm gave 0 stay at their minimum unless every other sleeve is at its maximum;
 * then they share what is left equally (each capped at its maximum). Inactive sleeves are not
 * touched and do not count in the sums.
 *
 * @param min per-sleeve minimum weight, each in [0, 1]
 * @param max per-sleeve maximum weight, each in [min_i, 1]; Σ min ≤ 1
 * @param exposure the most the active sleeves' targets may sum to, in (0, 1]; 1 for no limit
 */
public record WeightConstraints(double[] min, double[] max, double exposure)
    implements java.io.Serializable {

  /** Bounds with no exposure limit (exposure 1). */
  public WeightConstraints(double[] min, double[] max) {
    this(min, max, 1.0);
  }

  public WeightConstraints {
    if (!(exposure > 0 && exposure <= 1)) {
      throw new IllegalArgumentException(
          "Invalid allocation.exposure: " + exposure + " (must be in (0, 1])");
    }
    min = min.clone();
    max = max.clone();
    check(min, max, Integer::toString);
  }

  /**
   * Bounds for the named sleeves, refused with the sleeve's id in the message ({@code for sleeve
   * 'core'}).
   *
   * @param ids the sleeve ids, one per bound
   * @throws InvalidValue (field {@code constraints}) naming the sleeve, the value and the rule
   */
  public static WeightConstraints forSleeves(List<String> ids, double[] min, double[] max) {
    if (ids.size() != min.length) {
      throw new IllegalArgumentException(
          "Invalid constraints: " + min.length + " bounds for " + ids.size() + " sleeves");
    }
    check(min, max, i -> "'" + ids.get(i) + "'");
    return new WeightConstraints(min, max);
  }

  /** The bounds' rules; {@code sleeve} names sleeve i in messages. */
  private static void check(double[] min, double[] max, IntFunction<String> sleeve) {
    if (min.length != max.length) {
      throw new InvalidValue(
          "constraints",
          min.length
              + " minimum weights for "
              + max.length
              + " maximum weights (must be one of each per sleeve)");
    }
    double sum = 0;
    for (int i = 0; i < min.length; i++) {
      if (!(min[i] >= 0 && min[i] <= 1)) {
        throw new InvalidValue(
            "constraints",
            "minimum weight " + min[i] + " for sleeve " + sleeve.apply(i) + " (must be in [0, 1])");
      }
      if (!(max[i] >= 0 && max[i] <= 1)) {
        throw new InvalidValue(
            "constraints",
            "maximum weight " + max[i] + " for sleeve " + sleeve.apply(i) + " (must be in [0, 1])");
      }
      if (min[i] > max[i]) {
        throw new InvalidValue(
            "constraints",
            "minimum weight "
                + min[i]
                + " > maximum weight "
                + max[i]
                + " for sleeve "
                + sleeve.apply(i));
      }
      sum += min[i];
    }
    if (sum > 1 + 1e-12) {
      throw new InvalidValue(
          "constraints", "the minimum weights sum to " + (float) sum + " (must be <= 1)");
    }
  }

  /** No bounds: [0, 1] for every sleeve. */
  public static WeightConstraints none(int sleeveCount) {
    return of(sleeveCount, 0.0, 1.0, null, null);
  }

  /**
   * Global bounds with optional per-sleeve overrides.
   *
   * @param sleeveMin per-sleeve minima (null, or one per sleeve with NaN meaning "the global min")
   * @param sleeveMax per-sleeve maxima (null, or one per sleeve with NaN meaning "the global max")
   * @throws IllegalArgumentException naming the sleeve, the value and the rule; including when the
   *     minima sum to more than 1
   */
  public static WeightConstraints of(
      int sleeveCount, double min, double max, double[] sleeveMin, double[] sleeveMax) {
    double[] lo = new double[sleeveCount];
    double[] hi = new double[sleeveCount];
    for (int i = 0; i < sleeveCount; i++) {
      lo[i] = overrideOr(sleeveMin, i, min, sleeveCount, "minimum");
      hi[i] = overrideOr(sleeveMax, i, max, sleeveCount, "maximum");
    }
    return new WeightConstraints(lo, hi);
  }

  private static double overrideOr(double[] values, int i, double global, int n, String what) {
    if (values == null) {
      return global;
    }
    if (values.length != n) {
      throw new InvalidValue(
          "constraints",
          values.length
              + " per-sleeve "
              + what
              + " weights for "
              + n
              + " sleeves (must be one per sleeve)");
    }
    return Double.isNaN(values[i]) ? global : values[i];
  }

  /** These bounds with exposure e ∈ (0, 1] (see the class javadoc). */
  public WeightConstraints withExposure(double e) {
    return new WeightConstraints(min, max, e);
  }

  /**
   * Refuses initial weights outside their sleeve's bounds: they are the targets of the first
   * allocation (and of {@code fixed}), and clamping them silently would run another portfolio than
   * the one configured.
   *
   * @param weights the initial weights, one per sleeve
   * @param ids the sleeves' ids, for the message
   * @throws IllegalArgumentException naming the sleeve, the weight and its bounds
   */
  public void checkInitial(double[] weights, java.util.List<String> ids) {
    for (int i = 0; i < Math.min(weights.length, min.length); i++) {
      if (weights[i] < min[i] || weights[i] > max[i]) {
        throw new IllegalArgumentException(
            "Invalid weight for sleeve '"
                + ids.get(i)
                + "': "
                + weights[i]
                + " (must be within its constraints [min, max] = ["
                + min[i]
                + ", "
                + max[i]
                + "])");
      }
    }
  }

  /** Number of sleeves. */
  public int sleeveCount() {
    return min.length;
  }

  /** The minimum weight of a sleeve. */
  public double min(int sleeve) {
    return min[sleeve];
  }

  /** The maximum weight of a sleeve. */
  public double max(int sleeve) {
    return max[sleeve];
  }

  @Override
  public double[] min() {
    return min.clone();
  }

  @Override
  public double[] max() {
    return max.clone();
  }

  /**
   * Applies the exposure target, then the bounds, in place (see the class javadoc). No allocation.
   *
   * @param weights the algorithm's weights, each ≥ 0; entries of inactive sleeves are left as they
   *     are
   * @param active which sleeves take part
   * @return how many active sleeves the bounds clamped: those whose weight a bound, not the common
   *     scale factor λ, decided (λ·w_i outside [min_i, max_i], or raised from 0 to share what the
   *     others could not take); 0 when every bound is slack
   */
  public int apply(double[] weights, boolean[] active) {
    if (weights.length != min.length || active.length != min.length) {
      throw new IllegalArgumentException(
          "Invalid weights: "
              + weights.length
              + " weights, "
              + active.length
              + " flags for "
              + min.length
              + " constrained sleeves");
    }
    if (exposure < 1) {
      scaleToExposure(weights, active);
    }
    return BoundsSolver.apply(min, max, weights, active);
  }

  /** Multiplies the active weights by e / T when their sum T exceeds the exposure e. */
  private void scaleToExposure(double[] weights, boolean[] active) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (active[i]) {
        total += weights[i];
      }
    }
    if (total > exposure) {
      double scale = exposure / total;
      for (int i = 0; i < weights.length; i++) {
        if (active[i]) {
          weights[i] *= scale;
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightConstraints other
        && Arrays.equals(min, other.min)
        && Arrays.equals(max, other.max)
        && Double.compare(exposure, other.exposure) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(min) + Arrays.hashCode(max)) + Double.hashCode(exposure);
  }

  @Override
  public String toString() {
    return "WeightConstraints[min="
        + Arrays.toString(min)
        + ", max="
        + Arrays.toString(max)
        + ", exposure="
        + exposure
        + "]";
  }
}
