package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capital moved by the allocator never counts as a sleeve's profit, loss, peak or drawdown. */
class FlowsAreNotReturnsTest {

  @Test
  void aSleeveThatOnlyReceivesAndPaysTransfersShowsZeroReturn() {
    SleeveSpec stock = SleeveSpec.of("stock", "buy-and-hold", List.of("S00"));
    SleeveSpec cash =
        new SleeveSpec(
            "cash", "buy-and-hold", List.of("S01"), Params.of(Map.of("weights", List.of(0.0))));
    PortfolioConfig config =
        PortfolioConfig.of(
            1_000_000,
            Execution.DEFAULT,
            List.of(stock, cash),
            new double[] {0.5, 0.5},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY)));

    SimulationResult result = Simulator.run(Markets.randomWalks(5, 2, 200), config);

    SleeveResult c = result.sleeve("cash");
    assertThat(result.transfers())
        .filteredOn(t -> t.sleeve().equals("cash") && t.cents() < 0)
        .isNotEmpty();
    assertThat(result.transfers())
        .filteredOn(t -> t.sleeve().equals("cash") && t.cents() > 0)
        .hasSizeGreaterThan(1);
    assertThat(result.sleeveNavCents()[1][199]).isNotEqualTo(result.sleeveNavCents()[1][0]);
    assertThat(c.metrics().totalReturn()).isZero();
    assertThat(c.metrics().maxDrawdown()).isZero();
    assertThat(c.metrics().worstPeriod()).isZero();
    assertThat(c.metrics().bestPeriod()).isZero();
  }

  @Test
  void anInvestedSleevesReturnIsItsHoldingsReturnNotItsCapitalGrowth() {
    SleeveSpec stock = SleeveSpec.of("stock", "buy-and-hold", List.of("S00"));
    PortfolioConfig config =
        PortfolioConfig.of(
            1_000_000,
            Execution.at(io.backgrid.engine.execution.FillPrice.CLOSE)
                .withFractionalShares(true)
                .withNetting(false)
                .withCosts(io.backgrid.engine.execution.CostModel.ZERO),
            List.of(stock, SleeveSpec.of("other", "buy-and-hold", List.of("S01"))),
            new double[] {0.2, 0.3},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.WEEKLY)));
    var market = Markets.randomWalks(8, 2, 150);

    SimulationResult result = Simulator.run(market, config);

    // Fractional shares, no costs, fully invested: on every bar without a transfer the sleeve's
    // return is exactly the symbol's; its compounded return is nowhere near its capital growth,
    // which the weekly transfers dominate. (On transfer bars the flow counts from the start of the
    // bar, r = V_t / (V_{t-1} + flow_t) - 1, the DESIGN and bt convention.)
    long[] v = result.sleeveNavCents()[0];
    var transferDates =
        result.transfers().stream()
            .filter(t -> t.sleeve().equals("stock"))
            .map(Transfer::date)
            .toList();
    int checked = 0;
    for (int t = 1; t < 150; t++) {
      if (!transferDates.contains(market.date(t))) {
        double sleeveReturn = (double) v[t] / v[t - 1] - 1;
        assertThat(sleeveReturn)
            .isCloseTo(
                market.price(0, t) / market.price(0, t - 1) - 1,
                org.assertj.core.data.Offset.offset(2e-7));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
    double capitalGrowth = (double) v[149] / v[0] - 1;
    double priceReturn = market.price(0, 149) / market.price(0, 0) - 1;
    assertThat(result.sleeve("stock").metrics().totalReturn())
        .isCloseTo(priceReturn, org.assertj.core.data.Offset.offset(0.02));
    assertThat(Math.abs(capitalGrowth - result.sleeve("stock").metrics().totalReturn()))
        .isGreaterThan(0.05);
  }
}
