package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The portfolio's turnover counts what reached the market: τ_t = min(bought_t, sold_t) / NAV_t,
 * annualised as mean(τ) · 252 over the returns, where with netting bought_t and sold_t are the net
 * order of each symbol at each execution point — shares one sleeve sold another are not portfolio
 * turnover. Checked against a recomputation from the trade log on a portfolio whose sleeves trade
 * the same symbols at the same bars, so that netting crosses some of their shares.
 */
class PortfolioTurnoverTest {
  static final MarketPanel MARKET = Markets.randomWalks(11, 3, 250);

  /**
   * Three sleeves trading the same symbols on their own signals, so they often trade them at the
   * same bar.
   */
  static final List<SleeveSpec> SLEEVES =
      List.of(
          new SleeveSpec(
              "momentum",
              "momentum",
              List.of("S00", "S01", "S02"),
              Params.of(Map.of("lookback", 10, "top", 1))),
          new SleeveSpec(
              "reversion",
              "mean-reversion",
              List.of("S00", "S01", "S02"),
              Params.of(Map.of("lookback", 10, "entry-z", 1.0, "exit-z", 0.2))),
          SleeveSpec.of("hold", "buy-and-hold", List.of("S00", "S02")));

  private static SimulationResult run(boolean netting) {
    Execution execution =
        Execution.atClose()
            .withNetting(netting)
            .withCosts(CostModel.perShare(0.005, 1.0).withCommissionBps(1).withSlippageBps(2));
    return Simulator.run(
        MARKET,
        PortfolioConfig.of(
            1_000_000,
            execution,
            SLEEVES,
            new double[] {0.4, 0.3, 0.3},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY))));
  }

  /**
   * Annualised turnover from the trade log: per bar, the notional of every buy and of every sell,
   * less (when {@code marketOnly}) the part of each fill crossed against another sleeve — what the
   * trade log says reached the market. Cents may differ from the engine's by rounding (it rounds
   * each net order once), hence the tolerance of the comparisons.
   */
  private static double turnoverFromTrades(SimulationResult r, boolean marketOnly) {
    Map<LocalDate, double[]> byDate = new HashMap<>();
    for (Trade t : r.trades()) {
      double shares = Math.abs(t.quantity()) - (marketOnly ? t.crossedQuantity() : 0);
      byDate.computeIfAbsent(t.date(), d -> new double[2])[t.quantity() > 0 ? 0 : 1] +=
          shares * t.price() * 100;
    }
    double sum = 0;
    for (int t = 1; t < r.dates().size(); t++) {
      double[] bs = byDate.getOrDefault(r.dates().get(t), new double[2]);
      sum += Math.min(bs[0], bs[1]) / r.navCents()[t];
    }
    return sum / (r.dates().size() - 1) * 252;
  }

  /** A sleeve's annualised turnover from its own fills, crossed or not, over its NAV path. */
  private static double sleeveTurnoverFromTrades(SimulationResult r, String sleeve) {
    int i = r.sleeves().indexOf(r.sleeve(sleeve));
    Map<LocalDate, long[]> byDate = new HashMap<>();
    for (Trade t : r.trades()) {
      if (t.sleeve().equals(sleeve)) {
        byDate.computeIfAbsent(t.date(), d -> new long[2])[t.quantity() > 0 ? 0 : 1] +=
            t.notionalCents();
      }
    }
    double sum = 0;
    for (int t = 1; t < r.dates().size(); t++) {
      long[] bs = byDate.getOrDefault(r.dates().get(t), new long[2]);
      sum += (double) Math.min(bs[0], bs[1]) / r.sleeveNavCents()[i][t];
    }
    return sum / (r.dates().size() - 1) * 252;
  }

  @Test
  void withNettingTheSharesCrossedBetweenSleevesAreNotPortfolioTurnover() {
    SimulationResult r = run(true);

    assertThat(r.trades()).anySatisfy(t -> assertThat(t.crossedQuantity()).isPositive());
    double market = turnoverFromTrades(r, true);
    double gross = turnoverFromTrades(r, false);
    assertThat(r.metrics().turnover()).isCloseTo(market, within(1e-6));
    assertThat(r.metrics().turnover())
        .as("below the gross, which counts crossed shares")
        .isLessThan(gross - 1e-6);
  }

  @Test
  void withoutNettingEveryFillReachesTheMarket() {
    SimulationResult r = run(false);

    assertThat(r.trades()).allSatisfy(t -> assertThat(t.crossedQuantity()).isZero());
    assertThat(r.metrics().turnover()).isCloseTo(turnoverFromTrades(r, false), within(1e-6));
  }

  @Test
  void aSleevesTurnoverCountsAllItsOwnFillsCrossedOrNot() {
    SimulationResult r = run(true);

    // The sleeve's own fills: min(bought, sold) / sleeve NAV, annualised over its returns.
    for (SleeveResult sleeve : r.sleeves()) {
      assertThat(sleeve.metrics().turnover())
          .as(sleeve.id())
          .isCloseTo(sleeveTurnoverFromTrades(r, sleeve.id()), within(1e-12));
    }
  }
}
