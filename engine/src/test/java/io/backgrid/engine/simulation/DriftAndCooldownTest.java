package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drift trigger and the cooldown, with rebalance dates and reasons checked by hand. A cooldown
 * of c bars after a rebalance at bar r suppresses the schedule and the drift at bars r+1 .. r+c.
 */
class DriftAndCooldownTest {
  /** Bars dated Mon 2020-01-06, Tue 01-07, Wed 01-08, Thu 01-09, Fri 01-10, Mon 01-13, ... */
  static final MarketPanel MARKET =
      Markets.panel(
          List.of("X", "Y"),
          new double[] {10, 12.5, 12.5, 12.5, 16, 16, 16, 16, 16, 16},
          new double[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10});

  static final Execution FRACTIONAL = Execution.atClose().withFractionalShares(true);
  static final List<SleeveSpec> SLEEVES =
      List.of(
          SleeveSpec.of("a", "buy-and-hold", List.of("X")),
          SleeveSpec.of("b", "buy-and-hold", List.of("Y")));

  private static Rebalancing rule(RebalanceFrequency frequency, int cooldown) {
    return Rebalancing.fixed(RebalanceSchedule.of(frequency)).withCooldown(cooldown);
  }

  @Test
  void driftFiresAboveTheThresholdOnlyOutsideTheCooldown() {
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000,
            FRACTIONAL,
            SLEEVES,
            new double[] {0.5, 0.5},
            rule(RebalanceFrequency.NEVER, 2).withDriftThreshold(0.05));

    SimulationResult result = Simulator.run(MARKET, config);

    // Bar 0: 500 X and 500 Y; the initial allocation starts the cooldown: bars 1 and 2 are quiet.
    // Bars 1-3 (X 12.5): a = 6,250, b = 5,000, weight of a 6250/11250 = 0.5556: drift 0.0556 > 0.05
    //   fires at bar 3; a sells 50 X, b buys 62.5 Y: 450 X and 562.5 Y, 5,625.00 each.
    // Bars 4-6 (X 16): a = 7,200, b = 5,625, a's weight 7200/12825 = 0.5614: drift 0.0614, quiet at
    //   bars 4 and 5 (cooldown), fires at bar 6: 6,412.50 each, and no drift after.
    assertThat(result.rebalances())
        .extracting(RebalanceRecord::date)
        .containsExactly(MARKET.date(0), MARKET.date(3), MARKET.date(6));
    assertThat(result.rebalances())
        .extracting(RebalanceRecord::reason)
        .containsExactly("initial", "drift 0.0556 > 0.05", "drift 0.0614 > 0.05");
    assertThat(result.rebalances().get(1).capitalMovedCents()).isEqualTo(62_500 + 62_500);
    assertThat(result.sleeveNavCents()[0])
        .startsWith(500_000, 625_000, 625_000, 562_500, 720_000, 720_000, 641_250, 641_250);
    assertThat(result.rebalances().get(2).weightsAfter()).containsExactly(0.5, 0.5);
  }

  @Test
  void theCooldownAlsoSuppressesTheSchedule() {
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000,
            FRACTIONAL,
            SLEEVES,
            new double[] {0.5, 0.5},
            rule(RebalanceFrequency.DAILY, 2));

    SimulationResult result = Simulator.run(MARKET, config);

    // The initial allocation at bar 0 starts a cooldown too: daily fires at bars 3, 6, 9.
    assertThat(result.rebalances())
        .extracting(RebalanceRecord::date)
        .containsExactly(MARKET.date(0), MARKET.date(3), MARKET.date(6), MARKET.date(9));
    assertThat(result.rebalances().get(1).reason()).isEqualTo("schedule daily");
  }

  @Test
  void addingASleeveKeepsTheCooldownRunning() {
    PortfolioAllocator p =
        new PortfolioAllocator(MARKET, 10_000, FRACTIONAL, rule(RebalanceFrequency.DAILY, 2))
            .addSleeve(SLEEVES.get(0), 0.5)
            .addSleeve(SLEEVES.get(1), 0.3);
    for (int t = 0; t < 4; t++) {
      p.executeBar(); // rebalances at bar 3
    }
    p.addSleeve(SleeveSpec.of("c", "buy-and-hold", List.of("Y")), 0.1);

    p.executeBar();
    p.executeBar();
    p.executeBar();

    assertThat(p.rebalances())
        .extracting(RebalanceRecord::date)
        .containsExactly(MARKET.date(0), MARKET.date(3), MARKET.date(6));
  }

  @Test
  void anInitialWeightOutsideItsConstraintsIsRefusedNotClamped() {
    Rebalancing constrained =
        Rebalancing.of(
                "fixed",
                Params.EMPTY,
                Lookback.ofBars(1),
                RebalanceSchedule.of(RebalanceFrequency.DAILY))
            .withDriftThreshold(0.01)
            .withConstraints(
                io.backgrid.engine.allocation.WeightConstraints.of(2, 0.2, 0.6, null, null));
    PortfolioConfig config =
        PortfolioConfig.of(10_000, FRACTIONAL, SLEEVES, new double[] {0.7, 0.1}, constrained);

    // Before: silently clamped to 0.6 / 0.2, another portfolio than the one configured.
    assertThatThrownBy(() -> Simulator.run(MARKET, config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid weight for sleeve 'a': 0.7 (must be within its constraints [min, max] ="
                + " [0.2, 0.6])");
  }
}
