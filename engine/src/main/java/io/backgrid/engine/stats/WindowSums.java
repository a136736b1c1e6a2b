package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;

/**
 * The sums of one stretch of a return series from which every walk-forward selection metric ({@link
 * WindowMetric}) of the stretch, and of any run of consecutive stretches, is exact: n, Σr, Σr², Σ
 * min(r − rf_p, 0)², the growth G = Π(1 + r), the highest and lowest running index H = max and L =
 * min over the prefixes of Π(1 + r) (the empty prefix, 1, included), the maximum drawdown D = min_t
 * (I_t / max_{s≤t} I_s − 1) ≤ 0, and the dates of the value before the first return and of the last
 * return.
 *
 * <p>Joining stretch a then b (Kadane-like): n, the sums add; G = G_a·G_b; H = max(H_a, G_a·H_b); L
 * = min(L_a, G_a·L_b); D = min(D_a, D_b, G_a·L_b / H_a − 1) (a peak in a, a trough in b). So the
 * drawdown, CAGR and Sharpe ratio of a window made of stretches need no second pass over returns.
 * {@link #add} allocates nothing; not thread-safe.
 */
public final class WindowSums implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private int count;
  private double sum;
  private double sumSquares;
  private double downsideSquares;
  private double growth = 1;
  private double peak = 1;
  private double trough = 1;
  private double maxDrawdown;
  private long baseDay = Long.MIN_VALUE;
  private long lastDay = Long.MIN_VALUE;

  /** An empty stretch. */
  public WindowSums() {}

  /**
   * A stretch from its stored values (see the class javadoc; days since 1970-01-01, {@code
   * Long.MIN_VALUE} when the stretch is empty).
   */
  public static WindowSums of(
      int count,
      double sum,
      double sumSquares,
      double downsideSquares,
      double growth,
      double peak,
      double trough,
      double maxDrawdown,
      long baseDay,
      long lastDay) {
    WindowSums w = new WindowSums();
    w.count = count;
    w.sum = sum;
    w.sumSquares = sumSquares;
    w.downsideSquares = downsideSquares;
    w.growth = growth;
    w.peak = peak;
    w.trough = trough;
    w.maxDrawdown = maxDrawdown;
    w.baseDay = baseDay;
    w.lastDay = lastDay;
    return w;
  }

  /**
   * Adds the next return.
   *
   * @param previousDay the date of the value before r (used for the first return only)
   * @param day the date of r
   * @param r the return, ≥ −1
   * @param riskFreePerPeriod rf_p, for the downside squares (Sortino)
   */
  public void add(long previousDay, long day, double r, double riskFreePerPeriod) {
    if (count == 0) {
      baseDay = previousDay;
    }
    count++;
    sum += r;
    sumSquares += r * r;
    double down = Math.min(r - riskFreePerPeriod, 0);
    downsideSquares += down * down;
    growth *= 1 + r;
    peak = Math.max(peak, growth);
    trough = Math.min(trough, growth);
    maxDrawdown = Math.min(maxDrawdown, growth / peak - 1);
    lastDay = day;
  }

  /** This stretch followed by {@code next} (neither changes). */
  public WindowSums then(WindowSums next) {
    if (next.count == 0) {
      return copy();
    }
    if (count == 0) {
      return next.copy();
    }
    WindowSums w = new WindowSums();
    w.count = count + next.count;
    w.sum = sum + next.sum;
    w.sumSquares = sumSquares + next.sumSquares;
    w.downsideSquares = downsideSquares + next.downsideSquares;
    w.growth = growth * next.growth;
    w.peak = Math.max(peak, growth * next.peak);
    w.trough = Math.min(trough, growth * next.trough);
    w.maxDrawdown =
        Math.min(Math.min(maxDrawdown, next.maxDrawdown), growth * next.trough / peak - 1);
    w.baseDay = baseDay;
    w.lastDay = next.lastDay;
    return w;
  }

  private WindowSums copy() {
    return of(
        count,
        sum,
        sumSquares,
        downsideSquares,
        growth,
        peak,
        trough,
        maxDrawdown,
        baseDay,
        lastDay);
  }

  /** n. */
  public int count() {
    return count;
  }

  /** Σr. */
  public double sum() {
    return sum;
  }

  /** Σr². */
  public double sumSquares() {
    return sumSquares;
  }

  /** Σ min(r − rf_p, 0)². */
  public double downsideSquares() {
    return downsideSquares;
  }

  /** G = Π(1 + r). */
  public double growth() {
    return growth;
  }

  /** H, the highest running index (≥ 1). */
  public double peak() {
    return peak;
  }

  /** L, the lowest running index (≤ 1). */
  public double trough() {
    return trough;
  }

  /** D, the maximum drawdown as a fraction ≤ 0. */
  public double maxDrawdown() {
    return maxDrawdown;
  }

  /** The date (epoch day) of the value before the first return; MIN_VALUE when empty. */
  public long baseDay() {
    return baseDay;
  }

  /** The date (epoch day) of the last return; MIN_VALUE when empty. */
  public long lastDay() {
    return lastDay;
  }

  /** The sample standard deviation of the returns; NaN when n &lt; 2 or zero variance. */
  public double std() {
    if (count < 2) {
      return Double.NaN;
    }
    double m2 = sumSquares - sum * sum / count;
    // below the rounding error of the sums (Cscv's rule): zero variance
    return m2 > Cscv.ZERO_VARIANCE * sumSquares ? Math.sqrt(m2 / (count - 1)) : Double.NaN;
  }

  /** The per-period Sharpe ratio (mean − rf_p) / std; NaN when std is undefined. */
  public double sharpePerPeriod(double riskFreePerPeriod) {
    return (sum / count - riskFreePerPeriod) / std();
  }
}
