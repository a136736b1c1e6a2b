package io.backgrid.engine.stats;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A study's benchmark: one symbol of the data, or a portfolio of symbols with fixed weights
 * rebalanced on a schedule.
 *
 * <p>Its value path over a panel's bars t = 0 … T−1, with P_{j,t} the trading price (adjusted
 * close) of symbol j: B_0 = 1; on a bar the schedule fires (bar 0 always, {@link
 * RebalanceSchedule#fires}) the units become u_j = w_j·B_t / P_{j,t}; B_t = Σ_j u_j·P_{j,t−}, the
 * units held before that bar's rebalance. No costs, fractional units, no cash (the weights sum to
 * 1). A single symbol is weight 1, never rebalanced: B_t = P_t / P_0.
 *
 * @param weights symbol → weight, each in (0, 1], summing to 1 within 1e-9, in the order given (a
 *     study gives them by symbol)
 * @param rebalance when the weights are restored
 */
public record BenchmarkPortfolio(Map<String, Double> weights, RebalanceSchedule rebalance)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** How far from 1 the weights' sum may be (rounding of decimal weights such as 0.1 + 0.2). */
  public static final double SUM_TOLERANCE = 1e-9;

  /** Validates the weights. */
  public BenchmarkPortfolio {
    Objects.requireNonNull(rebalance, "rebalance");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("Invalid benchmark: no symbol (must name at least one)");
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      double w = e.getValue();
      if (!(w > 0 && w <= 1)) {
        throw new IllegalArgumentException(
            "Invalid benchmark weight of " + e.getKey() + ": " + w + " (must be in (0, 1])");
      }
      sum += w;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "Invalid benchmark weights: " + weights + " sum to " + sum + " (must sum to 1)");
    }
    weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** One symbol, held: B_t = P_t / P_0. */
  public static BenchmarkPortfolio of(String symbol) {
    return new BenchmarkPortfolio(
        Map.of(symbol, 1.0), RebalanceSchedule.of(RebalanceFrequency.NEVER));
  }

  /** The symbols, in the order given. */
  public List<String> symbols() {
    return List.copyOf(weights.keySet());
  }

  /**
   * A one-line description: the symbol alone, or {@code SPY 0.6, IEF 0.4 rebalanced monthly}; the
   * same benchmark always gives the same text (it enters the data fingerprint).
   */
  public String describe() {
    if (weights.size() == 1) {
      return weights.keySet().iterator().next();
    }
    StringBuilder b = new StringBuilder();
    weights.forEach(
        (s, w) -> b.append(b.length() == 0 ? "" : ", ").append(s).append(' ').append(text(w)));
    return b.append(" rebalanced ").append(rebalance).toString();
  }

  private static String text(double w) {
    return new java.math.BigDecimal(Double.toString(w)).stripTrailingZeros().toPlainString();
  }

  /**
   * The benchmark's value path over the panel's bars.
   *
   * @throws IllegalArgumentException naming the symbol when the panel lacks it, or when it has no
   *     price on the panel's first date (it listed later)
   */
  public BenchmarkSeries series(MarketPanel panel) {
    int bars = panel.barCount();
    int k = weights.size();
    int[] index = new int[k];
    double[] w = new double[k];
    int j = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (!panel.hasSymbol(e.getKey())) {
        throw new IllegalArgumentException(
            "Unknown benchmark symbol '"
                + e.getKey()
                + "'; the price panel has "
                + panel.symbols().size()
                + " symbols");
      }
      index[j] = panel.symbolIndex(e.getKey());
      w[j++] = e.getValue();
    }
    for (int s = 0; s < k; s++) {
      if (!(panel.price(index[s], 0) > 0)) {
        int first = panel.firstBar(index[s]);
        throw new IllegalArgumentException(
            "Cannot compute the benchmark "
                + describe()
                + ": "
                + panel.symbol(index[s])
                + " has no price on "
                + panel.date(0)
                + (first < 0 ? " (no bar at all)" : " (its data start " + panel.date(first) + ")")
                + "; every benchmark symbol must have a price from the study's first date");
      }
    }
    boolean[] fires = rebalance.fires(panel);
    long[] days = new long[bars];
    double[] nav = new double[bars];
    double[] units = new double[k];
    double value = 1;
    for (int t = 0; t < bars; t++) {
      days[t] = panel.date(t).toEpochDay();
      if (t > 0) {
        value = 0;
        for (int s = 0; s < k; s++) {
          value += units[s] * panel.price(index[s], t);
        }
      }
      nav[t] = value;
      if (fires[t]) {
        for (int s = 0; s < k; s++) {
          units[s] = w[s] * value / panel.price(index[s], t);
        }
      }
    }
    return new BenchmarkSeries(describe(), days, nav);
  }
}
