package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code adaptive}: picks another built-in by market regime, read from a benchmark symbol.
 *
 * <p>Regime at bar t, from the benchmark's trading price P (bars ≤ t only):
 *
 * <ul>
 *   <li>trend: with SMA_L = (1/L) Σ_{k=t−L+1}^{t} P_k, L = {@code trend-lookback}, the trend
 *       strength is |P_t / SMA_L − 1|; sideways when it is under {@code sideways-threshold}, else
 *       bull when P_t ≥ SMA_L and bear otherwise;
 *   <li>volatility: σ = sample std (n−1) of r_k = P_k / P_{k−1} − 1 for k in [t−V+1, t], V = {@code
 *       vol-lookback}, annualised σ·√252; volatile when it exceeds {@code vol-threshold}, quiet
 *       otherwise.
 * </ul>
 *
 * The algorithm named for the regime ({@code sideways}, else {@code bull-quiet}, {@code
 * bull-volatile}, {@code bear-quiet}, {@code bear-volatile}) then computes the weights, and its
 * answer (including false) is returned. A regime's algorithm takes its parameters from the keys
 * prefixed with the regime's name and a hyphen: {@code bull-quiet = dynamic, bull-quiet-score =
 * sharpe, bear-volatile-max-drawdown = 0.1} (flat keys, so each can be a grid axis such as {@code
 * allocation.adaptive.bull-quiet-score}); unprefixed, it runs with its defaults.
 *
 * <p>Parameters: {@code benchmark} (symbol, required, must be in the price data); {@code
 * trend-lookback} ∈ [2, 10000] bars, default 200; {@code sideways-threshold} ∈ [0, 1], default 0
 * (no sideways regime; e.g. 0.02 makes a benchmark within 2% of its average sideways); {@code
 * vol-lookback} ∈ [2, 10000] bars, default 20; {@code vol-threshold} (annualised) ∈ [0, 10],
 * default 0.20; {@code bull-quiet} default {@code dynamic}, {@code bull-volatile} default {@code
 * risk-parity}, {@code bear-quiet} default {@code erc}, {@code bear-volatile} default {@code
 * drawdown}, {@code sideways} default {@code risk-parity} (any built-in but {@code adaptive});
 * {@code <regime>-<parameter>} as above.
 *
 * <p>Edge cases: fewer than max(L − 1, V) bars before t, or a benchmark price not yet available
 * (NaN) anywhere in the needed bars → false (keep the current weights); otherwise as the chosen
 * algorithm (single sleeve, paused sleeves, zero volatility, all-negative returns are its answers).
 */
final class AdaptiveAllocation implements AllocationAlgorithm {
  static final String NAME = "adaptive";

  /** Reads its own windows and the benchmark, a symbol the price data must hold. */
  static final AlgorithmTraits TRAITS = new AlgorithmTraits(true, List.of("benchmark"));

  static final int TREND_LOOKBACK_DEFAULT = 200;
  static final int VOL_LOOKBACK_DEFAULT = 20;
  static final double VOL_THRESHOLD_DEFAULT = 0.20;
  static final double PERIODS_PER_YEAR = 252;
  static final Map<String, String> REGIME_DEFAULTS =
      Map.of(
          "bull-quiet", DynamicAllocation.NAME,
          "bull-volatile", RiskParityAllocation.NAME,
          "bear-quiet", ErcAllocation.NAME,
          "bear-volatile", DrawdownAllocation.NAME,
          "sideways", RiskParityAllocation.NAME);

  /** The regimes' keys, in the order of {@link Regime}. */
  static final String[] REGIME_KEYS = {
    "bull-quiet", "bull-volatile", "bear-quiet", "bear-volatile", "sideways"
  };

  /** Market regimes, in the order of {@link #regimeAlgorithms}. */
  enum Regime {
    BULL_QUIET,
    BULL_VOLATILE,
    BEAR_QUIET,
    BEAR_VOLATILE,
    SIDEWAYS
  }

  private final int benchmark;
  private final int trendLookback;
  private final int volLookback;
  private final double volThreshold;
  private final double sidewaysThreshold;
  private final AllocationAlgorithm[] regimeAlgorithms;
  private Regime lastRegime;

  AdaptiveAllocation(
      int benchmark,
      int trendLookback,
      int volLookback,
      double volThreshold,
      double sidewaysThreshold,
      AllocationAlgorithm[] regimeAlgorithms) {
    this.benchmark = benchmark;
    this.sidewaysThreshold = sidewaysThreshold;
    this.trendLookback = trendLookback;
    this.volLookback = volLookback;
    this.volThreshold = volThreshold;
    this.regimeAlgorithms = regimeAlgorithms.clone();
  }

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    List<String> known =
        new ArrayList<>(
            List.of(
                "benchmark",
                "trend-lookback",
                "vol-lookback",
                "vol-threshold",
                "sideways-threshold"));
    known.addAll(List.of(REGIME_KEYS));
    for (String key : params.keys()) {
      if (regimeOf(key) >= 0) {
        known.add(key);
      }
    }
    params.requireOnly("allocation " + NAME, known.toArray(new String[0]));
    String symbol = params.string("benchmark", null);
    if (symbol == null) {
      throw new IllegalArgumentException(
          "Missing "
              + params.pathOf("benchmark")
              + " for allocation "
              + NAME
              + " (a symbol of the price data, e.g. SPY)");
    }
    if (!panel.hasSymbol(symbol)) {
      throw params.invalid("benchmark", symbol, "not a symbol of the price data");
    }
    AllocationAlgorithm[] algorithms = new AllocationAlgorithm[REGIME_KEYS.length];
    for (int r = 0; r < REGIME_KEYS.length; r++) {
      algorithms[r] = regimeAlgorithm(params, r, sleeveCount, panel);
    }
    return new AdaptiveAllocation(
        panel.symbolIndex(symbol),
        params.integer("trend-lookback", TREND_LOOKBACK_DEFAULT, 2, 10_000),
        params.integer("vol-lookback", VOL_LOOKBACK_DEFAULT, 2, 10_000),
        params.number("vol-threshold", VOL_THRESHOLD_DEFAULT, 0.0, 10.0),
        params.number("sideways-threshold", 0.0, 0.0, 1.0),
        algorithms);
  }

  /**
   * The regime (index in {@link #REGIME_KEYS}) a {@code <regime>-<parameter>} key is for, or −1.
   */
  private static int regimeOf(String key) {
    if (key.equals("sideways-threshold")) {
      return -1; // adaptive's own
    }
    for (int r = 0; r < REGIME_KEYS.length; r++) {
      if (key.startsWith(REGIME_KEYS[r] + "-") && key.length() > REGIME_KEYS[r].length() + 1) {
        return r;
      }
    }
    return -1;
  }

  /** Regime r's algorithm with the parameters prefixed by its name; errors name the full key. */
  private static AllocationAlgorithm regimeAlgorithm(
      Params params, int r, int sleeveCount, MarketPanel panel) {
    String key = REGIME_KEYS[r];
    String name = params.string(key, REGIME_DEFAULTS.get(key));
    if (name.equals(NAME) || !AllocationRegistry.has(name)) {
      throw params.invalid(
          key,
          name,
          "must be one of "
              + String.join(", ", AllocationRegistry.names())
              + " other than "
              + NAME);
    }
    Map<String, Object> own = new TreeMap<>();
    String prefix = key + "-";
    params
        .asMap()
        .forEach(
            (k, v) -> {
              if (regimeOf(k) == r) {
                own.put(k.substring(prefix.length()), v);
              }
            });
    String path = params.pathOf(key);
    try {
      return AllocationRegistry.create(name, Params.of(own, path), sleeveCount, panel);
    } catch (IllegalArgumentException e) {
      // The nested parameters were written as flat keys: name them as written.
      throw new IllegalArgumentException(e.getMessage().replace(path + ".", path + "-"), e);
    }
  }

  /** The regime of the last call that had enough benchmark history (null before). */
  Regime lastRegime() {
    return lastRegime;
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    Regime regime = regime(context);
    if (regime == null) {
      Weights.zero(out);
      return false;
    }
    lastRegime = regime;
    return regimeAlgorithms[regime.ordinal()].weights(context, out);
  }

  /** The regime at the context's bar, or null without enough benchmark history. */
  Regime regime(AllocationContext context) {
    int t = context.bar();
    if (t < trendLookback - 1 || t < volLookback) {
      return null;
    }
    double sum = 0;
    for (int k = t - trendLookback + 1; k <= t; k++) {
      sum += context.price(benchmark, k);
    }
    double now = context.price(benchmark, t);
    double s = 0;
    for (int k = t - volLookback + 1; k <= t; k++) {
      s += context.price(benchmark, k) / context.price(benchmark, k - 1) - 1.0;
    }
    double mean = s / volLookback;
    double ss = 0;
    for (int k = t - volLookback + 1; k <= t; k++) {
      double d = context.price(benchmark, k) / context.price(benchmark, k - 1) - 1.0 - mean;
      ss += d * d;
    }
    double variance = ss / (volLookback - 1);
    if (Double.isNaN(sum) || Double.isNaN(variance)) {
      return null;
    }
    double average = sum / trendLookback;
    if (Math.abs(now / average - 1.0) < sidewaysThreshold) {
      return Regime.SIDEWAYS;
    }
    boolean bull = now >= average;
    boolean volatile_ = Math.sqrt(variance * PERIODS_PER_YEAR) > volThreshold;
    if (bull) {
      return volatile_ ? Regime.BULL_VOLATILE : Regime.BULL_QUIET;
    }
    return volatile_ ? Regime.BEAR_VOLATILE : Regime.BEAR_QUIET;
  }
}
