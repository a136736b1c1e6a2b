package io.backgrid.engine.allocation;

import static io.backgrid.engine.allocation.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawdownAllocationTest {
  static final double EPS = 1e-12;
  // Window of 3 bars at t = 3 → NAV bars 0..3.
  // A: peak 1.2, trough 0.9 (−25%), back to 1.2: DD = 0, ρ = 1 → score 1 + 0.1 = 1.1.
  static final UnitReturns A = new UnitReturns(new double[] {1.0, 1.2, 0.9, 1.2}, 1);
  // B: peak 1.0, trough 0.8, now 0.9: DD = −0.1, ρ = (0.9−0.8)/(1.0−0.8) = 0.5
  //    → score 1/1.1 + 0.1·0.5 = 0.909090… + 0.05.
  static final UnitReturns B = new UnitReturns(new double[] {1.0, 1.0, 0.8, 0.9}, 1);
  // C: rising, never in drawdown → score 1.
  static final UnitReturns C = new UnitReturns(new double[] {1.0, 1.05, 1.1, 1.15}, 1);
  // D: −30% from its peak > max-drawdown 0.2 → cut to min-allocation.
  static final UnitReturns D = new UnitReturns(new double[] {1.0, 0.9, 0.8, 0.7}, 1);

  static AllocationAlgorithm drawdown(double minAllocation, int sleeves) {
    return AllocationRegistry.create(
        "drawdown", Params.of(Map.of("min-allocation", minAllocation)), sleeves, Fixtures.panel(4));
  }

  @Test
  void scoresByDrawdownWithRecoveryBonusAndCutsDeepDrawdowns() {
    double a = 1.1;
    double b = 1 / 1.1 + 0.05;
    double c = 1.0;
    double sum = a + b + c;
    double[] w = new double[4];
    assertThat(drawdown(0.05, 4).weights(at(3, 3, A, B, C, D), w)).isTrue();
    // D gets 0.05; the others split 0.95 by score.
    assertThat(w)
        .containsExactly(
            new double[] {0.95 * a / sum, 0.95 * b / sum, 0.95 * c / sum, 0.05}, within(EPS));
  }

  @Test
  void drawdownOlderThanTheWindowIsForgotten() {
    // With a 1-bar window at t = 3, A's window is NAV bars 2..3: 0.9 → 1.2, no drawdown inside.
    // B's: 0.8 → 0.9, no drawdown. Both score 1.
    double[] w = new double[2];
    drawdown(0, 2).weights(at(3, 1, A, B), w);
    assertThat(w).containsExactly(new double[] {0.5, 0.5}, within(EPS));
  }

  @Test
  void allCutSleevesGetTheirMinimumAndTheRestIsCash() {
    double[] w = new double[2];
    drawdown(0.1, 2).weights(at(3, 3, D, D), w);
    assertThat(w).containsExactly(new double[] {0.1, 0.1}, within(EPS));
  }

  @Test
  void flatSleevesScoreOneEachAndASingleSleeveGetsAll() {
    UnitReturns flat = new UnitReturns(new double[] {1, 1, 1, 1}, 1);
    double[] w = new double[2];
    drawdown(0, 2).weights(at(3, 3, flat, flat), w);
    assertThat(w).containsExactly(new double[] {0.5, 0.5}, within(EPS));
    double[] one = new double[1];
    drawdown(0, 1).weights(at(3, 3, B), one);
    assertThat(one[0]).isCloseTo(1.0, within(EPS));
  }

  @Test
  void pausedSleeveGetsZeroAndInsufficientHistoryKeepsWeights() {
    double[] w = new double[3];
    drawdown(0, 3)
        .weights(
            at(
                3,
                Fixtures.panel(4),
                Lookback.ofBars(3),
                new boolean[] {true, false, true},
                A,
                B,
                C),
            w);
    assertThat(w).containsExactly(new double[] {1.1 / 2.1, 0, 1 / 2.1}, within(EPS));
    assertThat(drawdown(0, 3).weights(at(2, 3, A, B, C), w)).isFalse();
  }
}
