package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;

/**
 * A bootstrap percentile interval (95%) of a statistic, as {@link StationaryBootstrap} returns it.
 *
 * @param low the 2.5th percentile of the resampled statistic; NaN when undefined
 * @param high the 97.5th percentile; NaN when undefined
 * @param resamples B, the number of resamples drawn
 * @param defined how many of them had a defined statistic (the percentiles are over these)
 */
public record BootstrapInterval(double low, double high, int resamples, int defined)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants. */
  public BootstrapInterval {
    if (defined < 0 || defined > resamples) {
      throw new IllegalArgumentException(
          "Invalid defined count: " + defined + " (must be in [0, " + resamples + "])");
    }
    if (low > high) {
      throw new IllegalArgumentException("Invalid interval: low " + low + " > high " + high);
    }
  }
}
