package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sleeve at weight 0 waits in cash, is followed on paper, and wins capital back. */
class WeightZeroSleeveTest {
  static final MarketPanel MARKET = Markets.randomWalks(11, 3, 40);
  static final Rebalancing RISK_PARITY_DAILY =
      Rebalancing.of(
          "risk-parity",
          Params.EMPTY,
          Lookback.ofBars(5),
          RebalanceSchedule.of(RebalanceFrequency.DAILY));

  @Test
  void itKeepsNoCapitalUntilTheAlgorithmHasHistoryThenReceivesSomeAndItsReturnsCountFromThere() {
    PortfolioAllocator p =
        new PortfolioAllocator(MARKET, 100_000, Execution.DEFAULT, RISK_PARITY_DAILY)
            .addSleeve(SleeveSpec.of("a", "buy-and-hold", List.of("S00")), 0.5)
            .addSleeve(SleeveSpec.of("z", "buy-and-hold", List.of("S02")), 0.0);
    for (int t = 0; t < 5; t++) {
      p.executeBar();
      // Bars 1-4: a 5-bar lookback has no full window yet, so the current weights (0.5, 0) stay.
      assertThat(p.allocatedCents("z")).as("bar %d", t).isZero();
      assertThat(p.targetWeight("z")).isZero();
    }
    UnitReturns paper = p.sleeves().get(1).unitReturns();
    assertThat(paper.nav(4)).as("followed on paper while it held nothing").isNotEqualTo(1.0);

    p.executeBar(); // bar 5: inverse volatility over returns 1..5 gives z a weight

    assertThat(p.targetWeight("z")).isPositive();
    assertThat(p.allocatedCents("z")).isPositive();
    assertThat(p.ledger("z").quantity(0)).isPositive();
  }

  @Test
  void itsMetricsCountOnlyTheBarsWithCapital() {
    PortfolioConfig config =
        PortfolioConfig.of(
            100_000,
            Execution.DEFAULT,
            List.of(
                SleeveSpec.of("a", "buy-and-hold", List.of("S00")),
                SleeveSpec.of("z", "buy-and-hold", List.of("S02"))),
            new double[] {0.5, 0.0},
            RISK_PARITY_DAILY);

    SimulationResult result = Simulator.run(MARKET, config);

    // a: returns at bars 1..39; z: from bar 5, its first bar with capital (V_4 + flow_5 > 0), to
    // 39.
    assertThat(result.sleeve("a").metrics().periods()).isEqualTo(39);
    assertThat(result.sleeve("z").metrics().periods()).isEqualTo(35);
    assertThat(result.metrics().periods()).isEqualTo(39);
  }
}
