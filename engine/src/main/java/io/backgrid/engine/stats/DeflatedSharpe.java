package io.backgrid.engine.stats;

import io.backgrid.engine.metrics.ReturnMoments;
import java.io.Serial;
import java.io.Serializable;

/**
 * The Deflated Sharpe Ratio of a grid's best configuration: the probability that its true Sharpe
 * ratio is positive after accounting for the number of configurations tried (Bailey &amp; López de
 * Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and
 * Non-Normality", Journal of Portfolio Management 40(5), 2014, eq. 2 and the expected maximum of
 * its appendix).
 *
 * <p>On per-period (not annualised) Sharpe ratios, with N trials whose Sharpe ratios have sample
 * variance V (n − 1), γ = 0.5772156649 (Euler–Mascheroni) and e Euler's number:
 *
 * <ul>
 *   <li>SR0 = √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))), the expected maximum Sharpe of N
 *       unskilled trials;
 *   <li>DSR = Φ((SR* − SR0)·√(T − 1) / √(1 − γ3·SR* + (γ4 − 1)/4·SR*²)), SR* the best's Sharpe,
 *       γ3/γ4 its returns' population skewness and non-excess kurtosis, T its number of returns
 *       (the PSR of {@link SharpeInference} against SR0).
 * </ul>
 *
 * <p>Undefined values are NaN (the tables write NULL): SR0 and DSR when N &lt; 2 or V is undefined;
 * DSR also when the best's Sharpe or moments are undefined.
 *
 * @param trials N, the number of configurations tried
 * @param trialsVariance V, the sample variance of their per-period Sharpe ratios
 * @param sr0 SR0, per period
 * @param bestSharpe SR*, per period
 * @param dsr DSR in [0, 1]
 */
public record DeflatedSharpe(
    int trials, double trialsVariance, double sr0, double bestSharpe, double dsr)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** The Euler–Mascheroni constant γ as issue 13 fixes it. */
  static final double EULER_GAMMA = 0.5772156649;

  /** Validates the invariants; NaN passes where a value is undefined. */
  public DeflatedSharpe {
    if (trials < 0) {
      throw new IllegalArgumentException("Invalid trials: " + trials + " (must be >= 0)");
    }
    if (dsr < 0 || dsr > 1) {
      throw new IllegalArgumentException("Invalid dsr: " + dsr + " (must be in [0, 1] or NaN)");
    }
  }

  /**
   * The DSR of the best configuration.
   *
   * @param trialSharpes the per-period Sharpe ratios of the N configurations, with the same rf_p
   *     (finite values; the caller leaves out configurations whose Sharpe is undefined and counts
   *     only those it keeps)
   * @param best the best configuration's return moments
   * @param riskFreePerPeriod rf_p, the per-period risk-free rate of the study
   * @throws IllegalArgumentException if a Sharpe is not finite
   */
  public static DeflatedSharpe of(
      double[] trialSharpes, ReturnMoments best, double riskFreePerPeriod) {
    int n = trialSharpes.length;
    // Welford: the N Sharpe ratios are small numbers of similar size, but the grid may be large.
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < n; i++) {
      double x = trialSharpes[i];
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(
            "Invalid trial Sharpe ratio at index " + i + ": " + x + " (must be finite)");
      }
      double delta = x - mean;
      mean += delta / (i + 1);
      m2 += delta * (x - mean);
    }
    double variance = n < 2 ? Double.NaN : m2 / (n - 1);
    double sr0 = expectedMaximum(n, variance);
    double sr = best.count() < 2 ? Double.NaN : best.sharpePerPeriod(riskFreePerPeriod);
    double bracket = SharpeInference.bracket(sr, best.skewness(), best.kurtosis());
    double dsr = SharpeInference.psr(sr, sr0, bracket, best.count());
    return new DeflatedSharpe(n, variance, sr0, sr, dsr);
  }

  /** SR0 = √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))); NaN when N &lt; 2. */
  static double expectedMaximum(int trials, double variance) {
    if (trials < 2) {
      return Double.NaN;
    }
    double quantileN = Gaussian.quantile(1 - 1.0 / trials);
    double quantileNe = Gaussian.quantile(1 - 1.0 / (trials * Math.E));
    return Math.sqrt(variance) * ((1 - EULER_GAMMA) * quantileN + EULER_GAMMA * quantileNe);
  }
}
