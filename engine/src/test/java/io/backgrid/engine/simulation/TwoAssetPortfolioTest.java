package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A two-asset fixed-weight portfolio whose NAV path is computed by hand. */
class TwoAssetPortfolioTest {
  static final MarketPanel MARKET =
      Markets.panel(
          List.of("A", "B"), new double[] {10, 11, 12, 10.5}, new double[] {20, 19, 21, 22});
  static final List<SleeveSpec> SLEEVES =
      List.of(
          SleeveSpec.of("a", "buy-and-hold", List.of("A")),
          SleeveSpec.of("b", "buy-and-hold", List.of("B")));

  @Test
  void buyAndHoldWithoutRebalancingFollowsTheSharesBoughtAtTheFirstBar() {
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000, Execution.DEFAULT, SLEEVES, new double[] {0.5, 0.5}, Rebalancing.NEVER);

    SimulationResult result = Simulator.run(MARKET, config);

    // Bar 0: each sleeve gets 5,000.00; a buys 5000/10 = 500 A, b buys 5000/20 = 250 B, no cash
    // left.
    // NAV: t1 = 500*11 + 250*19 = 10,250; t2 = 500*12 + 250*21 = 11,250; t3 = 500*10.5 + 250*22 =
    // 10,750.
    assertThat(result.navCents()).containsExactly(1_000_000, 1_025_000, 1_125_000, 1_075_000);
    assertThat(result.sleeveNavCents()[0]).containsExactly(500_000, 550_000, 600_000, 525_000);
    assertThat(result.sleeveNavCents()[1]).containsExactly(500_000, 475_000, 525_000, 550_000);
    assertThat(result.tradeCount()).isEqualTo(2);
    assertThat(result.rebalanceCount()).isZero();
  }

  @Test
  void aCapitalOfOneTrillionIsExactToTheCent() {
    PortfolioConfig config =
        PortfolioConfig.of(
            1e12, Execution.DEFAULT, SLEEVES, new double[] {0.5, 0.5}, Rebalancing.NEVER);

    SimulationResult result = Simulator.run(MARKET, config);

    // The path above times 1e8: 5e10 A and 2.5e10 B; t1 = 5e10*11 + 2.5e10*19 = 1.025e12, etc.
    assertThat(result.navCents())
        .containsExactly(
            100_000_000_000_000L, 102_500_000_000_000L, 112_500_000_000_000L, 107_500_000_000_000L);
  }

  @Test
  void dailyRebalancingMovesCapitalBackToHalfAndHalfInWholeShares() {
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000,
            Execution.DEFAULT,
            SLEEVES,
            new double[] {0.5, 0.5},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY)));

    SimulationResult result = Simulator.run(MARKET, config);

    // t1: NAV 10,250, target 5,125 each. a holds 500 A = 5,500: sells ceil(500 * 375/5500) = 35 A
    //     for 385.00, sends 375.00 to the reserve, keeps 465 A + 10.00 cash = 5,125.
    //     b (4,750) receives 375.00 and buys floor(5125/19) - 250 = 19 B for 361.00: 269 B + 14.00.
    // t2: a = 465*12 + 10 = 5,590; b = 269*21 + 14 = 5,663; NAV 11,253 -> targets 5,626.50.
    //     b sells ceil(269 * 36.5/5649) = 2 B (42.00), sends 36.50, keeps 267 B + 19.50 = 5,626.50.
    //     a receives 36.50 (cash 46.50) and buys floor(5626.5/12) - 465 = 3 A (36.00): 468 A +
    // 10.50.
    // t3: a = 468*10.5 + 10.50 = 4,924.50; b = 267*22 + 19.50 = 5,893.50; NAV 10,818.00, and the
    //     daily schedule fires again: both end the bar at 5,409.00 (b sends 484.50 to a).
    assertThat(result.navCents()).containsExactly(1_000_000, 1_025_000, 1_125_300, 1_081_800);
    assertThat(result.sleeveNavCents()[0]).containsExactly(500_000, 512_500, 562_650, 540_900);
    assertThat(result.sleeveNavCents()[1]).containsExactly(500_000, 512_500, 562_650, 540_900);
    assertThat(result.rebalanceCount()).isEqualTo(3);
    assertThat(result.rebalances().get(1).capitalMovedCents()).isEqualTo(37_500 + 37_500);
  }
}
