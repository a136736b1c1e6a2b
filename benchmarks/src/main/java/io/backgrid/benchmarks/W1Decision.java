package io.backgrid.benchmarks;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.stats.BlockSumMatrix;
import io.backgrid.engine.stats.BlockSums;
import io.backgrid.engine.stats.Cscv;
import io.backgrid.engine.stats.WalkForward;
import io.backgrid.engine.stats.WalkForwardFolds;
import io.backgrid.engine.stats.WindowMetric;
import io.backgrid.engine.stats.WindowSums;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What walk-forward and overfitting diagnostics (issue 13) cost on W1: the thread CPU per
 * configuration of the 504 W1 configurations ({@link Workloads}, {@link Detail#SUMMARY}) without
 * and with the executor's extra work (the configuration's 16 CSCV block sums and its walk-forward
 * segment sums for train 3 years / test 1 year, as the study job's {@code WindowSumRows} makes
 * them, its Parquet rows aside), passes alternating in the same minutes; then the driver's work
 * once per study (CSCV over 504 × 16, the folds' selection, and the re-simulation of the best and
 * of the folds' distinct selections), shared out per configuration.
 *
 * <p>Usage: {@code java -cp ... io.backgrid.benchmarks.W1Decision [passes]} (default 3 of each)
 */
public final class W1Decision {
  private static final int BLOCKS = 16;

  private W1Decision() {}

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    MarketPanel panel = Workloads.w1Panel();
    List<PortfolioConfig> grid = Workloads.w1Grid();
    Simulator simulator = new Simulator(panel);
    List<LocalDate> dates = panel.dates();
    WalkForwardFolds folds =
        WalkForwardFolds.of(
            dates.get(0), dates.get(dates.size() - 1), Period.ofYears(3), Period.ofYears(1), false);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double bestWithout = Double.POSITIVE_INFINITY;
    double bestWith = Double.POSITIVE_INFINITY;
    int t = dates.size() - 1;
    BlockSumMatrix matrix = new BlockSumMatrix(grid.size(), BLOCKS, t / BLOCKS);
    WindowSums[][] segments = new WindowSums[grid.size()][];
    for (int pass = 0; pass < 2 * passes; pass++) {
      boolean with = pass % 2 == 1;
      long cpu = 0;
      for (int c = 0; c < grid.size(); c++) {
        long start = threads.getCurrentThreadCpuTime();
        SimulationResult r = simulator.run(grid.get(c), Detail.SUMMARY);
        if (with) {
          double rfp = MetricsAccumulator.riskFreePerPeriod(grid.get(c).riskFree(), 252);
          segments[c] = sums(r, folds, rfp, matrix, c);
        }
        cpu += threads.getCurrentThreadCpuTime() - start;
      }
      double ms = cpu / 1e6 / grid.size();
      if (with) {
        bestWith = Math.min(bestWith, ms);
      } else {
        bestWithout = Math.min(bestWithout, ms);
      }
    }
    long start = threads.getCurrentThreadCpuTime();
    Cscv.evaluate(matrix);
    double[] rfp = new double[grid.size()];
    List<WalkForward.FoldResult> results =
        WalkForward.select(folds, segments, WindowMetric.SHARPE, rfp, 252);
    Set<Integer> rerun = new HashSet<>();
    results.forEach(r -> rerun.add(r.selected()));
    rerun.add(0); // the best's re-run (for its moments and bootstrap): one more simulation
    for (int c : rerun) {
      simulator.run(grid.get(c), Detail.SUMMARY);
    }
    double driver = (threads.getCurrentThreadCpuTime() - start) / 1e6;
    System.out.printf(
        "W1 thread CPU ms/config, best of %d: without %.3f, with the window sums %.3f (%+.1f%%)%n",
        passes, bestWithout, bestWith, 100 * (bestWith / bestWithout - 1));
    System.out.printf(
        "driver once per study: %.1f ms (CSCV 504 x %d, %d folds, %d re-simulations) = %.3f"
            + " ms/config; total %+.1f%%%n",
        driver,
        BLOCKS,
        folds.folds().size(),
        rerun.size(),
        driver / grid.size(),
        100 * ((bestWith + driver / grid.size()) / bestWithout - 1));
  }

  /** The executor's extra work for one configuration (WindowSumRows without the Parquet rows). */
  static WindowSums[] sums(
      SimulationResult r, WalkForwardFolds folds, double rfp, BlockSumMatrix matrix, int c) {
    double[] returns = r.returns();
    BlockSums blocks = new BlockSums(returns.length - 1, BLOCKS);
    for (int i = 1; i < returns.length; i++) {
      blocks.add(Double.isNaN(returns[i]) ? 0 : returns[i]);
    }
    matrix.set(c, blocks);
    return folds.segments(r.dates(), returns, rfp);
  }
}
