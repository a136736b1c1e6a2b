package io.backgrid.benchmarks;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Simulator;
import java.util.List;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

/**
 * backgrid against ta4j on the same single-symbol 50/200 moving-average crossover over the same
 * 5,040 bars (W1's EQ01), in one JVM, both warm (see {@link Crossover} for the rule and what each
 * side does per operation). The setup first checks that both produce the same trades (bar, side,
 * price) and fails the run otherwise. ta4j runs with {@link DoubleNum} (its fastest number type)
 * and with {@link DecimalNum} (its default); with DoubleNum also followed by the figures backgrid
 * computes anyway (return, drawdown, VaR, expected shortfall), since backgrid's run values the
 * position at every bar and keeps 20 metrics for the portfolio and the sleeve, and ta4j's run does
 * neither. backgrid runs cold (a new simulator records the strategy's signal, then simulates) and
 * shared (the signal recorded, as for every configuration of a grid after the first).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx2g"})
public class CrossoverBenchmark {
  MarketPanel panel;
  Simulator shared;
  PortfolioConfig config;
  BarSeries doubleSeries;
  BarSeries decimalSeries;

  @Setup
  public void setup() {
    panel = Crossover.panel(Workloads.w1Panel(), "EQ01");
    doubleSeries = Crossover.series(panel, DoubleNum::valueOf);
    decimalSeries = Crossover.series(panel, DecimalNum::valueOf);
    List<Crossover.Fill> backgrid = Crossover.backgridTrades(panel);
    Crossover.requireSame("ta4j DoubleNum", backgrid, Crossover.ta4jTrades(doubleSeries));
    Crossover.requireSame("ta4j DecimalNum", backgrid, Crossover.ta4jTrades(decimalSeries));
    config = Crossover.config(panel);
    shared = new Simulator(panel);
    shared.run(config, Detail.SUMMARY);
  }

  /** backgrid: records the strategy's signal and simulates the sleeve, keeping every trade. */
  @Benchmark
  public Object backgrid() {
    return Crossover.backgrid(panel);
  }

  /** backgrid as in a grid: the signal is recorded; the run replays it, keeping every trade. */
  @Benchmark
  public Object backgridShared() {
    return Crossover.backgrid(shared, config);
  }

  /** ta4j with DoubleNum, then return, drawdown, VaR, expected shortfall, positions. */
  @Benchmark
  public Object ta4jDoubleWithMetrics() {
    return Crossover.ta4jWithMetrics(doubleSeries);
  }

  /** ta4j with DoubleNum: indicators, rules and BarSeriesManager.run over the series. */
  @Benchmark
  public Object ta4jDouble() {
    return Crossover.ta4j(doubleSeries);
  }

  /** ta4j with its default DecimalNum. */
  @Benchmark
  public Object ta4jDecimal() {
    return Crossover.ta4j(decimalSeries);
  }
}
