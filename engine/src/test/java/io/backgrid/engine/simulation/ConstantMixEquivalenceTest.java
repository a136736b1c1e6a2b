package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N single-symbol buy-and-hold sleeves with fixed weights rebalanced monthly (zero costs,
 * fractional shares) are a constant-mix portfolio of those symbols: the NAV path equals one
 * computed directly to 1e-9 relative. The capital is $1bn so that rounding cash to the cent (exact
 * money) stays below that tolerance.
 */
class ConstantMixEquivalenceTest {
  static final MarketPanel MARKET = Markets.randomWalks(42, 6, 1_000);
  static final String[] SYMBOLS = {"S00", "S03", "S04", "S05"};
  static final double[] WEIGHTS = {0.4, 0.3, 0.2, 0.1};
  static final double CAPITAL = 1e9;

  @Test
  void monthlyRebalancedSleevesReproduceADirectConstantMix() {
    List<SleeveSpec> sleeves = new java.util.ArrayList<>();
    for (String s : SYMBOLS) {
      sleeves.add(SleeveSpec.of(s.toLowerCase(), "buy-and-hold", List.of(s)));
    }
    PortfolioConfig config =
        PortfolioConfig.of(
            CAPITAL,
            Execution.atClose().withFractionalShares(true),
            sleeves,
            WEIGHTS,
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.MONTHLY)));

    SimulationResult result = Simulator.run(MARKET, config);

    double[] direct = constantMix();
    int rebalances = 0;
    for (int t = 0; t < MARKET.barCount(); t++) {
      double engine = result.navCents()[t] / 100.0;
      assertThat(Math.abs(engine / direct[t] - 1))
          .as("bar %d: %s vs %s", t, engine, direct[t])
          .isLessThan(1e-9);
    }
    rebalances = result.rebalanceCount();
    assertThat(rebalances).as("about one a month over ~4 years").isBetween(44, 48);
  }

  /** V_t = Σ h_i p_i(t); at bar 0 and at each month's first bar h_i = w_i · V_t / p_i(t). */
  private static double[] constantMix() {
    boolean[] fires = RebalanceSchedule.of(RebalanceFrequency.MONTHLY).fires(MARKET);
    double[] holdings = new double[SYMBOLS.length];
    double[] nav = new double[MARKET.barCount()];
    for (int t = 0; t < nav.length; t++) {
      double v = 0;
      for (int i = 0; i < SYMBOLS.length; i++) {
        v += holdings[i] * price(i, t);
      }
      v = t == 0 ? CAPITAL : v;
      if (fires[t]) {
        for (int i = 0; i < SYMBOLS.length; i++) {
          holdings[i] = WEIGHTS[i] * v / price(i, t);
        }
      }
      nav[t] = v;
    }
    return nav;
  }

  private static double price(int i, int t) {
    return MARKET.price(MARKET.symbolIndex(SYMBOLS[i]), t);
  }
}
