package io.backgrid.engine.allocation;

import java.io.Serial;
import java.io.Serializable;

/**
 * A sleeve's unit return series: the strategy's value per unit of capital, bar by bar, with no
 * flows (DESIGN §4). It does not depend on the allocation, so it is computed once per distinct
 * sleeve and shared by every configuration that has that sleeve.
 *
 * <p>Holds prefix sums so that the mean, variance and compounded return of any window cost O(1).
 * Returns are r_k = nav_k / nav_{k−1} − 1 for k ≥ 1; bar 0 has no return.
 */
public final class UnitReturns implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final double[] nav;
  private final double[] returns;
  private final double[] sum;
  private final double[] sumSquares;
  private final double[] peak;
  private final int[] equalRun;
  private final int historyStart;

  /**
   * @param nav unit net asset value per bar, finite and &gt; 0
   * @param historyStart the first return index that counts as history (after the strategy's
   *     declared warm-up), ≥ 1
   */
  public UnitReturns(double[] nav, int historyStart) {
    if (nav.length == 0) {
      throw new IllegalArgumentException("Invalid unit NAV series: empty");
    }
    if (historyStart < 1) {
      throw new IllegalArgumentException(
          "Invalid history start " + historyStart + " (must be >= 1)");
    }
    int n = nav.length;
    this.nav = nav.clone();
    this.returns = new double[n];
    this.sum = new double[n];
    this.sumSquares = new double[n];
    this.peak = new double[n];
    this.equalRun = new int[n];
    this.historyStart = historyStart;
    for (int k = 0; k < n; k++) {
      if (!(nav[k] > 0) || !Double.isFinite(nav[k])) {
        throw new IllegalArgumentException(
            "Invalid unit NAV at bar " + k + ": " + nav[k] + " (must be finite and > 0)");
      }
      double r = k == 0 ? 0.0 : nav[k] / nav[k - 1] - 1.0;
      returns[k] = r;
      sum[k] = (k == 0 ? 0.0 : sum[k - 1]) + r;
      sumSquares[k] = (k == 0 ? 0.0 : sumSquares[k - 1]) + r * r;
      peak[k] = k == 0 ? nav[0] : Math.max(peak[k - 1], nav[k]);
      equalRun[k] = k >= 2 && r == returns[k - 1] ? equalRun[k - 1] + 1 : 1;
    }
  }

  /** Number of bars. */
  public int length() {
    return nav.length;
  }

  /** The first return index that counts as history (after the strategy's warm-up). */
  public int historyStart() {
    return historyStart;
  }

  /** Unit NAV at bar k. */
  public double nav(int k) {
    return nav[k];
  }

  /** The return r_k from bar k−1 to bar k (0 at k = 0). */
  public double returnAt(int k) {
    return returns[k];
  }

  /** Mean of r_k for k in [from, to] (from ≥ 1, to ≥ from). */
  public double mean(int from, int to) {
    return (sum[to] - sum[from - 1]) / (to - from + 1);
  }

  /**
   * Sample variance (n−1) of r_k for k in [from, to]; 0 for a single return. Clamped at 0 against
   * rounding in the prefix sums.
   */
  public double variance(int from, int to) {
    int n = to - from + 1;
    if (n < 2) {
      return 0.0;
    }
    double s = sum[to] - sum[from - 1];
    double ss = sumSquares[to] - sumSquares[from - 1];
    return Math.max(0.0, (ss - s * s / n) / (n - 1));
  }

  /**
   * True when [from, to] holds at least two returns and all are equal (a flat NAV, a sleeve sitting
   * in cash): the window's variance is exactly zero. Decided on the returns themselves, not on the
   * prefix sums, so rounding never turns a tiny variance into zero or the reverse. O(1).
   */
  public boolean constant(int from, int to) {
    int n = to - from + 1;
    return n >= 2 && equalRun[to] >= n;
  }

  /** Compounded return over [from, to]: nav_to / nav_{from−1} − 1. */
  public double compoundedReturn(int from, int to) {
    return nav[to] / nav[from - 1] - 1.0;
  }

  /** Drawdown at bar t from the running peak since bar 0: nav_t / max_{s≤t} nav_s − 1 (≤ 0). */
  public double drawdown(int t) {
    return nav[t] / peak[t] - 1.0;
  }

  /** Drawdown at bar t from the peak within bars [from − 1, t] (≤ 0). O(t − from). */
  public double drawdownInWindow(int from, int t) {
    double max = nav[from - 1];
    for (int k = from; k <= t; k++) {
      max = Math.max(max, nav[k]);
    }
    return nav[t] / max - 1.0;
  }
}
