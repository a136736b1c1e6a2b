package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.strategy.TargetWeights;
import io.backgrid.engine.strategy.WeightSchedule;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The strategy contract ({@code SleeveStrategy}): a strategy decides on a paper ledger, so a
 * sleeve's unit returns do not depend on the portfolio around it. A four-symbol sleeve that sets
 * new weights every bar, alone (weight 1, fractional shares, no costs) and at weight 0.5 beside two
 * buy-and-hold sleeves rebalanced weekly (capital moving in and out of it), has the same return at
 * every bar: the alone portfolio's r_t = V_t / V_{t−1} − 1 equals the sleeve's r_t = (V_t − flow_t)
 * / V_{t−1} − 1 inside the portfolio (fills at the close: the flow arrives after the bar's price
 * move), to cent rounding on $1bn.
 */
class PaperLedgerContractTest {
  static final MarketPanel MARKET = Markets.randomWalks(7, 6, 400);
  static final Execution FRACTIONAL_FREE = Execution.atClose().withFractionalShares(true);
  static final SleeveSpec DAILY = dailyWeights();

  /** Seeded weights on every bar, each in [0, 0.25), so between 0 and 1 in all. */
  static SleeveSpec dailyWeights() {
    List<String> symbols = List.of("S00", "S03", "S04", "S05");
    long[] days = new long[MARKET.barCount()];
    double[] weights = new double[days.length * symbols.size()];
    SplittableRandom random = new SplittableRandom(3);
    for (int t = 0; t < days.length; t++) {
      days[t] = MARKET.date(t).toEpochDay();
      for (int i = 0; i < symbols.size(); i++) {
        weights[t * symbols.size() + i] = 0.25 * random.nextDouble();
      }
    }
    WeightSchedule schedule = new WeightSchedule("daily.parquet", symbols, days, weights, false);
    return new SleeveSpec(
        "daily",
        TargetWeights.NAME,
        symbols,
        TargetWeights.withSchedule(Params.of(Map.of("path", "daily.parquet")), schedule));
  }

  @Test
  void aSleeveAloneAndInsideAPortfolioHaveTheSameUnitReturns() {
    SimulationResult alone =
        Simulator.run(
            MARKET,
            PortfolioConfig.of(
                1e9,
                FRACTIONAL_FREE,
                List.of(DAILY),
                new double[] {1.0},
                Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.WEEKLY))));
    SimulationResult inside =
        Simulator.run(
            MARKET,
            PortfolioConfig.of(
                1e9,
                FRACTIONAL_FREE,
                List.of(
                    DAILY,
                    SleeveSpec.of("a", "buy-and-hold", List.of("S03")),
                    SleeveSpec.of("b", "buy-and-hold", List.of("S05"))),
                new double[] {0.5, 0.3, 0.2},
                Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.WEEKLY))));

    long[] flows = new long[MARKET.barCount()];
    int moved = 0;
    for (Transfer transfer : inside.transfers()) {
      if (transfer.sleeve().equals("daily")) {
        flows[MARKET.dates().indexOf(transfer.date())] += transfer.cents();
        moved++;
      }
    }
    assertThat(moved).as("capital moved in and out of the sleeve").isGreaterThan(10);

    long[] aloneNav = alone.navCents();
    long[] sleeveNav = inside.sleeveNavCents()[0];
    int compared = 0;
    for (int t = 1; t < MARKET.barCount(); t++) {
      double expected = (double) aloneNav[t] / aloneNav[t - 1] - 1;
      double actual = (double) (sleeveNav[t] - flows[t]) / sleeveNav[t - 1] - 1;
      assertThat(actual)
          .as("bar %d", t)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
      if (expected != 0) {
        compared++;
      }
    }
    assertThat(compared).as("bars with a return to compare").isGreaterThan(300);
  }
}
