package io.backgrid.engine.strategy;

import static io.backgrid.engine.strategy.Bars.NA;
import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumTest {

  @Test
  void holdsTheTopSymbolAndSwitchesWhenTheRankingChanges() {
    Bars.Run run =
        Bars.run(
            new Momentum(Params.of(Map.of("lookback", 2, "top", 1)), 3),
            Bars.panel(
                new double[] {100, 100, 110, 110, 110, 110},
                new double[] {100, 100, 100, 100, 130, 130},
                new double[] {NA, 100, 100, 100, 100, 100}));

    // bar 2: S0 110/100-1 = 0.10, S1 100/100-1 = 0, S2 no price at bar 0 -> not eligible: S0
    // bar 3: S0 110/100-1 = 0.10, S1 0, S2 0: S0 stays
    // bar 4: S0 110/110-1 = 0, S1 130/100-1 = 0.30, S2 0: S1
    // bar 5: S0 0, S1 130/100-1 = 0.30, S2 0: S1 stays
    assertThat(run.decisionBars()).containsExactly(2, 4);
    assertThat(run.targets()[1]).containsExactly(0.0, 0.0, 0.0);
    assertThat(run.targets()[2]).containsExactly(1.0, 0.0, 0.0);
    assertThat(run.targets()[3]).containsExactly(1.0, 0.0, 0.0);
    assertThat(run.targets()[4]).containsExactly(0.0, 1.0, 0.0);
    assertThat(run.targets()[5]).containsExactly(0.0, 1.0, 0.0);
  }

  @Test
  void holdsTheLeastNegativeOnTiesTheLowerSlot() {
    Bars.Run run =
        Bars.run(
            new Momentum(Params.of(Map.of("lookback", 1, "top", 1)), 3),
            Bars.panel(new double[] {100, 90}, new double[] {100, 95}, new double[] {100, 95}));

    // bar 1: returns -0.10, -0.05, -0.05: S1 and S2 tie, the lower slot S1 wins
    assertThat(run.decisionBars()).containsExactly(1);
    assertThat(run.targets()[1]).containsExactly(0.0, 1.0, 0.0);
  }

  @Test
  void weighsEachHeld1OverKEvenWithFewerEligible() {
    Bars.Run run =
        Bars.run(
            new Momentum(Params.of(Map.of("lookback", 1, "top", 2)), 3),
            Bars.panel(
                new double[] {100, 101, 102},
                new double[] {NA, 100, 103},
                new double[] {NA, NA, 100}));

    // bar 1: only S0 eligible -> S0 at 1/K = 0.5, half the sleeve in cash
    // bar 2: S0 102/101-1 = 0.0099, S1 103/100-1 = 0.03, S2 not eligible -> S1 and S0
    assertThat(run.decisionBars()).containsExactly(1, 2);
    assertThat(run.targets()[1]).containsExactly(0.5, 0.0, 0.0);
    assertThat(run.targets()[2]).containsExactly(0.5, 0.5, 0.0);
  }

  @Test
  void reranksOnlyEveryRebalanceBarsFromTheWarmupBar() {
    Bars.Run run =
        Bars.run(
            new Momentum(Params.of(Map.of("lookback", 1, "top", 1, "rebalance-bars", 2)), 2),
            Bars.panel(new double[] {100, 110, 100, 100}, new double[] {100, 100, 120, 130}));

    // rankings at bars 1, 3
    // bar 1: S0 +0.10, S1 0 -> S0
    // bar 2: S1 would lead (120/100-1 = 0.20) but no ranking -> S0 kept
    // bar 3: S0 100/100-1 = 0, S1 130/120-1 = 0.083 -> S1
    assertThat(run.decisionBars()).containsExactly(1, 3);
    assertThat(run.targets()[2]).containsExactly(1.0, 0.0);
    assertThat(run.targets()[3]).containsExactly(0.0, 1.0);
  }

  @Test
  void warmupIsTheLookbackAndTopDefaultsToAtMostThree() {
    assertThat(new Momentum(Params.EMPTY, 5).warmupBars()).isEqualTo(60);
    Bars.Run run =
        Bars.run(
            new Momentum(Params.of(Map.of("lookback", 1)), 2),
            Bars.panel(new double[] {100, 101}, new double[] {100, 99}));
    // n = 2 -> K = min(3, 2) = 2: both held at 1/2
    assertThat(run.targets()[1]).containsExactly(0.5, 0.5);
  }
}
