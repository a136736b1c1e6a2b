package io.backgrid.engine.metrics;

/**
 * A few running sums, each compensated for rounding error by Neumaier's improvement of Kahan
 * summation (A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54, 1974): the error of each addition is carried in a second term and added back when the
 * total is read. Preallocated; not thread-safe.
 */
public final class CompensatedSums {
  private final double[] sums;
  private final double[] compensations;

  /**
   * @param count how many sums, ≥ 0, indexed 0 .. count − 1
   */
  public CompensatedSums(int count) {
    this.sums = new double[count];
    this.compensations = new double[count];
  }

  /** Sets every sum to 0. */
  public void clear() {
    for (int i = 0; i < sums.length; i++) {
      sums[i] = 0;
      compensations[i] = 0;
    }
  }

  /** Adds x to sum i. */
  public void add(int i, double x) {
    double sum = sums[i];
    double next = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensations[i] += (sum - next) + x;
    } else {
      compensations[i] += (x - next) + sum;
    }
    sums[i] = next;
  }

  /** Sum i, its compensation added back. */
  public double total(int i) {
    return sums[i] + compensations[i];
  }
}
