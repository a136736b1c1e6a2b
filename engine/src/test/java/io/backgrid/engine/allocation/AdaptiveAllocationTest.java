package io.backgrid.engine.allocation;

import static io.backgrid.engine.allocation.Fixtures.fromReturns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.allocation.AdaptiveAllocation.Regime;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdaptiveAllocationTest {
  // Window 2 at t = 3 for the sleeves: A r = {0.10, 0.10} (R = 0.21), B flat.
  static final UnitReturns A = fromReturns(0.0, 0.10, 0.10);
  static final UnitReturns B = fromReturns(0.0, 0.0, 0.0);
  static final Map<String, Object> BASE =
      Map.of("benchmark", "SPY", "trend-lookback", 3, "vol-lookback", 2, "vol-threshold", 0.2);

  static AdaptiveAllocation adaptive(MarketPanel panel) {
    return (AdaptiveAllocation)
        AllocationRegistry.create("adaptive", Params.of(BASE, "allocation.adaptive"), 2, panel);
  }

  static AllocationContext context(MarketPanel panel, int t) {
    return Fixtures.at(t, panel, Lookback.ofBars(2), Fixtures.all(2), A, B);
  }

  @Test
  void quietUptrendUsesDynamic() {
    // P_3 = 103 ≥ SMA_3 = 102 → bull; r = 1/101, 1/102 → σ ≈ 7e-5 · √252 ≈ 0.001 ≤ 0.2 → quiet.
    MarketPanel panel = Fixtures.panelWithBenchmark(100, 101, 102, 103);
    AdaptiveAllocation algo = adaptive(panel);
    double[] w = new double[2];
    assertThat(algo.weights(context(panel, 3), w)).isTrue();
    assertThat(algo.lastRegime()).isEqualTo(Regime.BULL_QUIET);
    // dynamic (floor 0.05): scores 1, 0 → B floored at 0.05, A 0.95.
    assertThat(w).containsExactly(new double[] {0.95, 0.05}, within(1e-12));
  }

  @Test
  void volatileDowntrendUsesDrawdown() {
    // P_3 = 80 < SMA_3 = (110 + 90 + 80)/3 = 93.3 → bear; r = −20/110, −10/90:
    // σ = |−0.1818 + 0.1111|/√2 = 0.0500 → ·√252 = 0.79 > 0.2 → volatile.
    MarketPanel panel = Fixtures.panelWithBenchmark(100, 110, 90, 80);
    AdaptiveAllocation algo = adaptive(panel);
    double[] w = new double[2];
    assertThat(algo.weights(context(panel, 3), w)).isTrue();
    assertThat(algo.lastRegime()).isEqualTo(Regime.BEAR_VOLATILE);
    // drawdown: neither sleeve is in drawdown → scores 1, 1.
    assertThat(w).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
  }

  @Test
  void quietDowntrendAndVolatileUptrendAreRecognised() {
    // 103, 102, 101, 100: bear, quiet. 100, 90, 120, 130: 130 ≥ 113.3 bull, σ·√252 ≫ 0.2.
    MarketPanel bearQuiet = Fixtures.panelWithBenchmark(103, 102, 101, 100);
    assertThat(adaptive(bearQuiet).regime(context(bearQuiet, 3))).isEqualTo(Regime.BEAR_QUIET);
    MarketPanel bullVolatile = Fixtures.panelWithBenchmark(100, 90, 120, 130);
    assertThat(adaptive(bullVolatile).regime(context(bullVolatile, 3)))
        .isEqualTo(Regime.BULL_VOLATILE);
  }

  @Test
  void insufficientBenchmarkHistoryKeepsTheCurrentWeights() {
    // trend-lookback 3 needs t ≥ 2; vol-lookback 2 needs t ≥ 2.
    MarketPanel panel = Fixtures.panelWithBenchmark(100, 101, 102, 103);
    assertThat(adaptive(panel).weights(context(panel, 1), new double[2])).isFalse();
    MarketPanel unlisted = Fixtures.panelWithBenchmark(Double.NaN, 101, 102, 103);
    assertThat(adaptive(unlisted).weights(context(unlisted, 2), new double[2])).isFalse();
  }

  @Test
  void configurationErrorsNameTheParameter() {
    MarketPanel panel = Fixtures.panel(4);
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "adaptive",
                    Params.of(Map.of("benchmark", "SPX"), "allocation.adaptive"),
                    2,
                    panel))
        .hasMessage("Invalid allocation.adaptive.benchmark: SPX (not a symbol of the price data)");
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "adaptive", Params.of(Map.of(), "allocation.adaptive"), 2, panel))
        .hasMessage(
            "Missing allocation.adaptive.benchmark (required: a symbol of the price data, e.g."
                + " SPY)");
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "adaptive",
                    Params.of(Map.of("benchmark", "SPY", "bear-quiet", "adaptive"), "a"),
                    2,
                    panel))
        .hasMessage(
            "Invalid a.bear-quiet: adaptive (must be one of drawdown, dynamic, erc, fixed, kelly,"
                + " risk-parity)");
  }

  static AdaptiveAllocation adaptive(MarketPanel panel, Map<String, Object> extra) {
    Map<String, Object> params = new HashMap<>(BASE);
    params.putAll(extra);
    return (AdaptiveAllocation)
        AllocationRegistry.create("adaptive", Params.of(params, "allocation.adaptive"), 2, panel);
  }

  @Test
  void aWeakTrendIsSidewaysAndRunsItsOwnAlgorithmWithItsOwnParameters() {
    // 100, 101, 100, 101: SMA_3 = 302/3, P_3/SMA − 1 = 303/302 − 1 = 0.0033 < 0.01 → sideways
    // (without the threshold: 101 ≥ SMA → bull, volatile at σ·√252 ≈ 0.22).
    MarketPanel panel = Fixtures.panelWithBenchmark(100, 101, 100, 101);
    assertThat(adaptive(panel).regime(context(panel, 3))).isEqualTo(Regime.BULL_VOLATILE);
    AdaptiveAllocation algo =
        adaptive(
            panel,
            Map.of(
                "sideways-threshold",
                0.01,
                "sideways",
                "kelly",
                "sideways-estimator",
                "win-rate",
                "sideways-fraction",
                0.5));
    // kelly, win-rate, half: C {0.02, −0.01}: p = 1/2, b = 2 → f = 0.5 − 0.25 = 0.25 → 0.125;
    // D is flat → excluded.
    UnitReturns c = fromReturns(0.0, 0.02, -0.01);
    double[] w = new double[2];
    assertThat(algo.weights(Fixtures.at(3, panel, Lookback.ofBars(2), Fixtures.all(2), c, B), w))
        .isTrue();
    assertThat(algo.lastRegime()).isEqualTo(Regime.SIDEWAYS);
    assertThat(w).containsExactly(new double[] {0.125, 0}, within(1e-12));
  }

  @Test
  void aRegimesAlgorithmTakesTheParametersPrefixedWithItsName() {
    // Bull quiet as in quietUptrendUsesDynamic, but dynamic's floor set to 0: A 1, B 0.
    MarketPanel panel = Fixtures.panelWithBenchmark(100, 101, 102, 103);
    double[] w = new double[2];
    adaptive(panel, Map.of("bull-quiet-min-allocation", 0.0)).weights(context(panel, 3), w);
    assertThat(w).containsExactly(new double[] {1, 0}, within(1e-12));
    assertThatThrownBy(() -> adaptive(panel, Map.of("bull-quiet-score", "odds")))
        .hasMessage(
            "Invalid allocation.adaptive.bull-quiet-score: odds (must be return or sharpe)");
    assertThatThrownBy(() -> adaptive(panel, Map.of("bull-quiet-fraction", 0.5)))
        .hasMessage(
            "Unknown parameter allocation.adaptive.bull-quiet-fraction for allocation dynamic;"
                + " known: min-allocation, score");
  }
}
