package io.backgrid.engine.simulation;

/**
 * One sleeve's {@link SleeveFigure}s, updated once per bar from its NAV and flow in O(1) (the
 * volatility is computed when asked, in O(L)), on arrays sized once for the longest lookback.
 */
final class FigureTracker {
  private static final double ANNUALISE = Math.sqrt(252);

  /** The last {@code capacity} returns, oldest overwritten first. */
  private final double[] returns;

  /** The index after each of the last {@code capacity} returns, and the one before them. */
  private final double[] levels;

  private long previousNav;
  private boolean started;
  private double index = 1;
  private double peak = 1;
  private int count;

  /** A tracker for lookbacks up to {@code capacity} returns (≥ 1). */
  FigureTracker(int capacity) {
    returns = new double[capacity];
    levels = new double[capacity + 1];
    levels[0] = 1;
  }

  int capacity() {
    return returns.length;
  }

  /**
   * Adds a bar: the sleeve's NAV at its end and the net flow moved in during it, in cents. The
   * first bar only sets V_0.
   */
  void update(long nav, long flow) {
    if (started) {
      long base = previousNav + flow;
      if (base > 0) {
        double r = Math.max(-1.0, (double) nav / base - 1.0);
        index *= 1 + r;
        peak = Math.max(peak, index);
        returns[count % returns.length] = r;
        count++;
        levels[count % levels.length] = index;
      }
    }
    previousNav = nav;
    started = true;
  }

  /** Number of returns so far. */
  int count() {
    return count;
  }

  /** The figure over the last {@code lookback} returns, NaN while it is not defined. */
  double value(SleeveFigure figure, int lookback) {
    return switch (figure) {
      case DRAWDOWN -> started ? (peak > 0 ? 1 - index / peak : 1) : Double.NaN;
      case RETURN ->
          count < lookback ? Double.NaN : index / levels[(count - lookback) % levels.length] - 1;
      case VOLATILITY -> count < lookback ? Double.NaN : volatility(lookback);
    };
  }

  /** Sample standard deviation (n − 1) of the last L returns × √252, two passes. */
  private double volatility(int lookback) {
    double sum = 0;
    for (int k = 1; k <= lookback; k++) {
      sum += returns[(count - k) % returns.length];
    }
    double mean = sum / lookback;
    double squares = 0;
    for (int k = 1; k <= lookback; k++) {
      double d = returns[(count - k) % returns.length] - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (lookback - 1)) * ANNUALISE;
  }
}
