package io.backgrid.spark.job;

import io.backgrid.engine.ledger.Money;
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
 * Turns one configuration's outcome into rows of the result tables. Undefined metrics (NaN) become
 * SQL NULL, so that {@code ORDER BY sharpe DESC} puts them last instead of first.
 */
final class ResultRows {
  static final String OK = "OK";
  static final String FAILED = "FAILED";
  private static final int PORTFOLIO_METRICS = Tables.PER_CONFIG.indexOf(Tables.PORTFOLIO_METRICS);

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
    Object[] metrics = Tables.metricValues(r.metrics());
    emit(
        out,
        Tables.PORTFOLIO_METRICS,
        concat(
            new Object[] {configId, OK, null, Money.units(r.finalNavCents())},
            metrics,
            new Object[] {
              Money.units(r.costsCents()),
              Money.units(r.nettingSavingsCents()),
              r.rebalanceCount(),
              (long) r.tradeCount(),
              Money.units(r.reserveCents())
            }));
    for (SleeveResult s : r.sleeves()) {
      emit(
          out,
          Tables.SLEEVE_METRICS,
          concat(
              new Object[] {configId, s.id(), s.state().name(), s.error()},
              Tables.metricValues(s.metrics()),
              new Object[] {
                s.finalWeight(),
                s.targetWeight(),
                Money.units(s.allocatedCents()),
                Money.units(s.finalNavCents()),
                Money.units(s.costsCents()),
                Money.units(s.realisedPnlCents()),
                s.trades()
              }));
    }
    CorrelationMatrix c = r.correlations();
    List<String> ids = c.ids();
    for (int a = 0; a < ids.size(); a++) {
      for (int b = a + 1; b < ids.size(); b++) {
        emit(
            out,
            Tables.SLEEVE_CORRELATIONS,
            new Object[] {configId, ids.get(a), ids.get(b), c.get(a, b)});
      }
    }
    for (RebalanceRecord rb : r.rebalances()) {
      emit(
          out,
          Tables.REBALANCES,
          new Object[] {
            configId,
            rb.date(),
            rb.reason(),
            rb.weightsBefore(),
            rb.targets(),
            rb.weightsAfter(),
            Money.units(rb.capitalMovedCents()),
            Money.units(rb.costsCents())
          });
    }
  }

  /** The one row of a configuration that failed: status FAILED and the error, no metrics. */
  static void failed(String configId, Throwable error, Sink out) {
    Object[] values = new Object[Tables.PORTFOLIO_METRICS_SCHEMA.size()];
    values[0] = configId;
    values[1] = FAILED;
    values[2] = describe(error);
    out.row(PORTFOLIO_METRICS, values);
  }

  /** The equity rows (one per bar) of a configuration run with full detail. */
  static void equity(String configId, SimulationResult r, Consumer<Row> out) {
    List<String> ids = r.sleeves().stream().map(SleeveResult::id).toList();
    long[] nav = r.navCents();
    for (int t = 0; t < nav.length; t++) {
      Map<String, Double> sleeves = new LinkedHashMap<>();
      long invested = 0;
      for (int i = 0; i < ids.size(); i++) {
        sleeves.put(ids.get(i), Money.units(r.sleeveNavCents()[i][t]));
        invested += r.sleeveNavCents()[i][t];
      }
      out.accept(
          RowFactory.create(
              configId,
              r.dates().get(t),
              Money.units(nav[t]),
              Money.units(nav[t] - invested),
              scala.jdk.javaapi.CollectionConverters.asScala(sleeves)));
    }
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static void emit(Sink out, String table, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Double d && d.isNaN()) {
        values[i] = null;
      }
    }
    out.row(Tables.PER_CONFIG.indexOf(table), values);
  }

  private static Object[] concat(Object[]... parts) {
    int n = 0;
    for (Object[] p : parts) {
      n += p.length;
    }
    Object[] out = new Object[n];
    int k = 0;
    for (Object[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }
}
