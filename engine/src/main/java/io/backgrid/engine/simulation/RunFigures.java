package io.backgrid.engine.simulation;

/**
 * Accumulates {@link SleeveFigures} and the reserve's contribution bar by bar, on arrays sized once
 * (see {@link SleeveFigures} for the formulas). The risk contributions need the whole run's returns
 * and are computed at the end.
 */
final class RunFigures {
  private final int n;
  private final long[] previous;
  private final double[] contribution;
  private final double[] weightSum;
  private final double[] allocatedSum;
  private final long[] peakNav;
  private final double[] index;
  private final double[] peakIndex;
  private final int[] winning;
  private final int[] losing;
  private long previousNav;
  private long previousReserve;
  private double reserveContribution;
  private int weightBars;
  private int bars;

  RunFigures(int n) {
    this.n = n;
    previous = new long[n];
    contribution = new double[n];
    weightSum = new double[n];
    allocatedSum = new double[n];
    peakNav = new long[n];
    index = new double[n];
    peakIndex = new double[n];
    winning = new int[n];
    losing = new int[n];
    java.util.Arrays.fill(index, 1);
    java.util.Arrays.fill(peakIndex, 1);
    java.util.Arrays.fill(peakNav, Long.MIN_VALUE);
  }

  /**
   * Adds bar t's end: the portfolio NAV and reserve, and each sleeve's return r_{i,t} (NaN when
   * none) in {@code returns[i][t]}.
   */
  void bar(int t, long nav, long reserve, Sleeves sleeves, double[][] returns) {
    bars++;
    long flows = 0;
    boolean counted = t > 0 && previousNav > 0;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      long value = s.ledger().navCents();
      long flow = t > 0 ? s.flow() : 0;
      flows += flow;
      if (counted) {
        contribution[i] += (double) (value - previous[i] - flow) / previousNav;
        weightSum[i] += (double) (previous[i] + flow) / previousNav;
      }
      double r = t > 0 ? returns[i][t] : Double.NaN;
      if (r > 0) {
        winning[i]++;
      } else if (r < 0) {
        losing[i]++;
      }
      if (!Double.isNaN(r)) {
        index[i] *= 1 + r;
        peakIndex[i] = Math.max(peakIndex[i], index[i]);
      }
      allocatedSum[i] += s.allocated();
      peakNav[i] = Math.max(peakNav[i], value);
      previous[i] = value;
    }
    if (counted) {
      reserveContribution += (double) (reserve - previousReserve + flows) / previousNav;
      weightBars++;
    }
    previousNav = nav;
    previousReserve = reserve;
  }

  /**
   * The reserve's contribution: Σ_t (R_t − R_{t−1} + Σ_i f_{i,t}) / V_{t−1} (0: cash earns none).
   */
  double reserveContribution() {
    return reserveContribution;
  }

  /** The figures of every sleeve, in sleeve order. */
  SleeveFigures[] sleeves(double[][] returns) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = weightBars > 0 ? weightSum[i] / weightBars : 0;
    }
    double[] risk = eulerContributions(w, returns);
    SleeveFigures[] out = new SleeveFigures[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          new SleeveFigures(
              contribution[i],
              risk[i],
              bars > 0 ? allocatedSum[i] / bars : 0,
              bars > 0 ? peakNav[i] : 0,
              peakIndex[i] > 0 ? 1 - index[i] / peakIndex[i] : 1,
              winning[i],
              losing[i]);
    }
    return out;
  }

  /** w_i (Σw)_i / w'Σw with Σ the sample covariance over bars 1.., NaN read as 0. */
  static double[] eulerContributions(double[] w, double[][] returns) {
    int n = w.length;
    int bars = n == 0 ? 0 : returns[0].length;
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      for (int t = 1; t < bars; t++) {
        mean[i] += value(returns[i][t]);
      }
      mean[i] /= Math.max(1, bars - 1);
    }
    // Σ_ij = Σ_ji bit for bit (the products commute, the sums run in the same t order): each
    // covariance sum is formed once, then Σw is accumulated in the original (i, j) order.
    double[][] covariance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double c = coMoment(returns[i], mean[i], returns[j], mean[j], bars);
        covariance[i][j] = c;
        covariance[j][i] = c;
      }
    }
    double[] sigmaW = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sigmaW[i] += covariance[i][j] / Math.max(1, bars - 2) * w[j];
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += w[i] * sigmaW[i];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = total > 0 ? w[i] * sigmaW[i] / total : Double.NaN;
    }
    return out;
  }

  /** Σ_{t=1}^{bars−1} (x_t − x̄)(y_t − ȳ), NaN read as 0. */
  private static double coMoment(double[] x, double meanX, double[] y, double meanY, int bars) {
    double c = 0;
    for (int t = 1; t < bars; t++) {
      c += (value(x[t]) - meanX) * (value(y[t]) - meanY);
    }
    return c;
  }

  private static double value(double r) {
    return Double.isNaN(r) ? 0 : r;
  }
}
