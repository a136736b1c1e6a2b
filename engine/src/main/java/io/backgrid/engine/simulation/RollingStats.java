package io.backgrid.engine.simulation;

import java.util.Arrays;

/**
 * Rolling volatility and Sharpe ratio over the last {@code window} returns of one series, written
 * bar by bar into arrays, O(1) per return: running sums of (r − K), K the series' first return (a
 * shift that keeps the variance well conditioned), recomputed from the ring every {@code window}
 * returns so rounding does not accumulate.
 *
 * <p>At bar t, over the last L = window returns up to t: mean m = Σ r / L, s = √(Σ (r − m)² / (L −
 * 1)); volatility = s · √P, Sharpe = (m − rf) / s · √P, P = 252 periods a year, rf the risk-free
 * rate per period, as {@link io.backgrid.engine.metrics.MetricsAccumulator} (Sharpe 1994). NaN
 * before L returns, and the Sharpe ratio where s = 0; a bar without a return keeps the figures of
 * the window as it stands.
 */
final class RollingStats {
  private static final double ANNUALISE = Math.sqrt(252);

  private final double[] ring;
  private final double riskFreePerPeriod;
  private final double[] volatility;
  private final double[] sharpe;
  private double shift = Double.NaN;
  private double sum;
  private double squares;
  private int count;

  /**
   * @param window L, ≥ 2
   * @param bars the number of bars (the output arrays' length)
   */
  RollingStats(int window, int bars, double riskFreePerPeriod) {
    this.ring = new double[window];
    this.riskFreePerPeriod = riskFreePerPeriod;
    this.volatility = new double[bars];
    this.sharpe = new double[bars];
    Arrays.fill(volatility, Double.NaN);
    Arrays.fill(sharpe, Double.NaN);
  }

  /** Adds bar t's return (NaN for none) and writes the figures at t. */
  void add(int t, double r) {
    if (!Double.isNaN(r)) {
      push(r);
    }
    int w = ring.length;
    if (count < w) {
      return;
    }
    double meanShifted = sum / w;
    double variance = Math.max(0, (squares - sum * meanShifted) / (w - 1));
    double sd = Math.sqrt(variance);
    volatility[t] = sd * ANNUALISE;
    sharpe[t] = sd > 0 ? (meanShifted + shift - riskFreePerPeriod) / sd * ANNUALISE : Double.NaN;
  }

  private void push(double r) {
    if (Double.isNaN(shift)) {
      shift = r;
    }
    int w = ring.length;
    int slot = count % w;
    double x = r - shift;
    if (count >= w) {
      double old = ring[slot];
      sum -= old;
      squares -= old * old;
    }
    ring[slot] = x;
    sum += x;
    squares += x * x;
    count++;
    if (count % w == 0) {
      sum = 0;
      squares = 0;
      for (double v : ring) {
        sum += v;
        squares += v * v;
      }
    }
  }

  double[] volatility() {
    return volatility;
  }

  double[] sharpe() {
    return sharpe;
  }
}
