package io.backgrid.spark.job;

import io.backgrid.engine.metrics.CorrelationMatrix;
import io.backgrid.engine.simulation.LifecycleEvent;
import io.backgrid.engine.simulation.RebalanceRecord;
import io.backgrid.engine.simulation.RollingFigures;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.SleeveResult;
import io.backgrid.engine.stats.ConfigurationFigures;
import io.backgrid.engine.stats.DrawdownPeriod;
import io.backgrid.engine.stats.YearFigures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns one configuration's outcome into rows of the result tables, each row made by its table's
 * layout ({@link Tables}) from the outcome, so values follow the described columns.
 */
final class ResultRows {
  private static final int PORTFOLIO_METRICS = Tables.PER_CONFIG.indexOf(Tables.PORTFOLIO_METRICS);
  private static final int SLEEVE_METRICS = Tables.PER_CONFIG.indexOf(Tables.SLEEVE_METRICS);
  private static final int SLEEVE_CORRELATIONS =
      Tables.PER_CONFIG.indexOf(Tables.SLEEVE_CORRELATIONS);
  private static final int REBALANCES = Tables.PER_CONFIG.indexOf(Tables.REBALANCES);
  private static final int LIFECYCLE_EVENTS = Tables.PER_CONFIG.indexOf(Tables.LIFECYCLE_EVENTS);
  private static final int PERIOD_RETURNS = Tables.PER_CONFIG.indexOf(Tables.PERIOD_RETURNS);
  private static final int DRAWDOWNS = Tables.PER_CONFIG.indexOf(Tables.DRAWDOWNS);

  private ResultRows() {}

  /**
   * Receives rows: the index of the table in {@link Tables#PER_CONFIG} and the values in its column
   * order.
   */
  @FunctionalInterface
  interface Sink {
    void row(int table, Object[] values);
  }

  /** The rows of a configuration that ran, with the figures observed while it ran. */
  static void of(String configId, FigureSetup.Outcome outcome, Sink out) {
    SimulationResult r = outcome.result();
    ConfigurationFigures f = outcome.figures();
    out.row(
        PORTFOLIO_METRICS,
        MetricTables.PORTFOLIO_METRICS_TABLE.row(
            new MetricTables.Outcome(configId, r, null, f.sharpe(), f.portfolioRelative())));
    for (int i = 0; i < r.sleeves().size(); i++) {
      out.row(
          SLEEVE_METRICS,
          MetricTables.SLEEVE_METRICS_TABLE.row(
              new MetricTables.SleeveRow(configId, r.sleeves().get(i), f.sleeveRelative(i))));
    }
    CorrelationMatrix c = r.correlations();
    List<String> ids = c.ids();
    for (int a = 0; a < ids.size(); a++) {
      for (int b = a + 1; b < ids.size(); b++) {
        out.row(
            SLEEVE_CORRELATIONS,
            PathTables.SLEEVE_CORRELATIONS_TABLE.row(
                new PathTables.CorrelationRow(configId, ids.get(a), ids.get(b), c.get(a, b))));
      }
    }
    String[] sleeves = r.sleeves().stream().map(SleeveResult::id).toArray(String[]::new);
    for (RebalanceRecord rb : r.rebalances()) {
      out.row(
          REBALANCES,
          PathTables.REBALANCES_TABLE.row(new PathTables.RebalanceRow(configId, sleeves, rb)));
    }
    for (LifecycleEvent e : r.lifecycleEvents()) {
      out.row(
          LIFECYCLE_EVENTS,
          PathTables.LIFECYCLE_EVENTS_TABLE.row(new PathTables.LifecycleRow(configId, e)));
    }
    for (YearFigures y : f.years()) {
      out.row(
          PERIOD_RETURNS,
          FigureTables.PERIOD_RETURNS_TABLE.row(FigureTables.PeriodRow.of(configId, y)));
    }
    List<DrawdownPeriod> drawdowns = f.drawdowns();
    for (int k = 0; k < drawdowns.size(); k++) {
      out.row(
          DRAWDOWNS,
          FigureTables.DRAWDOWNS_TABLE.row(
              new FigureTables.DrawdownRow(configId, k + 1, drawdowns.get(k))));
    }
  }

  /** The one row of a configuration that failed: status FAILED and the error, no metrics. */
  static void failed(String configId, Throwable error, Sink out) {
    out.row(
        PORTFOLIO_METRICS,
        MetricTables.PORTFOLIO_METRICS_TABLE.row(
            new MetricTables.Outcome(configId, null, describe(error), null, null)));
  }

  /**
   * The equity rows (one per bar) of a configuration run with full detail, with the rolling
   * one-year figures ({@link SimulationResult#rolling()}).
   */
  static void equity(String configId, SimulationResult r, Consumer<Row> out) {
    List<String> ids = r.sleeves().stream().map(SleeveResult::id).toList();
    RollingFigures rolling = r.rolling();
    long[] nav = r.navCents();
    for (int t = 0; t < nav.length; t++) {
      Map<String, Double> sleeves = new LinkedHashMap<>();
      long invested = 0;
      for (int i = 0; i < ids.size(); i++) {
        sleeves.put(ids.get(i), io.backgrid.engine.ledger.Money.units(r.sleeveNavCents()[i][t]));
        invested += r.sleeveNavCents()[i][t];
      }
      out.accept(
          RowFactory.create(
              PathTables.EQUITY_TABLE.row(
                  new PathTables.EquityBar(
                      configId,
                      r.dates().get(t),
                      nav[t],
                      nav[t] - invested,
                      sleeves,
                      rolling.portfolioVolatility()[t],
                      rolling.portfolioSharpe()[t],
                      defined(ids, rolling.sleeveVolatility(), t),
                      defined(ids, rolling.sleeveSharpe(), t)))));
    }
  }

  /**
   * Sleeve id → value at bar {@code t} for the sleeves whose value is defined (not NaN), in sleeve
   * order; null when none is (the map column is then NULL, as a NaN double column is).
   */
  static Map<String, Double> defined(List<String> ids, double[][] values, int t) {
    Map<String, Double> map = null;
    for (int i = 0; i < ids.size(); i++) {
      double v = values[i][t];
      if (!Double.isNaN(v)) {
        if (map == null) {
          map = new LinkedHashMap<>();
        }
        map.put(ids.get(i), v);
      }
    }
    return map;
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
