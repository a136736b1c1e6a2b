package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Netting totals per configuration and per rebalance, against the fills they sum. */
class NettingTotalsTest {
  @Test
  void savingsAreAPercentageOfTheStandAloneCosts() {
    assertThat(new NettingTotals(1_000, 600, 400, 30, 10).savingsPercent()).isEqualTo(25.0);
    assertThat(NettingTotals.NONE.savingsPercent()).isNaN();
  }

  @Test
  void totalsAreTheFillsSumsPerConfigurationAndPerRebalance() {
    boolean crossedSomewhere = false;
    for (long seed = 1; seed <= 12; seed++) {
      MarketPanel market = Markets.randomWalks(seed, 5, 120);
      PortfolioConfig config = RandomPortfolios.random(seed, 5);
      SimulationResult result = Simulator.run(market, config);
      List<Trade> trades = result.trades();
      NettingTotals total = result.netting();

      assertThat(total.grossCents()).isEqualTo(notional(trades, null));
      // Each fill and each market order is rounded to cents on its own.
      assertThat((double) total.crossedCents())
          .isCloseTo(total.grossCents() - total.netCents(), within(1.0 * trades.size()));
      assertThat(total.costsCents()).isEqualTo(result.costsCents());
      assertThat(total.savingsCents()).isEqualTo(result.nettingSavingsCents());
      // Both legs of each crossed share, rounded to cents per fill and per market order.
      double crossed = 0;
      for (Trade t : trades) {
        crossed += t.crossedQuantity() * t.price() * 100;
      }
      assertThat((double) total.crossedCents()).isCloseTo(crossed, within(1.0 * trades.size()));
      if (!config.execution().netting()) {
        assertThat(total.crossedCents()).isZero();
      }
      crossedSomewhere |= total.crossedCents() > 0;

      // One execution point per bar: a rebalance's fills are the fills dated at its execution
      // point (the initial allocation's, with next-open fills, at the next bar).
      for (int k = 0; k < result.rebalances().size(); k++) {
        RebalanceRecord r = result.rebalances().get(k);
        LocalDate day =
            k == 0 && config.execution().fill() == FillPrice.NEXT_OPEN ? market.date(1) : r.date();
        assertThat(r.netting().grossCents())
            .as("seed %d, %s", seed, r)
            .isEqualTo(notional(trades, day));
      }
    }
    assertThat(crossedSomewhere).isTrue();
  }

  private static long notional(List<Trade> trades, LocalDate day) {
    long sum = 0;
    for (Trade t : trades) {
      if (day == null || t.date().equals(day)) {
        sum += t.notionalCents();
      }
    }
    return sum;
  }
}
