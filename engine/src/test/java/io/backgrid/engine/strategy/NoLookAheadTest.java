package io.backgrid.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NoLookAheadTest {
  private static final int BARS = 400;
  private static final int CUT = 200;

  /** Each built-in with short windows, on a 2-symbol universe. */
  private static final List<Supplier<SleeveStrategy>> STRATEGIES =
      List.of(
          () -> new BuyAndHold(Params.EMPTY, 2),
          () -> new Momentum(Params.of(Map.of("lookback", 10, "top", 1, "rebalance-bars", 3)), 2),
          () ->
              new MeanReversion(
                  Params.of(Map.of("lookback", 10, "entry-z", 1.2, "exit-z", 0.2)), 2),
          () -> new TrendFollowing(Params.of(Map.of("fast", 5, "slow", 15)), 2),
          () -> new Pairs(Params.of(Map.of("lookback", 10, "entry-z", 1.2, "exit-z", 0.2)), 2));

  @Test
  void changingPricesAfterABarLeavesEveryDecisionUpToItUnchanged() {
    double[] a = Bars.randomWalk(1L, BARS, 0.03);
    double[] b = Bars.randomWalk(2L, BARS, 0.03);
    double[] a2 = a.clone();
    double[] b2 = b.clone();
    for (int t = CUT + 1; t < BARS; t++) {
      a2[t] = a[t] * 3.0 + t;
      b2[t] = b[t] * 0.2;
    }
    MarketPanel original = Bars.panel(a, b);
    MarketPanel altered = Bars.panel(a2, b2);

    for (Supplier<SleeveStrategy> strategy : STRATEGIES) {
      Bars.Run before = Bars.run(strategy.get(), original);
      Bars.Run after = Bars.run(strategy.get(), altered);
      String name = strategy.get().getClass().getSimpleName();
      for (int t = 0; t <= CUT; t++) {
        assertThat(after.decisions()[t])
            .as("%s decision at bar %d", name, t)
            .isEqualTo(before.decisions()[t]);
        assertThat(after.targets()[t])
            .as("%s targets at bar %d", name, t)
            .isEqualTo(before.targets()[t]);
      }
      assertThat(before.decisionBars())
          .as("%s must trade for the test to mean something", name)
          .isNotEmpty();
    }
  }

  @Test
  void skippedBarsAreCaughtUpSoTargetsMatchAnEveryBarRun() {
    MarketPanel panel =
        Bars.panel(Bars.randomWalk(3L, BARS, 0.03), Bars.randomWalk(4L, BARS, 0.03));
    for (Supplier<SleeveStrategy> strategy : STRATEGIES) {
      Bars.Run everyBar = Bars.run(strategy.get(), panel);
      Bars.Run everyThird = Bars.run(strategy.get(), panel, 3);
      for (int t = 0; t < BARS; t += 3) {
        assertThat(everyThird.targets()[t]).as("bar %d", t).isEqualTo(everyBar.targets()[t]);
      }
    }
  }
}
