package io.backgrid.engine.allocation;

import static io.backgrid.engine.allocation.Fixtures.at;
import static io.backgrid.engine.allocation.Fixtures.fromReturns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.param.Params;
import org.junit.jupiter.api.Test;

class RiskParityAllocationTest {
  static final double EPS = 1e-9;
  // σ_A = sample std of {0.01, −0.01} = √(0.0002/1) = 0.01·√2; σ_B = 0.02·√2.
  static final UnitReturns A = fromReturns(0.01, -0.01);
  static final UnitReturns B = fromReturns(0.02, -0.02);
  static final UnitReturns FLAT = fromReturns(0, 0);

  static AllocationAlgorithm riskParity(int sleeves) {
    return AllocationRegistry.create("risk-parity", Params.EMPTY, sleeves, Fixtures.panel(3));
  }

  @Test
  void weightsAreInverseVolatility() {
    // 1/σ_A : 1/σ_B = 2 : 1 → 2/3, 1/3.
    double[] w = new double[2];
    assertThat(riskParity(2).weights(at(2, 2, A, B), w)).isTrue();
    assertThat(w).containsExactly(new double[] {2 / 3.0, 1 / 3.0}, within(EPS));
  }

  @Test
  void zeroVolatilityIsFlooredAtMinVolatility() {
    // 1/σ: 1/(0.01√2) = 50√2, 1/(0.02√2) = 25√2, 1/0.001 = 1000; Σ = 75√2 + 1000.
    double[] w = new double[3];
    riskParity(3).weights(at(2, 2, A, B, FLAT), w);
    double total = 75 * Math.sqrt(2) + 1000;
    assertThat(w)
        .containsExactly(
            new double[] {50 * Math.sqrt(2) / total, 25 * Math.sqrt(2) / total, 1000 / total},
            within(EPS));
  }

  @Test
  void allFlatSleevesGetEqualWeights() {
    double[] w = new double[2];
    riskParity(2).weights(at(2, 2, FLAT, FLAT), w);
    assertThat(w).containsExactly(new double[] {0.5, 0.5}, within(EPS));
  }

  @Test
  void aSleeveWithoutHistoryKeepsTheCurrentWeightsInsteadOfTakingEverything() {
    // B's strategy warms up until return index 3: at t = 2 it has no history (RustyBT would
    // have floored its volatility and given it ~all the capital).
    UnitReturns late = new UnitReturns(new double[] {1, 1, 1}, 3);
    assertThat(riskParity(2).weights(at(2, 2, A, late), new double[2])).isFalse();
  }

  @Test
  void pausedSleeveGetsZeroAndSingleActiveSleeveGetsAll() {
    double[] w = new double[2];
    riskParity(2)
        .weights(
            at(2, Fixtures.panel(3), Lookback.ofBars(2), new boolean[] {false, true}, A, B), w);
    assertThat(w).containsExactly(new double[] {0, 1}, within(EPS));
  }
}
