package io.backgrid.engine.metrics;

/**
 * One-pass maximum drawdown of the return index and the duration of its worst episode; the exact
 * definitions are those of {@link PerformanceMetrics#maxDrawdown()}, {@link
 * PerformanceMetrics#maxDrawdownBars()} and {@link PerformanceMetrics#maxDrawdownDays()}.
 *
 * <p>An episode starts at a peak (the last bar at the running maximum, bar 0 being the start at I_0
 * = 1) and ends at the first later bar with I_t ≥ that peak. The worst episode is the one holding
 * the deepest trough; a later episode replaces it only if strictly deeper.
 */
final class DrawdownTracker {
  private double index;
  private double peak;
  private int peakBar;
  private long peakDay;
  private double maxDrawdown;
  private int worstPeakBar;
  private long worstPeakDay;
  private boolean worstRecovered;
  private int worstRecoveryBar;
  private long worstRecoveryDay;

  /** Starts over at I_0 = 1 on {@code startDay} (bar 0). */
  void reset(long startDay) {
    index = 1.0;
    peak = 1.0;
    peakBar = 0;
    peakDay = startDay;
    maxDrawdown = 0;
    worstPeakBar = 0;
    worstPeakDay = startDay;
    worstRecovered = false;
    worstRecoveryBar = 0;
    worstRecoveryDay = startDay;
  }

  /** Bar t (1-based) on {@code epochDay} with return r: I_t = I_{t−1}·(1 + r). */
  void add(int t, long epochDay, double r) {
    index *= 1.0 + r;
    if (index >= peak) {
      // The first bar that regains the worst episode's peak ends that episode.
      if (!worstRecovered && maxDrawdown < 0 && worstPeakBar == peakBar) {
        worstRecovered = true;
        worstRecoveryBar = t;
        worstRecoveryDay = epochDay;
      }
      peak = index;
      peakBar = t;
      peakDay = epochDay;
    } else {
      double drawdown = index / peak - 1.0;
      if (drawdown < maxDrawdown) {
        maxDrawdown = drawdown;
        worstPeakBar = peakBar;
        worstPeakDay = peakDay;
        worstRecovered = false;
      }
    }
  }

  /** I_n, the return index after the last bar. */
  double index() {
    return index;
  }

  /** min_t I_t / max_{s≤t} I_s − 1, in [−1, 0]. */
  double maxDrawdown() {
    return maxDrawdown;
  }

  /** Worst episode length in bars, given n bars so far; 0 without a drawdown. */
  int worstBars(int n) {
    if (maxDrawdown == 0) {
      return 0;
    }
    return (worstRecovered ? worstRecoveryBar : n) - worstPeakBar;
  }

  /** Worst episode length in calendar days, given the last bar's date; 0 without a drawdown. */
  int worstDays(long lastDay) {
    if (maxDrawdown == 0) {
      return 0;
    }
    return Math.toIntExact((worstRecovered ? worstRecoveryDay : lastDay) - worstPeakDay);
  }
}
