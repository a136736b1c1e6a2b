package io.backgrid.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * bt's inverse-volatility portfolio (RunMonthly, SelectAll, WeighInvVol, Rebalance; fractional
 * positions, no costs), computed directly on the prices in doubles, without the engine: the
 * reference {@link SpInverseVolatility} compares the engine with.
 *
 * <p>At the first bar of each month t (and at bar 0), with the window's returns r_k = P_k / P_{k−1}
 * − 1 for the bars dated in [d_t − lookback, d_t]: σ_i = sample standard deviation (n−1); an asset
 * whose window has zero variance gets no weight (bt: 1/σ = ∞ is set to NaN and dropped); the others
 * get w_i = (1/σ_i) / Σ_j (1/σ_j); shares = w_i · V / P_i(t); what is not invested is cash (bt's
 * {@code calc_inv_vol_weights} in ffn, which bt's {@code WeighInvVol} calls). Two warm-ups:
 *
 * <ul>
 *   <li>{@code engineWarmUp}: until the data reach back a full lookback, the weights stay at the
 *       initial 1/n (what the engine does: no window, keep the current weights);
 *   <li>otherwise bt's own: a partial window is used as it is; no return at all → all cash.
 * </ul>
 */
final class BtInverseVolatility {
  private BtInverseVolatility() {}

  /**
   * The final NAV.
   *
   * @param prices [asset][bar], all finite and &gt; 0
   */
  static double finalNav(
      List<LocalDate> dates,
      double[][] prices,
      java.time.Period lookback,
      double capital,
      boolean engineWarmUp) {
    int n = prices.length;
    int bars = dates.size();
    double[] shares = new double[n];
    double[] weights = new double[n];
    double cash = capital;
    int from = 0;
    for (int t = 0; t < bars; t++) {
      boolean fires = t == 0 || dates.get(t).getMonthValue() != dates.get(t - 1).getMonthValue();
      if (!fires) {
        continue;
      }
      LocalDate begin = dates.get(t).minus(lookback);
      while (dates.get(from).isBefore(begin)) {
        from++;
      }
      boolean full = !dates.get(0).isAfter(begin);
      if (engineWarmUp && !full) {
        java.util.Arrays.fill(weights, 1.0 / n);
      } else {
        inverseVolatility(prices, from + 1, t, weights);
      }
      double value = cash;
      for (int i = 0; i < n; i++) {
        value += shares[i] * prices[i][t];
      }
      cash = value;
      for (int i = 0; i < n; i++) {
        shares[i] = weights[i] * value / prices[i][t];
        cash -= shares[i] * prices[i][t];
      }
    }
    double value = cash;
    for (int i = 0; i < n; i++) {
      value += shares[i] * prices[i][bars - 1];
    }
    return value;
  }

  /** Weights from the returns k in [first, t]; all 0 when fewer than 2 returns (σ is NaN). */
  private static void inverseVolatility(double[][] prices, int first, int t, double[] out) {
    int count = t - first + 1;
    double total = 0;
    for (int i = 0; i < prices.length; i++) {
      out[i] = 0;
      if (count < 2) {
        continue;
      }
      double mean = 0;
      for (int k = first; k <= t; k++) {
        mean += prices[i][k] / prices[i][k - 1] - 1;
      }
      mean /= count;
      double ss = 0;
      for (int k = first; k <= t; k++) {
        double d = prices[i][k] / prices[i][k - 1] - 1 - mean;
        ss += d * d;
      }
      if (ss > 0) {
        out[i] = 1 / Math.sqrt(ss / (count - 1));
        total += out[i];
      }
    }
    for (int i = 0; i < prices.length; i++) {
      out[i] = total > 0 ? out[i] / total : 0;
    }
  }
}
