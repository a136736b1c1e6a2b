package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.ArrayList;
import java.util.List;

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
 * <p>Parameters: declared once in {@link #TRAITS} (name, range, default and meaning of each; the
 * README's table is made from it). A regime's algorithm takes the keys {@code <regime>-<param>}.
 *
 * <p>Edge cases: fewer than max(L − 1, V) bars before t, or a benchmark price not yet available
 * (NaN) anywhere in the needed bars → false (keep the current weights); otherwise as the chosen
 * algorithm (single sleeve, paused sleeves, zero volatility, all-negative returns are its answers).
 */
final class AdaptiveAllocation implements AllocationAlgorithm {
  static final String NAME = "adaptive";

  static final double PERIODS_PER_YEAR = 252;

  static final ParamSpec BENCHMARK =
      ParamSpec.required(
          "benchmark", ParamSpec.Type.SYMBOL, "a symbol of the price data, e.g. SPY");
  static final ParamSpec TREND_LOOKBACK =
      ParamSpec.integer(
          "trend-lookback", 200, Range.closed(2, 10_000), "bars of the benchmark's moving average");
  static final ParamSpec SIDEWAYS_THRESHOLD =
      ParamSpec.number(
          "sideways-threshold",
          0.0,
          Range.closed(0, 1),
          "sideways when |P/SMA − 1| is under this (0: no sideways regime)");
  static final ParamSpec VOL_LOOKBACK =
      ParamSpec.integer(
          "vol-lookback", 20, Range.closed(2, 10_000), "bars of the benchmark's volatility");
  static final ParamSpec VOL_THRESHOLD =
      ParamSpec.number(
          "vol-threshold", 0.20, Range.closed(0, 10), "volatile above this annualised volatility");

  /** The algorithms a regime may use: every built-in but this one. */
  static final List<String> REGIME_CHOICES =
      List.of(
          DrawdownAllocation.NAME,
          DynamicAllocation.NAME,
          ErcAllocation.NAME,
          FixedAllocation.NAME,
          KellyAllocation.NAME,
          RiskParityAllocation.NAME);

  /** Each regime's algorithm, in the order of {@link Regime}. */
  static final List<ParamSpec> REGIMES =
      List.of(
          regime("bull-quiet", DynamicAllocation.NAME),
          regime("bull-volatile", RiskParityAllocation.NAME),
          regime("bear-quiet", ErcAllocation.NAME),
          regime("bear-volatile", DrawdownAllocation.NAME),
          regime("sideways", RiskParityAllocation.NAME));

  /** Reads its own windows and the benchmark, a symbol the price data must hold. */
  static final AlgorithmTraits TRAITS = new AlgorithmTraits(true, declared());

  private static ParamSpec regime(String name, String algorithm) {
    return ParamSpec.algorithm(
        name,
        algorithm,
        REGIME_CHOICES,
        "algorithm of the " + name + " regime; its parameters as " + name + "-<param>");
  }

  private static Declared declared() {
    List<ParamSpec> all =
        new ArrayList<>(
            List.of(BENCHMARK, TREND_LOOKBACK, SIDEWAYS_THRESHOLD, VOL_LOOKBACK, VOL_THRESHOLD));
    all.addAll(REGIMES);
    return new Declared("allocation " + NAME, all);
  }

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
    Declared declared = TRAITS.params();
    declared.refuseUnknown(params);
    String symbol = BENCHMARK.stringIn(params);
    if (!panel.hasSymbol(symbol)) {
      throw params.invalid(BENCHMARK.name(), symbol, "not a symbol of the price data");
    }
    AllocationAlgorithm[] algorithms = new AllocationAlgorithm[REGIMES.size()];
    for (int r = 0; r < algorithms.length; r++) {
      ParamSpec regime = REGIMES.get(r);
      algorithms[r] =
          AllocationRegistry.create(
              regime.stringIn(params), declared.nested(params, regime), sleeveCount, panel);
    }
    return new AdaptiveAllocation(
        panel.symbolIndex(symbol),
        TREND_LOOKBACK.intIn(params, sleeveCount),
        VOL_LOOKBACK.intIn(params, sleeveCount),
        VOL_THRESHOLD.doubleIn(params, sleeveCount),
        SIDEWAYS_THRESHOLD.doubleIn(params, sleeveCount),
        algorithms);
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
