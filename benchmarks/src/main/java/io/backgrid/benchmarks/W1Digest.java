package io.backgrid.benchmarks;

import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.PerformanceMetrics;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.RebalanceRecord;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.simulation.SleeveResult;
import io.backgrid.engine.simulation.Transfer;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.engine.stats.BenchmarkSeries;
import io.backgrid.engine.stats.ConfigurationFigures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The bit-identity check and the single-thread timing of an engine change: runs the 504 W1
 * configurations ({@link Workloads}) and prints one 64-bit digest of their results and the thread
 * CPU time per configuration.
 *
 * <p>The digest covers, per configuration in grid order: every metric of the portfolio and of each
 * sleeve (doubles by their raw IEEE bits), every field of every sleeve result, the correlation
 * matrix, every rebalance record, the final NAV, reserve, costs, netting savings and fill count;
 * and for every 7th configuration (index % 7 == 0, run with {@link Detail#FULL}) the NAV paths of
 * the portfolio and of each sleeve, every trade and every transfer. The other configurations run
 * with {@link Detail#SUMMARY}, as in a study.
 *
 * <p>Timing: the grid is walked {@code passes} times (argument 1, default 3) on one shared {@link
 * Simulator} (the first pass also records the four sleeves' signals and warms the JIT); the
 * reported time is the best pass's thread CPU time in {@code Simulator.run} (the digest's hashing
 * excluded) divided by 504. Every pass must give the same digest, or the tool fails.
 *
 * <p>With a second argument {@code figures}, each configuration also accumulates issue 13's
 * per-configuration figures while it runs ({@link ConfigurationFigures}: Sharpe inference, years,
 * drawdown periods, and benchmark-relative figures against the panel's first symbol), as a study
 * does; the digest must not change, the time shows their cost.
 *
 * <p>Usage: {@code java -cp ... io.backgrid.benchmarks.W1Digest [passes] [figures]}
 */
public final class W1Digest {
  private W1Digest() {}

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    boolean figures = args.length > 1 && args[1].equals("figures");
    MarketPanel panel = Workloads.w1Panel();
    BenchmarkSeries benchmark =
        figures ? BenchmarkPortfolio.of(panel.symbol(0)).series(panel) : null;
    int years = panel.date(panel.barCount() - 1).getYear() - panel.date(0).getYear() + 1;
    List<PortfolioConfig> grid = Workloads.w1Grid();
    Simulator simulator = new Simulator(panel);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long digest = 0;
    double best = Double.POSITIVE_INFINITY;
    StringBuilder perPass = new StringBuilder();
    for (int pass = 0; pass < passes; pass++) {
      Hash hash = new Hash();
      long cpu = 0;
      for (int c = 0; c < grid.size(); c++) {
        boolean full = c % 7 == 0;
        long start = threads.getCurrentThreadCpuTime();
        PortfolioConfig config = grid.get(c);
        Detail detail = full ? Detail.FULL : Detail.SUMMARY;
        SimulationResult result;
        if (figures) {
          ConfigurationFigures observer =
              new ConfigurationFigures(years, 252, config.riskFree(), benchmark);
          result = simulator.run(config, detail, observer);
          // what a study reads from them per configuration
          observer.sharpe();
          observer.portfolioRelative();
          observer.years();
          observer.drawdowns();
          for (int i = 0; i < result.sleeves().size(); i++) {
            observer.sleeveRelative(i);
          }
        } else {
          result = simulator.run(config, detail);
        }
        cpu += threads.getCurrentThreadCpuTime() - start;
        hash.add(c);
        add(hash, result, full);
      }
      double ms = cpu / 1e6 / grid.size();
      if (pass == 0) {
        digest = hash.value;
      } else if (hash.value != digest) {
        throw new IllegalStateException(
            "Pass "
                + pass
                + " gave digest "
                + hash.value
                + ", pass 0 gave "
                + digest
                + ": the engine is not deterministic");
      }
      best = Math.min(best, ms);
      perPass.append(pass == 0 ? "" : ", ").append(String.format("%.3f", ms));
    }
    System.out.println("W1 digest: " + digest);
    System.out.printf("thread CPU ms/config: best %.3f of %d passes (%s)%n", best, passes, perPass);
  }

  private static void add(Hash h, SimulationResult r, boolean full) {
    add(h, r.metrics());
    for (SleeveResult s : r.sleeves()) {
      h.add(s.id());
      h.add(s.state().name());
      h.add(s.error() == null ? "" : s.error());
      add(h, s.metrics());
      h.add(s.finalWeight());
      h.add(s.targetWeight());
      h.add(s.allocatedCents());
      h.add(s.finalNavCents());
      h.add(s.costsCents());
      h.add(s.realisedPnlCents());
      h.add(s.trades());
    }
    for (double[] row : r.correlations().values()) {
      h.add(row);
    }
    h.add(r.finalNavCents());
    h.add(r.reserveCents());
    h.add(r.costsCents());
    h.add(r.nettingSavingsCents());
    h.add(r.tradeCount());
    h.add(r.rebalances().size());
    for (RebalanceRecord b : r.rebalances()) {
      h.add(b.date().toEpochDay());
      h.add(b.reason());
      h.add(b.weightsBefore());
      h.add(b.targets());
      h.add(b.weightsAfter());
      h.add(b.capitalMovedCents());
      h.add(b.costsCents());
    }
    if (full) {
      h.add(r.navCents());
      for (long[] sleeveNav : r.sleeveNavCents()) {
        h.add(sleeveNav);
      }
      h.add(r.trades().size());
      for (Trade t : r.trades()) {
        h.add(t.date().toEpochDay());
        h.add(t.sleeve());
        h.add(t.symbol());
        h.add(t.quantity());
        h.add(t.price());
        h.add(t.notionalCents());
        h.add(t.costCents());
        h.add(t.crossedQuantity());
      }
      h.add(r.transfers().size());
      for (Transfer t : r.transfers()) {
        h.add(t.date().toEpochDay());
        h.add(t.sleeve());
        h.add(t.cents());
        h.add(t.reason());
      }
    }
  }

  private static void add(Hash h, PerformanceMetrics m) {
    h.add(m.periods());
    h.add(m.totalReturn());
    h.add(m.cagr());
    h.add(m.volatility());
    h.add(m.sharpe());
    h.add(m.sortino());
    h.add(m.maxDrawdown());
    h.add(m.maxDrawdownBars());
    h.add(m.maxDrawdownDays());
    h.add(m.calmar());
    h.add(m.winRate());
    h.add(m.profitFactor());
    h.add(m.turnover());
    h.add(m.skew());
    h.add(m.kurtosis());
    h.add(m.valueAtRisk95());
    h.add(m.conditionalValueAtRisk95());
    h.add(m.bestPeriod());
    h.add(m.worstPeriod());
    h.add(m.meanReturn());
  }

  /** An order-sensitive 64-bit hash: each value mixed in with a multiply-xorshift round. */
  private static final class Hash {
    long value = 0x9E3779B97F4A7C15L;

    void add(long x) {
      long z = (value ^ x) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      value = z ^ (z >>> 31);
    }

    void add(double x) {
      add(Double.doubleToRawLongBits(x)); // raw bits: bit-identical means NaN payloads too
    }

    void add(String s) {
      add(s.length());
      for (int i = 0; i < s.length(); i++) {
        add(s.charAt(i));
      }
    }

    void add(double[] xs) {
      add(xs.length);
      for (double x : xs) {
        add(x);
      }
    }

    void add(long[] xs) {
      add(xs.length);
      for (long x : xs) {
        add(x);
      }
    }
  }
}
