package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;

/**
 * A portfolio's figures relative to a benchmark, from their aligned periodic returns, as {@link
 * BenchmarkRelativeAccumulator} computes them (its javadoc gives the formulas). Undefined values
 * are NaN; the tables write NULL.
 *
 * @param periods n, the number of aligned return pairs
 * @param alpha annualised intercept of the OLS regression of the portfolio's excess returns on the
 *     benchmark's, α·P
 * @param beta the slope of that regression
 * @param correlation Pearson correlation of the two return series, in [−1, 1]
 * @param trackingError annualised sample std of the active returns r_p − r_b, ≥ 0
 * @param informationRatio annualised mean active return / tracking error
 * @param upCapture the portfolio's annualised geometric return over the periods when the benchmark
 *     rose, divided by the benchmark's over the same periods
 * @param downCapture the same over the periods when the benchmark fell
 */
public record BenchmarkRelative(
    int periods,
    double alpha,
    double beta,
    double correlation,
    double trackingError,
    double informationRatio,
    double upCapture,
    double downCapture)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants; NaN passes where a value is undefined. */
  public BenchmarkRelative {
    if (periods < 0) {
      throw new IllegalArgumentException("Invalid periods: " + periods + " (must be >= 0)");
    }
    if (trackingError < 0) {
      throw new IllegalArgumentException(
          "Invalid trackingError: " + trackingError + " (must be >= 0 or NaN)");
    }
  }
}
