package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.stats.BlockSumMatrix;
import io.backgrid.engine.stats.BootstrapInterval;
import io.backgrid.engine.stats.Cscv;
import io.backgrid.engine.stats.DeflatedSharpe;
import io.backgrid.engine.stats.ProbabilityOfOverfitting;
import io.backgrid.engine.stats.StationaryBootstrap;
import io.backgrid.spark.job.DecisionStatistics.Sums;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code overfitting} table's row of {@link DecisionStatistics}: the best configuration's
 * deflated Sharpe ratio (its moments from one simulation on the driver) and stationary-bootstrap
 * interval, and the probability of backtest overfitting by CSCV over the block sums.
 */
final class OverfittingStatistics {
  private static final int PERIODS = DecisionStatistics.PERIODS;

  /** Bootstrap resamples and seed of the best's Sharpe interval. */
  static final int RESAMPLES = 1_000;

  static final long SEED = 1;

  private OverfittingStatistics() {}

  /**
   * The {@code overfitting} row: the best configuration by Sharpe (ties keep the smallest id), its
   * deflated Sharpe and bootstrap interval, and the CSCV probability of overfitting.
   */
  static DecisionTables.OverfittingRow row(
      int blocks,
      TreeMap<String, Sums> sums,
      Map<String, double[]> metrics,
      MarketPanel panel,
      StudyConfigurations configurations,
      String study) {
    int trials = metrics.size();
    String best = null;
    double bestSharpe = Double.NaN;
    double[] perPeriod = new double[trials];
    int k = 0;
    for (Map.Entry<String, double[]> e : metrics.entrySet()) {
      double s = e.getValue()[0];
      perPeriod[k++] = s / Math.sqrt(PERIODS);
      if (best == null || s > bestSharpe) { // in id order: ties keep the smallest id
        best = e.getKey();
        bestSharpe = s;
      }
    }
    double sr0 = Double.NaN;
    double dsr = Double.NaN;
    double low = Double.NaN;
    double high = Double.NaN;
    if (best != null) {
      PortfolioConfig config = configurations.get(configurations.indexOf(best)).config();
      SimulationResult r = new Simulator(panel).run(config, Detail.SUMMARY);
      double[] returns = defined(r.returns());
      MetricsAccumulator m = new MetricsAccumulator(returns.length, PERIODS, config.riskFree());
      m.start(r.dates().get(0).toEpochDay());
      long day = r.dates().get(0).toEpochDay();
      for (double x : returns) {
        m.add(++day, x, 0); // the moments need no dates; any ascending days will do
      }
      DeflatedSharpe d = DeflatedSharpe.of(perPeriod, m.moments(), m.riskFreePerPeriod());
      sr0 = d.sr0();
      dsr = d.dsr();
      if (returns.length >= 2) {
        BootstrapInterval b =
            new StationaryBootstrap(RESAMPLES, Math.max(1, Math.cbrt(returns.length)), SEED)
                .sharpeInterval(returns, m.riskFreePerPeriod(), PERIODS);
        low = b.low();
        high = b.high();
      }
    }
    ProbabilityOfOverfitting pbo = cscv(blocks, sums, study);
    return new DecisionTables.OverfittingRow(
        "sharpe",
        trials,
        best,
        bestSharpe,
        sr0,
        dsr,
        pbo == null ? Double.NaN : pbo.pbo(),
        blocks,
        pbo == null ? 0 : pbo.combinations(),
        pbo == null ? Double.NaN : pbo.degradationSlope(),
        pbo == null ? Double.NaN : pbo.probabilityOfLoss(),
        low,
        high,
        pbo == null ? new double[0] : pbo.logits());
  }

  /**
   * CSCV over the configurations whose blocks have the most common length m (a grid over periods
   * has series of several lengths; only aligned ones compare); null with fewer than 2.
   */
  private static ProbabilityOfOverfitting cscv(
      int blocks, TreeMap<String, Sums> sums, String study) {
    Map<Integer, Integer> lengths = new HashMap<>();
    for (Map.Entry<String, Sums> e : sums.entrySet()) {
      Sums s = e.getValue();
      if (s.blockRows == 0) {
        continue; // too few returns for the blocking
      }
      if (s.blockRows != blocks) {
        throw DecisionStatistics.stale(
            study, e.getKey(), s.blockRows + " blocks, the study asks for " + blocks);
      }
      lengths.merge(s.blockLength, 1, Integer::sum);
    }
    int m = 0;
    int most = 0;
    for (Map.Entry<Integer, Integer> e : lengths.entrySet()) {
      if (e.getValue() > most || (e.getValue() == most && e.getKey() > m)) {
        m = e.getKey();
        most = e.getValue();
      }
    }
    if (most < 2) {
      return null;
    }
    BlockSumMatrix matrix = new BlockSumMatrix(most, blocks, m);
    int i = 0;
    for (Sums s : sums.values()) {
      if (s.blockRows > 0 && s.blockLength == m) {
        for (int b = 0; b < blocks; b++) {
          matrix.set(i, b, s.blocks[2 * b], s.blocks[2 * b + 1]);
        }
        i++;
      }
    }
    return Cscv.evaluate(matrix);
  }

  private static double[] defined(double[] returns) {
    return Arrays.stream(returns).filter(x -> !Double.isNaN(x)).toArray();
  }
}
