package io.backgrid.engine.strategy;

/**
 * The mean and sample standard deviation of the last {@code length} values of a series, updated in
 * amortised O(1) per value.
 *
 * <p>Algorithm: a ring buffer of the window. Values are kept relative to a shift {@code K} (a
 * recent value), so the running mean is of small numbers and its rounding does not scale with the
 * price level. While the window fills, Welford's update ({@code δ = y − m; m += δ / k; M2 += δ (y −
 * m)}, {@code y = x − K}); once full, the sliding form when {@code y} replaces the oldest {@code o}
 * ({@code m' = m + (y − o) / L; M2 += (y − o)(y − m' + o − m)}), which avoids the cancellation of
 * raw sums of squares. To keep rounding from accumulating, the mean and M2 are recomputed exactly
 * (two passes over the buffer, with a fresh shift) after every {@code L} slides — O(L) work once
 * per L values — and also as soon as M2 falls below {@value #CANCELLATION} of its peak since the
 * last recomputation (a volatile stretch leaving the window, where the sliding update would lose
 * relative precision). When the last {@code L} values are all equal the window reports that value
 * as its mean and a standard deviation of exactly 0.
 *
 * <p>Not thread-safe; allocates only in its constructor.
 */
final class RollingWindow {
  /** Relative drop of M2 that triggers an exact recomputation. */
  private static final double CANCELLATION = 1e-6;

  private final double[] buffer;
  private int count;
  private int next;
  private int slidesSinceResync;

  /** Number of trailing values equal to the latest one. */
  private int run;

  private double latest = Double.NaN;
  private double shift;

  /** Mean of the shifted values y = x − shift. */
  private double mean;

  private double m2;
  private double m2Peak;

  /**
   * @param length the window length L ≥ 1
   */
  RollingWindow(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("Invalid window length " + length + " (must be >= 1)");
    }
    this.buffer = new double[length];
  }

  /** One window of {@code length} per symbol of a universe of {@code symbols}. */
  static RollingWindow[] perSymbol(int symbols, int length) {
    RollingWindow[] windows = new RollingWindow[symbols];
    for (int i = 0; i < symbols; i++) {
      windows[i] = new RollingWindow(length);
    }
    return windows;
  }

  /** Appends a finite value, dropping the oldest one once the window is full. */
  void push(double x) {
    int length = buffer.length;
    run = x == latest ? run + 1 : 1;
    latest = x;
    if (count == 0) {
      shift = x;
    }
    if (count < length) {
      buffer[next] = x;
      count++;
      double y = x - shift;
      double delta = y - mean;
      mean += delta / count;
      m2 += delta * (y - mean);
    } else {
      double old = buffer[next] - shift;
      buffer[next] = x;
      double y = x - shift;
      double newMean = mean + (y - old) / length;
      m2 += (y - old) * (y - newMean + old - mean);
      mean = newMean;
      slidesSinceResync++;
    }
    next = next + 1 == length ? 0 : next + 1;
    if (run >= count) {
      shift = x;
      mean = 0.0;
      m2 = 0.0;
      m2Peak = 0.0;
      return;
    }
    m2Peak = Math.max(m2Peak, m2);
    if (slidesSinceResync == length || m2 < CANCELLATION * m2Peak) {
      resync();
    }
  }

  private void resync() {
    slidesSinceResync = 0;
    shift = latest;
    double sum = 0.0;
    for (int j = 0; j < count; j++) {
      sum += buffer[j] - shift;
    }
    double m = sum / count;
    double squares = 0.0;
    for (int j = 0; j < count; j++) {
      double d = buffer[j] - shift - m;
      squares += d * d;
    }
    mean = m;
    m2 = squares;
    m2Peak = squares;
  }

  /** True once L values have been pushed. */
  boolean full() {
    return count == buffer.length;
  }

  /** Mean of the values in the window (NaN when empty). */
  double mean() {
    return count == 0 ? Double.NaN : shift + mean;
  }

  /**
   * Sample standard deviation of the values in the window, {@code sqrt(Σ (x − m)² / (k − 1))} over
   * its k values; NaN for fewer than 2 values.
   */
  double sampleStd() {
    return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }
}
