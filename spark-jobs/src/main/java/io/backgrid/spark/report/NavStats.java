package io.backgrid.spark.report;

import io.backgrid.engine.metrics.MetricsAccumulator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Figures of one daily NAV path (epoch days ascending, NAV &gt; 0), for the paths and periods
 * sections. Returns are simple: r_t = V_t / V_{t−1} − 1, as the tables' (README, "Conventions").
 */
final class NavStats {
  /** Trading days in a year, for annualising (the tables' convention). */
  static final int YEAR = 252;

  private NavStats() {}

  /**
   * Returns per calendar period: the period's last NAV over the previous period's last NAV, minus
   * one; the first period is measured from the path's first NAV.
   *
   * @param keys the period of each period (e.g. year, or year·12 + month − 1), ascending
   */
  record PeriodReturns(int[] keys, double[] returns) {}

  /**
   * A drawdown period: from a peak (the last NAV high before the fall), through the trough (the
   * lowest NAV before recovery), to the recovery (the first day the NAV is back at or above the
   * peak; {@code Integer.MIN_VALUE} when not recovered by the path's end).
   *
   * @param depth trough / peak − 1 (a fraction &lt; 0)
   * @param days calendar days from the peak to the recovery, or to the path's last day when not
   *     recovered
   */
  record Drawdown(int peakDay, int troughDay, int recoveryDay, double depth, int days) {
    boolean recovered() {
      return recoveryDay != Integer.MIN_VALUE;
    }
  }

  /** Calendar-year returns. */
  static PeriodReturns yearly(int[] days, double[] nav) {
    return periods(days, nav, false);
  }

  /** Calendar-month returns; keys are year·12 + (month − 1). */
  static PeriodReturns monthly(int[] days, double[] nav) {
    return periods(days, nav, true);
  }

  private static PeriodReturns periods(int[] days, double[] nav, boolean months) {
    List<Integer> keys = new ArrayList<>();
    List<Double> returns = new ArrayList<>();
    double base = nav.length == 0 ? Double.NaN : nav[0];
    for (int t = 0; t < nav.length; t++) {
      int key = key(days[t], months);
      boolean last = t == nav.length - 1 || key(days[t + 1], months) != key;
      if (last) {
        keys.add(key);
        returns.add(nav[t] / base - 1);
        base = nav[t];
      }
    }
    return new PeriodReturns(
        keys.stream().mapToInt(Integer::intValue).toArray(),
        returns.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static int key(int epochDay, boolean months) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return months ? d.getYear() * 12 + d.getMonthValue() - 1 : d.getYear();
  }

  /** The drawdown (underwater) path: V_t / max_{s≤t} V_s − 1, in [−1, 0]. */
  static double[] underwater(double[] nav) {
    double[] out = new double[nav.length];
    double peak = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < nav.length; t++) {
      peak = Math.max(peak, nav[t]);
      out[t] = nav[t] / peak - 1;
    }
    return out;
  }

  /** The {@code k} deepest drawdown periods, deepest first (ties: the earlier peak first). */
  static List<Drawdown> deepest(int[] days, double[] nav, int k) {
    List<Drawdown> all = new ArrayList<>();
    int peak = 0;
    int trough = -1;
    for (int t = 1; t < nav.length; t++) {
      if (nav[t] >= nav[peak]) {
        if (trough >= 0) {
          all.add(
              new Drawdown(
                  days[peak],
                  days[trough],
                  days[t],
                  nav[trough] / nav[peak] - 1,
                  days[t] - days[peak]));
          trough = -1;
        }
        peak = t;
      } else if (trough < 0 || nav[t] < nav[trough]) {
        trough = t;
      }
    }
    if (trough >= 0) {
      int end = days[nav.length - 1];
      all.add(
          new Drawdown(
              days[peak],
              days[trough],
              Integer.MIN_VALUE,
              nav[trough] / nav[peak] - 1,
              end - days[peak]));
    }
    all.sort(Comparator.comparingDouble(Drawdown::depth).thenComparingInt(Drawdown::peakDay));
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /**
   * Rolling annualised volatility and Sharpe over the last {@code window} daily returns, at each
   * NAV index t ≥ window (NaN before, or when the window has no variance): volatility = s·√252,
   * Sharpe = (mean(r) − rf_p) / s · √252 with s the sample standard deviation (n − 1) and rf_p = (1
   * + rf)^(1/252) − 1 — the tables' definitions (PerformanceMetrics) over the window.
   *
   * @param riskFree the study's annual risk-free rate (a fraction)
   * @return {volatility[], sharpe[]}, each as long as {@code nav}
   */
  static double[][] rolling(double[] nav, int window, double riskFree) {
    double[] vol = new double[nav.length];
    double[] sharpe = new double[nav.length];
    double rfPeriod = MetricsAccumulator.riskFreePerPeriod(riskFree, YEAR);
    double sum = 0;
    double sumSq = 0;
    for (int t = 0; t < nav.length; t++) {
      vol[t] = Double.NaN;
      sharpe[t] = Double.NaN;
      if (t == 0) {
        continue;
      }
      double r = nav[t] / nav[t - 1] - 1;
      sum += r;
      sumSq += r * r;
      if (t > window) {
        double old = nav[t - window] / nav[t - window - 1] - 1;
        sum -= old;
        sumSq -= old * old;
      }
      if (t >= window) {
        double mean = sum / window;
        double var = Math.max(0, (sumSq - sum * mean) / (window - 1));
        double s = Math.sqrt(var);
        vol[t] = s * Math.sqrt(YEAR);
        sharpe[t] = s > 1e-15 ? (mean - rfPeriod) / s * Math.sqrt(YEAR) : Double.NaN;
      }
    }
    return new double[][] {vol, sharpe};
  }
}
