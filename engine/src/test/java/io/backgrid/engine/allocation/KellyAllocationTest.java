package io.backgrid.engine.allocation;

import static io.backgrid.engine.allocation.Fixtures.at;
import static io.backgrid.engine.allocation.Fixtures.fromReturns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KellyAllocationTest {
  static final double EPS = 1e-9;
  // A {0.10, −0.06}: μ = 0.02, σ² = (0.08² + 0.08²)/1 = 0.0128 → μ/σ² = 1.5625.
  static final UnitReturns A = fromReturns(0.10, -0.06);
  // C {0.09, −0.05}: μ = 0.02, σ² = 2·0.07² = 0.0098 → μ/σ² = 2.040816…
  static final UnitReturns C = fromReturns(0.09, -0.05);
  // N {0.05, −0.07}: μ = −0.01 → f < 0 → 0.
  static final UnitReturns N = fromReturns(0.05, -0.07);

  static AllocationAlgorithm kelly(double fraction, int sleeves) {
    return AllocationRegistry.create(
        "kelly", Params.of(Map.of("fraction", fraction)), sleeves, Fixtures.panel(3));
  }

  @Test
  void keepsTheRestInCashWhenTheFractionsSumBelowOne() {
    // f_A = 0.5·1.5625 = 0.78125, f_N = 0 → 21.875% cash.
    double[] w = new double[2];
    assertThat(kelly(0.5, 2).weights(at(2, 2, A, N), w)).isTrue();
    assertThat(w).containsExactly(new double[] {0.78125, 0}, within(EPS));
  }

  @Test
  void scalesToOneWhenTheFractionsSumAboveOne() {
    // f_A = 0.78125, f_C = 0.5·0.02/0.0098 = 1.020408…; Σ = 1.801658… → scaled.
    double fa = 0.78125;
    double fc = 0.5 * 0.02 / 0.0098;
    double[] w = new double[2];
    kelly(0.5, 2).weights(at(2, 2, A, C), w);
    assertThat(w).containsExactly(new double[] {fa / (fa + fc), fc / (fa + fc)}, within(EPS));
  }

  @Test
  void theFractionMattersBecauseNothingIsClampedBeforeNormalising() {
    // Quarter Kelly: 0.25·1.5625 = 0.390625, 0.25·2.040816 = 0.510204; Σ = 0.900829 < 1.
    double[] w = new double[2];
    kelly(0.25, 2).weights(at(2, 2, A, C), w);
    assertThat(w).containsExactly(new double[] {0.390625, 0.25 * 0.02 / 0.0098}, within(EPS));
  }

  @Test
  void allNegativeMeansGoToCash() {
    double[] w = {0.3, 0.3};
    assertThat(kelly(0.5, 2).weights(at(2, 2, N, fromReturns(-0.01, -0.02)), w)).isTrue();
    assertThat(w).containsExactly(0, 0);
  }

  @Test
  void zeroVarianceIsExcludedAndTinyVarianceUsesMinVariance() {
    // D {0.01, 0.01}: zero variance → excluded, weight 0; A alone: f_A = 0.78125 ≤ 1 → kept.
    UnitReturns d = fromReturns(0.01, 0.01);
    double[] w = new double[2];
    AllocationContext context = at(2, 2, A, d);
    kelly(0.5, 2).weights(context, w);
    assertThat(w).containsExactly(new double[] {0.78125, 0}, within(EPS));
    assertThat(context.exclusionNote()).isEqualTo("; zero variance, weight 0: sleeve 1");
    // E {0.01, 0.0101}: σ² = 5e-9 < 1e-6 → 1e-6: f_E = 0.5·0.01005/1e-6 = 5025; Σ > 1 → scaled.
    UnitReturns e = fromReturns(0.01, 0.0101);
    kelly(0.5, 2).weights(at(2, 2, A, e), w);
    double total = 0.78125 + 5025;
    assertThat(w).containsExactly(new double[] {0.78125 / total, 5025 / total}, within(1e-7));
  }

  @Test
  void singleSleeveGetsItsFractionCappedAtOne() {
    double[] w = new double[1];
    kelly(0.5, 1).weights(at(2, 2, A), w);
    assertThat(w[0]).isCloseTo(0.78125, within(EPS));
    kelly(1.0, 1).weights(at(2, 2, A), w);
    assertThat(w[0]).isCloseTo(1.0, within(EPS)); // 1.5625 > 1 → scaled to 1
  }

  @Test
  void pausedSleeveGetsZeroAndInsufficientHistoryKeepsWeights() {
    double[] w = new double[2];
    kelly(0.5, 2)
        .weights(
            at(2, Fixtures.panel(3), Lookback.ofBars(2), new boolean[] {true, false}, A, C), w);
    assertThat(w).containsExactly(new double[] {0.78125, 0}, within(EPS));
    assertThat(kelly(0.5, 2).weights(at(1, 2, A, C), w)).isFalse();
  }

  @Test
  void winRateEstimatorUsesTheWinRateAndPayoffRatio() {
    // W {0.02, −0.01, 0.03, −0.02}: p = 2/4, b = 0.025/0.015 = 5/3 → f = 0.5 − 0.5·3/5 = 0.2.
    // X {0.01, 0.01, 0, −0.01}: the flat bar counts as neither, p = 2/3, b = 1 → f = 1/3.
    // Half Kelly: 0.1 and 1/6, Σ = 0.2667 ≤ 1 → kept, the rest in cash.
    UnitReturns w = fromReturns(0.02, -0.01, 0.03, -0.02);
    UnitReturns x = fromReturns(0.01, 0.01, 0, -0.01);
    AllocationAlgorithm kelly =
        AllocationRegistry.create(
            "kelly",
            Params.of(Map.of("fraction", 0.5, "estimator", "win-rate")),
            2,
            Fixtures.panel(5));
    double[] out = new double[2];
    assertThat(kelly.weights(at(4, 4, w, x), out)).isTrue();
    assertThat(out).containsExactly(new double[] {0.1, 1 / 6.0}, within(EPS));
  }

  @Test
  void withDailyMomentsTheFractionOnlyMattersBelowASumOfOne() {
    // G {0.0104, −0.0096}: μ = 0.0004 (≈ 10% a year), σ² = 2·0.01² = 0.0002 (σ ≈ 22% a year):
    // full Kelly μ/σ² = 2, half 1; two copies give Σ f = 4 or 2, both scaled to 1/2, 1/2.
    UnitReturns g = fromReturns(0.0104, -0.0096);
    double[] full = new double[2];
    double[] half = new double[2];
    kelly(1.0, 2).weights(at(2, 2, g, g), full);
    kelly(0.5, 2).weights(at(2, 2, g, g), half);
    assertThat(full).containsExactly(new double[] {0.5, 0.5}, within(EPS));
    assertThat(half).containsExactly(full, within(EPS));
  }

  @Test
  void unknownEstimatorIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "kelly",
                    Params.of(Map.of("estimator", "odds"), "allocation.kelly"),
                    2,
                    Fixtures.panel(3)))
        .hasMessage("Invalid allocation.kelly.estimator: odds (must be moments or win-rate)");
  }
}
