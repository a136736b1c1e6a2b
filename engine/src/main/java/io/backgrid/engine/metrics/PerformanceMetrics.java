package io.backgrid.engine.metrics;

import java.io.Serial;
import java.io.Serializable;

/**
 * The performance metrics of one return series (DESIGN §5), as snapshotted by {@link
 * MetricsAccumulator}.
 *
 * <p>Notation: r_1..r_n are the periodic simple (flow-adjusted) returns, n = {@code periods}; P
 * periods per year; rf the annual risk-free rate and rf_p = (1 + rf)^(1/P) − 1 its per-period
 * equivalent; mean(x) = Σx/n; std(x) the sample standard deviation sqrt(Σ(x − mean)²/(n − 1)). The
 * return index is I_0 = 1, I_t = I_{t−1}·(1 + r_t): total return, CAGR and drawdowns are computed
 * on it, never on raw NAV, so capital flows are never peaks or drawdowns. d_0 is the date of V_0
 * (the series start) and d_t the date of the bar of r_t; calendar days = d_n − d_0.
 *
 * <p>With n = 0 every {@code double} component is NaN, {@code periods} is 0 and both drawdown
 * durations are 0. Undefined values are NaN (never silently 0); the documented exceptions are the
 * ±Infinity of {@code sortino} and {@code profitFactor}.
 *
 * @param periods n, the number of returns, ≥ 0
 * @param totalReturn I_n − 1 (≥ −1)
 * @param cagr compound annual growth rate I_n^(365.25 / calendarDays) − 1 with calendarDays = d_n −
 *     d_0; NaN when calendarDays is 0 (n = 0)
 * @param volatility annualised volatility std(r)·√P; NaN when n &lt; 2
 * @param sharpe annualised Sharpe ratio mean(r − rf_p) / std(r − rf_p) · √P; NaN when n &lt; 2 or
 *     std(r) = 0
 * @param sortino annualised Sortino ratio as empyrical: mean(r − rf_p)·P / DR with downside risk DR
 *     = sqrt(Σ_t min(r_t − rf_p, 0)² / n)·√P taken over ALL n observations; NaN when n &lt; 2; when
 *     DR = 0 it is the IEEE quotient empyrical returns: +Infinity if mean(r − rf_p) &gt; 0, NaN if
 *     it is 0 (it cannot be negative without downside)
 * @param maxDrawdown min_t (I_t / max_{0≤s≤t} I_s − 1), in [−1, 0]; 0 when the index never falls
 *     below a peak
 * @param maxDrawdownBars duration of the worst drawdown episode in bars: (recovery bar − peak bar),
 *     where the peak bar is the last bar s ≤ trough with I_s = max_{0≤u≤trough} I_u (bar 0 is the
 *     start, index 1) and the recovery bar is the first bar after the trough with I_t ≥ that peak;
 *     if never recovered, (n − peak bar). When several episodes share the worst depth, the first
 *     counts. 0 when maxDrawdown is 0 or n = 0
 * @param maxDrawdownDays the same episode in calendar days: d_recovery − d_peak, or d_n − d_peak if
 *     never recovered; 0 when maxDrawdown is 0 or n = 0
 * @param calmar cagr / |maxDrawdown|; NaN when maxDrawdown is 0
 * @param winRate #(r_t &gt; 0) / n, in [0, 1]
 * @param profitFactor Σ_{r_t&gt;0} r_t / |Σ_{r_t&lt;0} r_t|; +Infinity when there is no negative
 *     return and some positive one; NaN when both sums are 0
 * @param turnover annualised turnover as bt: mean_t(τ_t)·P, where τ_t = min(buys_t, sells_t) /
 *     NAV_t is the bar's turnover fraction (0 when nothing traded), ≥ 0; for a portfolio, buys and
 *     sells are what reached the market (crossed shares excluded), for a sleeve its own fills
 * @param skew sample skewness as pandas {@code Series.skew()} (adjusted Fisher–Pearson G1): n·√(n −
 *     1)/(n − 2) · m3 / m2^(3/2) with m_k = Σ(r_t − mean(r))^k; NaN when n &lt; 3 or m2 = 0 (pandas
 *     returns 0 for zero variance; we return NaN because it is undefined)
 * @param kurtosis excess kurtosis as pandas {@code Series.kurt()} (bias-corrected G2): n(n + 1)(n −
 *     1)·m4 / ((n − 2)(n − 3)·m2²) − 3(n − 1)² / ((n − 2)(n − 3)); NaN when n &lt; 4 or m2 = 0
 *     (pandas returns 0 there)
 * @param valueAtRisk95 historical 95% VaR as empyrical {@code value_at_risk(r, 0.05)}, i.e. {@code
 *     np.percentile(r, 5)} with linear interpolation: with s the returns sorted ascending
 *     (0-based), h = (n − 1)·0.05, j = ⌊h⌋, g = h − j: s_j + g·(s_{j+1} − s_j) (s_j when j = n −
 *     1). A return, usually negative
 * @param conditionalValueAtRisk95 95% CVaR as empyrical {@code conditional_value_at_risk(r, 0.05)}:
 *     the mean of the ⌊(n − 1)·0.05⌋ + 1 smallest returns
 * @param bestPeriod max_t r_t
 * @param worstPeriod min_t r_t
 * @param meanReturn mean(r), per period (not annualised)
 */
public record PerformanceMetrics(
    int periods,
    double totalReturn,
    double cagr,
    double volatility,
    double sharpe,
    double sortino,
    double maxDrawdown,
    int maxDrawdownBars,
    int maxDrawdownDays,
    double calmar,
    double winRate,
    double profitFactor,
    double turnover,
    double skew,
    double kurtosis,
    double valueAtRisk95,
    double conditionalValueAtRisk95,
    double bestPeriod,
    double worstPeriod,
    double meanReturn)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants that hold for every series; NaN passes where a value is undefined. */
  public PerformanceMetrics {
    if (periods < 0) {
      throw new IllegalArgumentException("Invalid periods: " + periods + " (must be >= 0)");
    }
    if (maxDrawdownBars < 0 || maxDrawdownDays < 0) {
      throw new IllegalArgumentException(
          "Invalid max drawdown duration: "
              + maxDrawdownBars
              + " bars, "
              + maxDrawdownDays
              + " days (must be >= 0)");
    }
    if (maxDrawdown > 0 || maxDrawdown < -1) {
      throw new IllegalArgumentException(
          "Invalid maxDrawdown: " + maxDrawdown + " (must be in [-1, 0] or NaN)");
    }
    if (winRate < 0 || winRate > 1) {
      throw new IllegalArgumentException(
          "Invalid winRate: " + winRate + " (must be in [0, 1] or NaN)");
    }
    if (volatility < 0 || turnover < 0) {
      throw new IllegalArgumentException(
          "Invalid volatility "
              + volatility
              + " or turnover "
              + turnover
              + " (must be >= 0 or NaN)");
    }
  }
}
