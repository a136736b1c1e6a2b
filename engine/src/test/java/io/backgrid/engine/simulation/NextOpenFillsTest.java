package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders decided at bar t fill at t+1's open: hand-computed paths, new sleeves, pending work. */
class NextOpenFillsTest {
  /**
   * X closes 10, 11, 12, 13 and opens 9.5, 10.5, 11.6, 12.4; Y closes at 20 and opens 20, 20, 19.9,
   * 20.
   */
  static final MarketPanel MARKET =
      MarketPanel.builder(Markets.businessDays(LocalDate.of(2024, 1, 1), 4), List.of("X", "Y"))
          .price(0, new double[] {10, 11, 12, 13})
          .field(PriceField.OPEN, 0, new double[] {9.5, 10.5, 11.6, 12.4})
          .price(1, new double[] {20, 20, 20, 20})
          .field(PriceField.OPEN, 1, new double[] {20, 20, 19.9, 20})
          .build();

  /** 0.01 per share, 1.00 minimum. */
  static final Execution NEXT_OPEN =
      Execution.atNextOpen().withCosts(CostModel.perShare(0.01, 1.0));

  static final SleeveSpec A = SleeveSpec.of("a", "buy-and-hold", List.of("X"));
  static final SleeveSpec B = SleeveSpec.of("b", "buy-and-hold", List.of("Y"));

  @Test
  void theFirstBarsDecisionFillsAtTheSecondBarsOpenWithCostsAndIsValuedAtTheClose() {
    PortfolioConfig config =
        PortfolioConfig.of(10_000, NEXT_OPEN, List.of(A), new double[] {0.5}, Rebalancing.NEVER);

    SimulationResult result = Simulator.run(MARKET, config);

    // Bar 0: a receives 5,000.00 and decides 100% X; nothing fills at bar 0 (NAV 10,000.00).
    // Bar 1 open 10.50: floor(5000/10.5) = 476 sh would need 4,998.00 + 4.76 = 5,002.76 > 5,000.00,
    //   so the cash check cuts to 475 sh = 4,987.50 + max(1, 4.75) = 4.75 of commission: cash 7.75.
    // Closes: a = 475 * 11 + 7.75 = 5,232.75; 475 * 12 + 7.75 = 5,707.75; 475 * 13 + 7.75 =
    // 6,182.75.
    assertThat(result.sleeveNavCents()[0]).containsExactly(500_000, 523_275, 570_775, 618_275);
    assertThat(result.navCents()).containsExactly(1_000_000, 1_023_275, 1_070_775, 1_118_275);
    Trade fill = result.trades().get(0);
    assertThat(result.trades()).hasSize(1);
    assertThat(fill.date()).isEqualTo(MARKET.date(1));
    assertThat(fill.quantity()).isEqualTo(475);
    assertThat(fill.price()).isEqualTo(10.5);
    assertThat(fill.costCents()).isEqualTo(475);
    // The first return counts from the close of bar 0 (after its trades): 10,232.75 / 10,000 - 1.
    assertThat(result.metrics().totalReturn())
        .isCloseTo(0.1182750, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aSleeveAddedLaterBuysAtTheNextOpenTowardsTheTargetsItsStrategyAlreadyHas() {
    PortfolioAllocator p =
        new PortfolioAllocator(MARKET, 10_000, NEXT_OPEN, Rebalancing.NEVER).addSleeve(A, 0.5);
    p.executeBar();
    p.executeBar();
    assertThat(p.navCents()).isEqualTo(1_023_275);
    p.addSleeve(B, 0.25);

    p.executeBar();

    // Bar 2 open: b is funded with round(1,023,275 * 0.25) = 255,819 cents and buys towards the
    // 100% Y its buy-and-hold decided at bar 0: floor(2558.19 / 19.9) = 128 sh = 2,547.20 + 1.28.
    assertThat(p.allocatedCents("b")).isEqualTo(255_819);
    assertThat(p.ledger("b").quantity(0)).isEqualTo(128);
    assertThat(p.ledger("b").cashCents()).isEqualTo(255_819 - 254_720 - 128);
    assertThat(p.currentCents("b")).isEqualTo(128 * 20_00 + 971);
  }

  @Test
  void aSleeveAddedWhileARebalanceWaitsForTheOpenDoesNotEmptyTheOthers() {
    PortfolioAllocator p =
        new PortfolioAllocator(
                MARKET,
                10_000,
                NEXT_OPEN,
                Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY)))
            .addSleeve(A, 0.5);
    p.executeBar();
    p.executeBar(); // bar 1's close decides a daily rebalance that executes at bar 2's open
    long aBefore = p.currentCents("a");
    p.addSleeve(B, 0.25);

    p.executeBar();

    // The pending rebalance keeps a at 50% of the NAV at bar 2's open, within a share of X.
    assertThat(p.ledger("a").quantity(0)).isGreaterThan(400);
    assertThat(p.targetWeight("a")).isEqualTo(0.5);
    assertThat(p.currentCents("a")).isGreaterThan(aBefore);
  }
}
