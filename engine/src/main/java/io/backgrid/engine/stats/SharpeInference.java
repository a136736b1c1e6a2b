package io.backgrid.engine.stats;

import io.backgrid.engine.metrics.ReturnMoments;
import java.io.Serial;
import java.io.Serializable;

/**
 * How uncertain one series' Sharpe ratio is: its standard error with the skewness/kurtosis
 * correction, a 95% interval, and the probabilistic Sharpe ratio against a benchmark Sharpe.
 *
 * <p>Notation: SR = (mean(r) − rf_p) / std(r) the per-period Sharpe ratio (sample std, n − 1), T
 * the number of returns, γ3 and γ4 the population skewness and (non-excess) kurtosis of the returns
 * ({@link ReturnMoments}). Formulas:
 *
 * <ul>
 *   <li>Var(SR) = (1 − γ3·SR + (γ4 − 1)/4·SR²) / T (Mertens 2002, "Comments on variance of the IID
 *       estimator in Lo (2002)"; for normal returns γ3 = 0, γ4 = 3 and it is Lo's (1 + SR²/2) / T,
 *       A. Lo, "The Statistics of Sharpe Ratios", Financial Analysts Journal 58(4), 2002); SE =
 *       √Var(SR);
 *   <li>annualised: SR·√P and SE·√P (Lo 2002, eq. 8: the IID scaling, no autocorrelation term);
 *   <li>95% interval: SR·√P ± z·SE·√P with z = Φ⁻¹(0.975) ≈ 1.959964;
 *   <li>PSR(SR_b) = Φ((SR − SR_b)·√(T − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²)) (Bailey &amp; López de
 *       Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), 2012, eq. 11), SR_b
 *       per period.
 * </ul>
 *
 * <p>Undefined values are NaN (the tables write NULL): every figure when T &lt; 2 or std(r) = 0,
 * and SE, the interval and PSR also when γ3/γ4 are undefined or the bracket 1 − γ3·SR + (γ4 −
 * 1)/4·SR² is not positive (possible only for extreme skew).
 *
 * @param returns T, the number of returns
 * @param sharpe SR, per period
 * @param standardError SE of SR, per period
 * @param annualisedSharpe SR·√P
 * @param annualisedStandardError SE·√P
 * @param ciLow lower end of the 95% interval of the annualised Sharpe
 * @param ciHigh upper end of the 95% interval of the annualised Sharpe
 * @param benchmarkSharpe SR_b, per period
 * @param psr PSR(SR_b) in [0, 1]: the probability that the true Sharpe exceeds SR_b
 */
public record SharpeInference(
    int returns,
    double sharpe,
    double standardError,
    double annualisedSharpe,
    double annualisedStandardError,
    double ciLow,
    double ciHigh,
    double benchmarkSharpe,
    double psr)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** z = Φ⁻¹(0.975), the half-width of a two-sided 95% normal interval in standard errors. */
  static final double Z_95 = Gaussian.quantile(0.975);

  /** Validates the invariants; NaN passes where a value is undefined. */
  public SharpeInference {
    if (returns < 0) {
      throw new IllegalArgumentException("Invalid returns: " + returns + " (must be >= 0)");
    }
    if (psr < 0 || psr > 1) {
      throw new IllegalArgumentException("Invalid psr: " + psr + " (must be in [0, 1] or NaN)");
    }
  }

  /**
   * The inference for one series.
   *
   * @param moments the series' moments ({@code MetricsAccumulator.moments()})
   * @param riskFreePerPeriod rf_p, the per-period risk-free rate
   * @param periodsPerYear P, ≥ 1
   * @param benchmarkSharpe SR_b, the per-period Sharpe the PSR tests against (0 for "any skill")
   */
  public static SharpeInference of(
      ReturnMoments moments, double riskFreePerPeriod, int periodsPerYear, double benchmarkSharpe) {
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException(
          "Invalid periodsPerYear: " + periodsPerYear + " (must be >= 1)");
    }
    int t = moments.count();
    double sr = t < 2 ? Double.NaN : moments.sharpePerPeriod(riskFreePerPeriod);
    double bracket = bracket(sr, moments.skewness(), moments.kurtosis());
    double se = Math.sqrt(bracket / t);
    double root = Math.sqrt(periodsPerYear);
    double annual = sr * root;
    double annualSe = se * root;
    return new SharpeInference(
        t,
        sr,
        se,
        annual,
        annualSe,
        annual - Z_95 * annualSe,
        annual + Z_95 * annualSe,
        benchmarkSharpe,
        psr(sr, benchmarkSharpe, bracket, t));
  }

  /** 1 − γ3·SR + (γ4 − 1)/4·SR², or NaN when it is undefined or not positive. */
  static double bracket(double sr, double skewness, double kurtosis) {
    double b = 1 - skewness * sr + (kurtosis - 1) / 4 * sr * sr;
    return b > 0 ? b : Double.NaN;
  }

  /** Φ((SR − SR_b)·√(T − 1) / √bracket); NaN when any input is undefined. */
  static double psr(double sr, double benchmarkSharpe, double bracket, int t) {
    return Gaussian.cdf((sr - benchmarkSharpe) * Math.sqrt(t - 1.0) / Math.sqrt(bracket));
  }
}
