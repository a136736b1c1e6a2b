package io.backgrid.datasets.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioAllocator;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.RemoveMode;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.engine.simulation.SleeveState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "driving the engine from Java" examples, compiled and run so they stay true. */
class ReadmeExampleTest {

  @Test
  void oneConfigurationFromJava() {
    // --- README: one configuration ---
    MarketPanel panel =
        PanelLoader.load(Path.of("demo"), PanelRequest.all()); // datasets/demo from the repo root
    PortfolioConfig config =
        PortfolioConfig.of(
            1_000_000, // capital
            Execution.atClose().withCosts(CostModel.perShare(0.005, 1.0).withSlippageBps(2)),
            List.of(
                new SleeveSpec(
                    "trend",
                    "trend-following",
                    List.of("MKT", "CM01"),
                    Params.of(Map.of("fast", 50, "slow", 200))),
                new SleeveSpec(
                    "core",
                    "buy-and-hold",
                    List.of("BD01", "BD02"),
                    Params.of(Map.of("weights", List.of(0.6, 0.4))))),
            new double[] {0.4, 0.6}, // initial weights
            Rebalancing.of(
                "risk-parity",
                Params.EMPTY,
                Lookback.parse("3 months"),
                RebalanceSchedule.parse("monthly")));
    SimulationResult result = Simulator.run(panel, config);
    System.out.printf(
        "sharpe %.3f, cagr %.2f%%, max drawdown %.2f%%, trend/core correlation %.2f%n",
        result.metrics().sharpe(),
        100 * result.metrics().cagr(),
        100 * result.metrics().maxDrawdown(),
        result.correlations().get("trend", "core"));
    // --- end ---
    assertThat(result.navCents()).hasSize(panel.barCount());
    assertThat(result.metrics().sharpe()).isFinite();
    assertThat(result.rebalanceCount()).isGreaterThan(200);
  }

  @Test
  void theAllocatorBarByBar() {
    MarketPanel panel = PanelLoader.load(Path.of("demo"), PanelRequest.all());
    // --- README: the allocator bar by bar ---
    PortfolioAllocator allocator =
        new PortfolioAllocator(
                panel,
                1_000_000,
                Execution.DEFAULT,
                Rebalancing.fixed(RebalanceSchedule.parse("quarterly")))
            .addSleeve(
                new SleeveSpec(
                    "momentum",
                    "momentum",
                    List.of("EQ01", "EQ02", "EQ03", "EQ04"),
                    Params.of(Map.of("top", 2))),
                0.5)
            .addSleeve(
                SleeveSpec.of("bonds", "buy-and-hold", List.of("BD01")),
                0.3); // 20% stays in the reserve
    for (int t = 0; t < 1_000; t++) {
      allocator.executeBar();
    }
    allocator.pause("momentum"); // holds its positions, stops trading
    for (int t = 0; t < 250; t++) {
      allocator.executeBar();
    }
    allocator.resume("momentum");
    allocator.remove(
        "bonds", RemoveMode.LIQUIDATE); // sold at the next bar, cash back to the reserve
    allocator.run(); // the remaining bars
    System.out.printf(
        "NAV %.2f, reserve %.2f, momentum allocated %.2f now %.2f (%s), bonds %s%n",
        allocator.navCents() / 100.0,
        allocator.reserveCents() / 100.0,
        allocator.allocatedCents("momentum") / 100.0,
        allocator.currentCents("momentum") / 100.0,
        allocator.state("momentum"),
        allocator.state("bonds"));
    // --- end ---
    assertThat(allocator.state("bonds")).isEqualTo(SleeveState.STOPPED);
    assertThat(allocator.state("momentum")).isEqualTo(SleeveState.RUNNING);
    assertThat(allocator.navCents())
        .isEqualTo(
            allocator.reserveCents()
                + allocator.currentCents("momentum")
                + allocator.currentCents("bonds"));
  }
}
