package io.backgrid.engine.metrics;

/**
 * The historical 95% VaR and CVaR of one series of returns, from the smallest returns only
 * (formulas in {@link PerformanceMetrics}: empyrical's {@code value_at_risk(r, 0.05)} and {@code
 * conditional_value_at_risk(r, 0.05)}).
 *
 * <p>Both read the ascending order of the returns up to the cutoff index j = ⌊(n − 1)·0.05⌋ and one
 * past it, so keeping the k = ⌊(capacity − 1)·0.05⌋ + 2 smallest returns (at most the capacity)
 * answers for every n ≤ capacity. Preallocated: {@link #offer} allocates nothing.
 */
final class TailRisk {
  /** The VaR/CVaR cutoff: the 5% tail, i.e. 95% confidence. */
  static final double CUTOFF = 0.05;

  private final SmallestValues smallest;
  private final double[] sorted;

  /** The number of returns offered when {@link #sorted} was filled; −1 when it is stale. */
  private int sortedFor = -1;

  /**
   * @param capacity the most returns the series will have, ≥ 0
   */
  TailRisk(int capacity) {
    int k = capacity == 0 ? 0 : Math.min(capacity, (int) ((capacity - 1) * CUTOFF) + 2);
    this.smallest = new SmallestValues(k);
    this.sorted = new double[k];
  }

  /** Forgets every return offered. */
  void clear() {
    smallest.clear();
    sortedFor = -1;
  }

  /** Offers the series' next return. */
  void offer(double r) {
    smallest.offer(r);
  }

  /** Sorts the tail once for both figures of a snapshot (n only grows between clears). */
  private void sort(int n) {
    if (sortedFor != n) {
      smallest.sortedInto(sorted);
      sortedFor = n;
    }
  }

  /**
   * VaR at 95%: the 5% quantile of the n returns offered, interpolated linearly between the order
   * statistics at j and j + 1 as numpy's {@code percentile} does (n ≥ 1).
   */
  double valueAtRisk(int n) {
    sort(n);
    double position = (n - 1) * CUTOFF;
    int j = cutoffIndex(n);
    double below = sorted[j];
    double above = j + 1 < n ? sorted[j + 1] : below;
    double gamma = position - j;
    // numpy's _lerp: interpolate from the nearer end, so g = 0 gives `below` exactly.
    double difference = above - below;
    return gamma >= 0.5 ? above - difference * (1 - gamma) : below + difference * gamma;
  }

  /** CVaR at 95%: the mean of the j + 1 smallest of the n returns offered (n ≥ 1). */
  double conditionalValueAtRisk(int n) {
    sort(n);
    int j = cutoffIndex(n);
    double sum = 0;
    for (int i = 0; i <= j; i++) {
      sum += sorted[i];
    }
    return sum / (j + 1);
  }

  /** The index ⌊(n − 1)·0.05⌋ in the ascending order, computed as numpy and empyrical do. */
  private static int cutoffIndex(int n) {
    return (int) ((n - 1) * CUTOFF);
  }
}
