package io.backgrid.engine.metrics;

import java.io.Serial;
import java.io.Serializable;

/**
 * The first four moments of one return series, as the decision statistics ({@code engine.stats})
 * need them: the Sharpe ratio's standard error, the probabilistic and the deflated Sharpe ratio.
 *
 * <p>With m_k = Σ(r_t − mean(r))^k over the n returns: skewness and kurtosis here are the
 * <em>population</em> (biased) moments γ3 = √n·m3 / m2^(3/2) and γ4 = n·m4 / m2² (non-excess: 3 for
 * a normal series), as {@code scipy.stats.skew} and {@code scipy.stats.kurtosis(fisher=False)} and
 * as Mertens (2002) and Bailey &amp; López de Prado (2012) use them. {@link PerformanceMetrics}
 * reports the bias-corrected (pandas) skew and excess kurtosis instead; both come from the same
 * one-pass sums.
 *
 * @param count n, the number of returns, ≥ 0
 * @param mean mean(r) per period; NaN when n = 0
 * @param std the sample standard deviation sqrt(m2 / (n − 1)); NaN when n &lt; 2
 * @param skewness γ3; NaN when n &lt; 2 or m2 = 0
 * @param kurtosis γ4 (≥ 1 when defined); NaN when n &lt; 2 or m2 = 0
 */
public record ReturnMoments(int count, double mean, double std, double skewness, double kurtosis)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants; NaN passes where a value is undefined. */
  public ReturnMoments {
    if (count < 0) {
      throw new IllegalArgumentException("Invalid count: " + count + " (must be >= 0)");
    }
    if (std < 0) {
      throw new IllegalArgumentException("Invalid std: " + std + " (must be >= 0 or NaN)");
    }
  }

  /**
   * The moments from the one-pass central sums.
   *
   * @param n the number of returns
   * @param mean their mean
   * @param m2 Σ(r − mean)²
   * @param m3 Σ(r − mean)³
   * @param m4 Σ(r − mean)⁴
   */
  public static ReturnMoments ofCentralSums(int n, double mean, double m2, double m3, double m4) {
    double nan = Double.NaN;
    if (n == 0) {
      return new ReturnMoments(0, nan, nan, nan, nan);
    }
    if (n < 2) {
      return new ReturnMoments(n, mean, nan, nan, nan);
    }
    double std = Math.sqrt(m2 / (n - 1));
    if (m2 == 0) {
      return new ReturnMoments(n, mean, std, nan, nan);
    }
    double count = n;
    return new ReturnMoments(
        n, mean, std, Math.sqrt(count) * m3 / Math.pow(m2, 1.5), count * m4 / (m2 * m2));
  }

  /**
   * The per-period Sharpe ratio (mean(r) − rf_p) / std(r), not annualised; NaN when std is NaN or
   * 0.
   *
   * @param riskFreePerPeriod rf_p, the per-period risk-free rate
   */
  public double sharpePerPeriod(double riskFreePerPeriod) {
    return std == 0 ? Double.NaN : (mean - riskFreePerPeriod) / std;
  }
}
