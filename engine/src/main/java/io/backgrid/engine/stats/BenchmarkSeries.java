package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A benchmark's daily value path ({@link BenchmarkPortfolio#series}), computed once on the driver
 * and shared by every configuration: its return on a date is r_t = B_t / B_{t−1} − 1, the same
 * interval as a portfolio's return on that date, so a configuration over a sub-period pairs with it
 * date by date.
 */
public final class BenchmarkSeries implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final String description;
  private final long[] epochDays;
  private final double[] nav;

  /** r_t, precomputed: every configuration reads them. */
  private final double[] returns;

  /**
   * @param description what the benchmark is ({@link BenchmarkPortfolio#describe()})
   * @param epochDays the dates, strictly ascending, ≥ 1
   * @param nav B_t on those dates, B_0 = 1, each finite and &gt; 0
   */
  public BenchmarkSeries(String description, long[] epochDays, double[] nav) {
    this.description = Objects.requireNonNull(description, "description");
    if (epochDays.length != nav.length || nav.length == 0) {
      throw new IllegalArgumentException(
          "Invalid benchmark path: "
              + epochDays.length
              + " dates and "
              + nav.length
              + " values (must be equal and >= 1)");
    }
    for (int t = 0; t < nav.length; t++) {
      if (!(nav[t] > 0) || nav[t] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "Invalid benchmark value "
                + nav[t]
                + " at epoch day "
                + epochDays[t]
                + " (must be finite and > 0)");
      }
      if (t > 0 && epochDays[t] <= epochDays[t - 1]) {
        throw new IllegalArgumentException(
            "Invalid benchmark dates: epoch day " + epochDays[t] + " after " + epochDays[t - 1]);
      }
    }
    this.epochDays = epochDays.clone();
    this.nav = nav.clone();
    this.returns = new double[nav.length];
    this.returns[0] = Double.NaN;
    for (int t = 1; t < nav.length; t++) {
      returns[t] = nav[t] / nav[t - 1] - 1.0;
    }
  }

  /** What the benchmark is. */
  public String description() {
    return description;
  }

  /** The number of dates. */
  public int size() {
    return nav.length;
  }

  /** The date of bar t, days since 1970-01-01. */
  public long epochDay(int t) {
    return epochDays[t];
  }

  /** B_t, the value on bar t (B_0 = 1). */
  public double nav(int t) {
    return nav[t];
  }

  /** r_t = B_t / B_{t−1} − 1 for t ≥ 1; NaN for t = 0 (no return on the first date). */
  public double returnAt(int t) {
    return returns[t];
  }

  /**
   * The bar of a date, or −(insertion point) − 1 when the series has no such date (binary search).
   */
  public int indexOf(long epochDay) {
    return Arrays.binarySearch(epochDays, epochDay);
  }
}
