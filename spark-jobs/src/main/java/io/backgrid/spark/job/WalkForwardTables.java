package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.stats.WalkForward;
import io.backgrid.engine.stats.WalkForwardFolds;
import io.backgrid.engine.stats.WindowMetric;
import io.backgrid.engine.stats.WindowSums;
import io.backgrid.spark.parquet.RowFileWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The walk-forward part of {@link DecisionStatistics}: the folds' selections ({@code
 * walk_forward}), the stitched out-of-sample series and the full-period best over the same span
 * ({@code walk_forward_summary}), and the stitched NAV in {@code equity} under {@link
 * DecisionTables#WALK_FORWARD_ID}.
 */
final class WalkForwardTables {
  private static final int PERIODS = DecisionStatistics.PERIODS;

  private final Configuration conf;
  private final Path next;

  WalkForwardTables(Configuration conf, Path next) {
    this.conf = conf;
    this.next = next;
  }

  /**
   * Adds the rows of both tables and writes the stitched NAV.
   *
   * @param matrix [configuration][segment] sums, configurations in {@code ids} (config_id) order
   */
  void publish(
      DecisionSpec spec,
      WalkForwardFolds plan,
      List<String> ids,
      WindowSums[][] matrix,
      MarketPanel panel,
      StudyConfigurations configurations,
      List<Object[]> folds,
      List<Object[]> summary) {
    WindowMetric metric = spec.walkForward().selectBy();
    double[] rfp = new double[ids.size()];
    for (int i = 0; i < rfp.length; i++) {
      double rf = configurations.get(configurations.indexOf(ids.get(i))).config().riskFree();
      rfp[i] = MetricsAccumulator.riskFreePerPeriod(rf, PERIODS);
    }
    List<WalkForward.FoldResult> results = WalkForward.select(plan, matrix, metric, rfp, PERIODS);
    for (WalkForward.FoldResult r : results) {
      folds.add(
          DecisionTables.WALK_FORWARD_TABLE.row(
              new DecisionTables.FoldRow(
                  r, r.selected() < 0 ? null : ids.get(r.selected()), metric.label())));
    }
    WindowSums stitched = WalkForward.stitched(results);
    summary.add(
        DecisionTables.SUMMARY_TABLE.row(
            summaryRow(
                "walk-forward",
                null,
                metric,
                stitched,
                results.isEmpty() || results.get(0).selected() < 0
                    ? rfp[0]
                    : rfp[results.get(0).selected()],
                WalkForward.efficiency(results, PERIODS))));
    // the full-period best (hindsight) over the same out-of-sample span
    int[] whole = {0, plan.segments()};
    int[] span = {
      plan.folds().get(0).testSegments()[0],
      plan.folds().get(plan.folds().size() - 1).testSegments()[1]
    };
    int best = -1;
    double bestValue = Double.NaN;
    for (int i = 0; i < matrix.length; i++) {
      double v = metric.value(WalkForwardFolds.window(matrix[i], whole), rfp[i], PERIODS);
      if (!Double.isNaN(v) && (best < 0 || metric.better(v, bestValue))) {
        best = i;
        bestValue = v;
      }
    }
    if (best >= 0) {
      summary.add(
          DecisionTables.SUMMARY_TABLE.row(
              summaryRow(
                  "full-period-best",
                  ids.get(best),
                  metric,
                  WalkForwardFolds.window(matrix[best], span),
                  rfp[best],
                  Double.NaN)));
    }
    equity(results, ids, panel, configurations);
  }

  private static DecisionTables.SummaryRow summaryRow(
      String series, String id, WindowMetric metric, WindowSums w, double rfp, double efficiency) {
    return new DecisionTables.SummaryRow(
        series,
        id,
        metric.label(),
        w,
        WindowMetric.SHARPE.value(w, rfp, PERIODS),
        WindowMetric.CAGR.value(w, rfp, PERIODS),
        efficiency);
  }

  /**
   * The stitched out-of-sample NAV: from the study capital at the bar before the first test window,
   * compounded by each fold's selection's daily returns over that fold's test window.
   */
  private void equity(
      List<WalkForward.FoldResult> results,
      List<String> ids,
      MarketPanel panel,
      StudyConfigurations configurations) {
    Simulator simulator = new Simulator(panel);
    Map<Integer, SimulationResult> runs = new HashMap<>();
    Map<java.time.LocalDate, Double> nav = new LinkedHashMap<>();
    double value = Double.NaN;
    for (WalkForward.FoldResult r : results) {
      if (r.selected() < 0) {
        continue;
      }
      PortfolioConfig config =
          configurations.get(configurations.indexOf(ids.get(r.selected()))).config();
      SimulationResult run =
          runs.computeIfAbsent(r.selected(), k -> simulator.run(config, Detail.SUMMARY));
      List<java.time.LocalDate> dates = run.dates();
      double[] returns = run.returns();
      for (int t = 1; t < returns.length; t++) {
        java.time.LocalDate d = dates.get(t);
        if (d.isBefore(r.fold().trainEnd()) || !d.isBefore(r.fold().testEnd())) {
          continue;
        }
        if (Double.isNaN(value)) {
          value = config.capital();
          nav.put(dates.get(t - 1), value);
        }
        if (!Double.isNaN(returns[t])) {
          value *= 1 + returns[t];
        }
        nav.put(d, value);
      }
    }
    if (nav.isEmpty()) {
      return;
    }
    Path file = new Path(new Path(next, Tables.EQUITY), DecisionTables.WALK_FORWARD_FILE);
    try (RowFileWriter writer = RowFileWriter.create(file, Tables.EQUITY_SCHEMA, conf)) {
      int columns = Tables.EQUITY_SCHEMA.size();
      for (Map.Entry<java.time.LocalDate, Double> e : nav.entrySet()) {
        Object[] row = new Object[columns];
        row[0] = DecisionTables.WALK_FORWARD_ID;
        row[1] = e.getKey();
        row[2] = Math.round(e.getValue() * 100) / 100.0; // to the cent, as the other paths
        writer.write(row);
      }
    }
  }
}
