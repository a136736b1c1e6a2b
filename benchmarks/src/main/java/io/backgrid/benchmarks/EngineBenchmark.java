package io.backgrid.benchmarks;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.simulation.SleeveSpec;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One configuration of 4 sleeves × 10 symbols × 5,000 bars (momentum, mean reversion, trend
 * following, buy-and-hold, each on the same 10 symbols so netting has work; risk-parity monthly,
 * costs on, whole shares). Two cases: {@code cold} records the four sleeves' signals too (a
 * configuration alone); {@code shared} reuses them, as every configuration of a grid after the
 * first does. Bars per second = 5,000 / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx2g"})
public class EngineBenchmark {
  static final int BARS = 5_000;
  static final int SYMBOLS = 10;

  MarketPanel panel;
  PortfolioConfig config;
  Simulator shared;

  @Setup
  public void setup() {
    panel = randomWalks(SYMBOLS, BARS, 17);
    List<String> universe = panel.symbols();
    List<SleeveSpec> sleeves =
        List.of(
            new SleeveSpec(
                "momentum", "momentum", universe, Params.of(Map.of("lookback", 60, "top", 3))),
            new SleeveSpec(
                "reversion", "mean-reversion", universe, Params.of(Map.of("lookback", 20))),
            new SleeveSpec(
                "trend", "trend-following", universe, Params.of(Map.of("fast", 50, "slow", 200))),
            SleeveSpec.of("core", "buy-and-hold", universe));
    config =
        PortfolioConfig.of(
            1_000_000,
            Execution.atClose().withCosts(CostModel.perShare(0.005, 1.0).withSlippageBps(2)),
            sleeves,
            new double[] {0.25, 0.25, 0.25, 0.25},
            Rebalancing.of(
                "risk-parity",
                Params.EMPTY,
                Lookback.ofBars(63),
                RebalanceSchedule.of(RebalanceFrequency.MONTHLY)));
    shared = new Simulator(panel);
    shared.run(config, Detail.SUMMARY);
  }

  /** A configuration alone: records its sleeves' signals, then simulates. */
  @Benchmark
  public SimulationResult cold() {
    return new Simulator(panel).run(config, Detail.SUMMARY);
  }

  /** A configuration in a grid: the sleeves' signals are already shared. */
  @Benchmark
  public SimulationResult shared() {
    return shared.run(config, Detail.SUMMARY);
  }

  /** Seeded geometric random walks on business days from 2000-01-03. */
  static MarketPanel randomWalks(int symbols, int bars, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LocalDate> dates = new ArrayList<>(bars);
    for (LocalDate d = LocalDate.of(2000, 1, 3); dates.size() < bars; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        dates.add(d);
      }
    }
    List<String> names = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      names.add(String.format("S%02d", s));
    }
    MarketPanelBuilder b = MarketPanel.builder(dates, names);
    for (int s = 0; s < symbols; s++) {
      double[] close = new double[bars];
      double p = 50;
      for (int t = 0; t < bars; t++) {
        p *= Math.exp(0.0002 + 0.015 * random.nextGaussian());
        close[t] = p;
      }
      b.price(s, close);
    }
    return b.build();
  }
}
