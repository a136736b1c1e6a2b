package io.backgrid.engine.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The metrics a walk-forward fold can select by, each computed exactly from a window's {@link
 * WindowSums} with the formulas of {@code PerformanceMetrics} (P periods a year, rf_p per period,
 * 365.25 days a year for CAGR), so a window equal to the whole run gives the portfolio_metrics
 * value up to rounding. Metrics that need more than sums (VaR, win rate, profit factor, turnover,
 * skew, kurtosis, the drawdown's duration) are not among them.
 */
public enum WindowMetric {
  /** mean(r − rf_p) / std(r)·√P; higher is better. */
  SHARPE("sharpe", true),
  /** mean(r − rf_p)·P / (√(Σ min(r − rf_p, 0)² / n)·√P); higher is better. */
  SORTINO("sortino", true),
  /** G − 1; higher is better. */
  TOTAL_RETURN("total_return", true),
  /** G^(365.25 / days) − 1, days from the value before the first return to the last; higher. */
  CAGR("cagr", true),
  /** std(r)·√P; lower is better. */
  VOLATILITY("volatility", false),
  /** D ≤ 0; higher (shallower) is better. */
  MAX_DRAWDOWN("max_drawdown", true),
  /** CAGR / |D|, NaN when D = 0; higher is better. */
  CALMAR("calmar", true);

  private final String label;
  private final boolean higherIsBetter;

  WindowMetric(String label, boolean higherIsBetter) {
    this.label = label;
    this.higherIsBetter = higherIsBetter;
  }

  /** The portfolio_metrics column name. */
  public String label() {
    return label;
  }

  /** Whether a larger value ranks first. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The labels, in declaration order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(WindowMetric::label).toList();
  }

  /**
   * The metric of a label.
   *
   * @throws IllegalArgumentException naming the allowed labels
   */
  public static WindowMetric of(String label) {
    for (WindowMetric m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "Unsupported walk-forward metric: "
            + label
            + " (must be one of "
            + String.join(", ", labels())
            + ")");
  }

  /**
   * The metric's value on a window; NaN when undefined (no returns, n &lt; 2 where a deviation is
   * needed, zero variance, no drawdown for Calmar).
   */
  public double value(WindowSums w, double riskFreePerPeriod, int periodsPerYear) {
    int n = w.count();
    if (n == 0) {
      return Double.NaN;
    }
    double p = periodsPerYear;
    return switch (this) {
      case SHARPE -> w.sharpePerPeriod(riskFreePerPeriod) * Math.sqrt(p);
      case SORTINO ->
          n < 2
              ? Double.NaN
              : (w.sum() / n - riskFreePerPeriod)
                  * p
                  / (Math.sqrt(w.downsideSquares() / n) * Math.sqrt(p));
      case TOTAL_RETURN -> w.growth() - 1;
      case CAGR -> cagr(w);
      case VOLATILITY -> w.std() * Math.sqrt(p);
      case MAX_DRAWDOWN -> w.maxDrawdown();
      case CALMAR -> w.maxDrawdown() == 0 ? Double.NaN : cagr(w) / Math.abs(w.maxDrawdown());
    };
  }

  private static double cagr(WindowSums w) {
    long days = w.lastDay() - w.baseDay();
    return days <= 0 ? Double.NaN : Math.pow(w.growth(), 365.25 / days) - 1;
  }

  /** Whether {@code a} ranks strictly before {@code b} (NaN ranks after every number). */
  public boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return higherIsBetter ? a > b : a < b;
  }
}
