package io.backgrid.engine.strategy;

/**
 * The mean and sample standard deviation of the last {@code length} values of a series, updated in
 * amortised O(1) per value.
 *
 * <p>Algorithm: a ring buffer of the window; while it fills, Welford's update ({@code δ = x − m;
 * m += δ / k; M2 += δ (x − m)}); once full, the sliding form of the same update when {@code x}
 * replaces the oldest value {@code o} ({@code m' = m + (x − o) / L; M2 += (x − o)(x − m' + o −
 * m)}), which avoids the cancellation of raw sums of squares. To keep rounding from accumulating
 * over long series, the mean and M2 are recomputed exactly (two passes over the buffer) after every
 * {@code L} slides: O(L) work once per L values. When the last {@code L} values are all equal the
 * window reports that value as its mean and a standard deviation of exactly 0.
 *
 * <p>Not thread-safe; allocates only in its constructor.
 */
final class RollingWindow {
  private final double[] buffer;
  private int count;
  private int next;
  private int slidesSinceResync;
  /** Number of trailing values equal to the latest one. */
  private int run;
  private double mean;
  private double m2;

  /**
   * @param length the window length L ≥ 1
   */
  RollingWindow(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("Invalid window length " + length + " (must be >= 1)");
    }
    this.buffer = new double[length];
  }

  /** Appends a finite value, dropping the oldest one once the window is full. */
  void push(double x) {
    int length = buffer.length;
    double latest = count == 0 ? Double.NaN : buffer[(next + length - 1) % length];
    run = x == latest ? run + 1 : 1;
    if (count < length) {
      buffer[next] = x;
      count++;
      double delta = x - mean;
      mean += delta / count;
      m2 += delta * (x - mean);
    } else {
      double old = buffer[next];
      buffer[next] = x;
      double newMean = mean + (x - old) / length;
      m2 += (x - old) * (x - newMean + old - mean);
      mean = newMean;
      if (++slidesSinceResync == length) {
        resync();
      }
    }
    next = next + 1 == length ? 0 : next + 1;
    if (run >= count) {
      mean = x;
      m2 = 0.0;
    } else if (m2 < 0.0) {
      m2 = 0.0;
    }
  }

  private void resync() {
    slidesSinceResync = 0;
    double sum = 0.0;
    for (double v : buffer) {
      sum += v;
    }
    double m = sum / buffer.length;
    double squares = 0.0;
    for (double v : buffer) {
      double d = v - m;
      squares += d * d;
    }
    mean = m;
    m2 = squares;
  }

  /** The window length L. */
  int length() {
    return buffer.length;
  }

  /** Values seen, capped at L. */
  int count() {
    return count;
  }

  /** True once L values have been pushed. */
  boolean full() {
    return count == buffer.length;
  }

  /** Mean of the values in the window (0 when empty). */
  double mean() {
    return mean;
  }

  /**
   * Sample standard deviation of the values in the window, {@code sqrt(Σ (x − m)² / (k − 1))} over
   * its k values; NaN for fewer than 2 values.
   */
  double sampleStd() {
    return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }
}
