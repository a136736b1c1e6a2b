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
  void aZeroVarianceSleeveIsExcludedAndNamedInTheNote() {
    // FLAT's window {0, 0} has zero variance: weight 0 (bt drops it); A and B as above.
    double[] w = new double[3];
    AllocationContext context = at(2, 2, A, B, FLAT);
    assertThat(riskParity(3).weights(context, w)).isTrue();
    assertThat(w).containsExactly(new double[] {2 / 3.0, 1 / 3.0, 0}, within(EPS));
    assertThat(context.excluded(2)).isTrue();
    assertThat(context.exclusionNote()).isEqualTo("; zero variance, weight 0: sleeve 2");
  }

  @Test
  void tinyButNonZeroVolatilityIsFlooredAtMinVolatility() {
    // TINY {0.0001, 0.0002}: σ = √(2·0.00005²) ≈ 7.1e-5 < 0.001 → floored: 1/σ = 1000.
    // 1/σ: A 50√2, B 25√2, TINY 1000; Σ = 75√2 + 1000.
    UnitReturns tiny = fromReturns(0.0001, 0.0002);
    double[] w = new double[3];
    AllocationContext context = at(2, 2, A, B, tiny);
    riskParity(3).weights(context, w);
    double total = 75 * Math.sqrt(2) + 1000;
    assertThat(w)
        .containsExactly(
            new double[] {50 * Math.sqrt(2) / total, 25 * Math.sqrt(2) / total, 1000 / total},
            within(EPS));
    assertThat(context.exclusionNote()).isEmpty();
  }

  @Test
  void allFlatSleevesLeaveTheBudgetInTheReserve() {
    double[] w = {0.5, 0.5};
    AllocationContext context = at(2, 2, FLAT, FLAT);
    assertThat(riskParity(2).weights(context, w)).isTrue();
    assertThat(w).containsExactly(0, 0);
    assertThat(context.exclusionNote()).isEqualTo("; zero variance, weight 0: sleeve 0, sleeve 1");
  }

  @Test
  void aSleeveWithoutHistoryKeepsItsWeightAndTheOthersShareTheRest() {
    // LATE's strategy warms up until return index 3: at t = 2 it has no window. It keeps its
    // current 1/3 (it does not take the weight a zero volatility would give it); A and B share
    // 2/3 as 2 : 1 → 4/9, 2/9.
    UnitReturns late = new UnitReturns(new double[] {1, 1, 1}, 3);
    double[] w = new double[3];
    assertThat(riskParity(3).weights(at(2, 2, A, B, late), w)).isTrue();
    assertThat(w).containsExactly(new double[] {4 / 9.0, 2 / 9.0, 1 / 3.0}, within(EPS));
  }

  @Test
  void noSleeveWithAFullWindowKeepsTheCurrentWeights() {
    assertThat(riskParity(2).weights(at(1, 2, A, B), new double[2])).isFalse();
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
