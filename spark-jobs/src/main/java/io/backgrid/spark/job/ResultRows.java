package io.backgrid.spark.job;

import io.backgrid.engine.metrics.CorrelationMatrix;
import io.backgrid.engine.simulation.RebalanceRecord;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.SleeveResult;
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

  private ResultRows() {}

  /**
   * Receives rows: the index of the table in {@link Tables#PER_CONFIG} and the values in its column
   * order.
   */
  @FunctionalInterface
  interface Sink {
    void row(int table, Object[] values);
  }

  /** The rows of a configuration that ran. */
  static void of(String configId, SimulationResult r, Sink out) {
    out.row(
        PORTFOLIO_METRICS,
        MetricTables.PORTFOLIO_METRICS_TABLE.row(new MetricTables.Outcome(configId, r, null)));
    for (SleeveResult s : r.sleeves()) {
      out.row(
          SLEEVE_METRICS,
          MetricTables.SLEEVE_METRICS_TABLE.row(new MetricTables.SleeveRow(configId, s)));
    }
    CorrelationMatrix c = r.correlations();
    List<String> ids = c.ids();
    for (int a = 0; a < ids.size(); a++) {
      for (int b = a + 1; b < ids.size(); b++) {
        out.row(
            SLEEVE_CORRELATIONS,
            Tables.SLEEVE_CORRELATIONS_TABLE.row(
                new Tables.CorrelationRow(configId, ids.get(a), ids.get(b), c.get(a, b))));
      }
    }
    String[] sleeves = r.sleeves().stream().map(SleeveResult::id).toArray(String[]::new);
    for (RebalanceRecord rb : r.rebalances()) {
      out.row(
          REBALANCES, Tables.REBALANCES_TABLE.row(new Tables.RebalanceRow(configId, sleeves, rb)));
    }
  }

  /** The one row of a configuration that failed: status FAILED and the error, no metrics. */
  static void failed(String configId, Throwable error, Sink out) {
    out.row(
        PORTFOLIO_METRICS,
        MetricTables.PORTFOLIO_METRICS_TABLE.row(
            new MetricTables.Outcome(configId, null, describe(error))));
  }

  /** The equity rows (one per bar) of a configuration run with full detail. */
  static void equity(String configId, SimulationResult r, Consumer<Row> out) {
    List<String> ids = r.sleeves().stream().map(SleeveResult::id).toList();
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
              Tables.EQUITY_TABLE.row(
                  new Tables.EquityBar(
                      configId, r.dates().get(t), nav[t], nav[t] - invested, sleeves))));
    }
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
