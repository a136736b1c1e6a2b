package io.backgrid.engine.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stationary bootstrap of Politis &amp; Romano ("The Stationary Bootstrap", Journal of the
 * American Statistical Association 89(428), 1994, 1303–1313): resamples that keep the serial
 * dependence of returns by drawing blocks of geometric length with mean L, wrapping around the end
 * of the series.
 *
 * <p>One resample of a series r_0..r_{n−1}: i_0 uniform on {0..n−1}; for t = 1..n−1, with
 * probability 1/L a new uniform start i_t, otherwise i_t = (i_{t−1} + 1) mod n. The statistic is
 * the annualised Sharpe ratio (mean(r*) − rf_p) / std(r*)·√P of the resample r*_t = r_{i_t} (sample
 * std, n − 1; undefined when it is 0). The interval is the 2.5th and 97.5th percentiles of the B
 * defined values, linearly interpolated as numpy's default (h = (B − 1)·q).
 *
 * <p>Seeded: one {@link SplittableRandom} per call, from the seed, so the same input and settings
 * give the same interval on any machine. L = 1 is the ordinary (IID) bootstrap. A common choice is
 * L ≈ n^(1/3) (Politis &amp; White 2004 give a data-driven one).
 */
public final class StationaryBootstrap {
  private final int resamples;
  private final double meanBlockLength;
  private final long seed;

  /**
   * @param resamples B, in [100, 1,000,000]
   * @param meanBlockLength L, the mean block length in periods, finite and ≥ 1
   * @param seed the random seed
   */
  public StationaryBootstrap(int resamples, double meanBlockLength, long seed) {
    if (resamples < 100 || resamples > 1_000_000) {
      throw new IllegalArgumentException(
          "Invalid bootstrap resamples: " + resamples + " (must be in [100, 1000000])");
    }
    if (!(meanBlockLength >= 1) || meanBlockLength == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid bootstrap mean block length: " + meanBlockLength + " (must be finite and >= 1)");
    }
    this.resamples = resamples;
    this.meanBlockLength = meanBlockLength;
    this.seed = seed;
  }

  /**
   * The 95% interval of the annualised Sharpe ratio of {@code returns}.
   *
   * @param returns the series, n ≥ 2 finite returns (not modified)
   * @param riskFreePerPeriod rf_p
   * @param periodsPerYear P, ≥ 1
   * @return the interval; low and high NaN when no resample has a defined Sharpe
   */
  public BootstrapInterval sharpeInterval(
      double[] returns, double riskFreePerPeriod, int periodsPerYear) {
    int n = returns.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          "Invalid series for the bootstrap: " + n + " returns (must be >= 2)");
    }
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException(
          "Invalid periodsPerYear: " + periodsPerYear + " (must be >= 1)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double jump = 1.0 / meanBlockLength;
    double root = Math.sqrt(periodsPerYear);
    double[] values = new double[resamples];
    int defined = 0;
    for (int b = 0; b < resamples; b++) {
      int i = random.nextInt(n);
      double mean = 0;
      double m2 = 0;
      for (int t = 0; t < n; t++) {
        if (t > 0) {
          i = random.nextDouble() < jump ? random.nextInt(n) : (i + 1 == n ? 0 : i + 1);
        }
        double x = returns[i];
        double delta = x - mean;
        mean += delta / (t + 1);
        m2 += delta * (x - mean);
      }
      if (m2 > 0) {
        values[defined++] = (mean - riskFreePerPeriod) / Math.sqrt(m2 / (n - 1)) * root;
      }
    }
    if (defined == 0) {
      return new BootstrapInterval(Double.NaN, Double.NaN, resamples, 0);
    }
    Arrays.sort(values, 0, defined);
    return new BootstrapInterval(
        percentile(values, defined, 0.025), percentile(values, defined, 0.975), resamples, defined);
  }

  /** numpy's linear percentile of the first {@code count} sorted values. */
  static double percentile(double[] sorted, int count, double q) {
    double h = (count - 1) * q;
    int j = (int) h;
    double below = sorted[j];
    double above = j + 1 < count ? sorted[j + 1] : below;
    return below + (h - j) * (above - below);
  }
}
