package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.SleeveResult;
import io.backgrid.engine.stats.BenchmarkRelative;
import io.backgrid.engine.stats.SharpeInference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The two metrics tables, {@code portfolio_metrics} (one row per configuration) and {@code
 * sleeve_metrics} (one per configuration and sleeve): keys, then the {@link MetricColumns}, then
 * the table's own columns (see {@link Tables} for units).
 */
final class MetricTables {
  /**
   * A configuration's outcome: its result, its Sharpe inference and its figures relative to the
   * benchmark (null without one), or the error that stopped it (result and figures null).
   */
  record Outcome(
      String configId,
      SimulationResult result,
      String error,
      SharpeInference sharpe,
      BenchmarkRelative relative) {
    RunStatus status() {
      return result == null ? RunStatus.FAILED : RunStatus.OK;
    }
  }

  /** One sleeve of a configuration that ran, its figures relative to the benchmark (or null). */
  record SleeveRow(String configId, SleeveResult sleeve, BenchmarkRelative relative) {}

  static final TableLayout<Outcome> PORTFOLIO_METRICS_TABLE =
      new TableLayout<>(
          Tables.PORTFOLIO_METRICS,
          concat(
              List.of(
                  TableColumn.required(
                      "config_id", StringType, "configuration id", Outcome::configId),
                  TableColumn.required(
                      "status",
                      StringType,
                      "OK, or FAILED when the configuration threw (its metrics are then NULL)",
                      o -> o.status().text()),
                  TableColumn.of(
                      "error",
                      StringType,
                      "why a FAILED configuration failed (exception and message); NULL when OK",
                      Outcome::error),
                  TableColumn.<SimulationResult>of(
                          "final_nav",
                          DoubleType,
                          "portfolio NAV at the last bar, currency units",
                          r -> Money.units(r.finalNavCents()))
                      .from(Outcome::result)),
              from(MetricColumns.ALL, o -> o.result() == null ? null : o.result().metrics()),
              from(
                  List.of(
                      TableColumn.<SimulationResult>of(
                          "costs",
                          DoubleType,
                          "commissions and slippage paid, currency units",
                          r -> Money.units(r.costsCents())),
                      TableColumn.of(
                          "netting_savings",
                          DoubleType,
                          "costs saved by netting the sleeves' orders, currency units",
                          r -> Money.units(r.nettingSavingsCents())),
                      TableColumn.of(
                          "rebalances",
                          IntegerType,
                          "number of rebalances after the initial allocation",
                          SimulationResult::rebalanceCount),
                      TableColumn.of(
                          "trades",
                          LongType,
                          "number of fills that reached the market",
                          r -> (long) r.tradeCount()),
                      TableColumn.of(
                          "reserve",
                          DoubleType,
                          "unallocated cash at the last bar, currency units",
                          r -> Money.units(r.reserveCents()))),
                  Outcome::result),
              from(NettingColumns.of(SimulationResult::netting, "over the run"), Outcome::result),
              from(FigureColumns.SHARPE, Outcome::sharpe),
              from(FigureColumns.RELATIVE, Outcome::relative)));

  static final TableLayout<SleeveRow> SLEEVE_METRICS_TABLE =
      new TableLayout<>(
          Tables.SLEEVE_METRICS,
          concat(
              List.of(
                  TableColumn.required(
                      "config_id", StringType, "configuration id", SleeveRow::configId),
                  TableColumn.required("sleeve_id", StringType, "sleeve id", s -> s.sleeve().id()),
                  TableColumn.required(
                      "state",
                      StringType,
                      "the sleeve's final state: RUNNING, PAUSED (after an error), INITIALIZING,"
                          + " LIQUIDATING",
                      s -> s.sleeve().state().name()),
                  TableColumn.of(
                      "error",
                      StringType,
                      "the error that paused the sleeve; NULL when none",
                      s -> s.sleeve().error())),
              from(MetricColumns.ALL, s -> s.sleeve().metrics()),
              from(
                  List.of(
                      TableColumn.<SleeveResult>of(
                          "final_weight",
                          DoubleType,
                          "sleeve NAV / portfolio NAV at the last bar, fraction",
                          SleeveResult::finalWeight),
                      TableColumn.of(
                          "target_weight",
                          DoubleType,
                          "target weight from the last allocation, fraction",
                          SleeveResult::targetWeight),
                      TableColumn.of(
                          "allocated",
                          DoubleType,
                          "net capital transferred into the sleeve, currency units",
                          s -> Money.units(s.allocatedCents())),
                      TableColumn.of(
                          "final_nav",
                          DoubleType,
                          "sleeve NAV at the last bar, currency units",
                          s -> Money.units(s.finalNavCents())),
                      TableColumn.of(
                          "costs",
                          DoubleType,
                          "commissions and slippage the sleeve paid, currency units",
                          s -> Money.units(s.costsCents())),
                      TableColumn.of(
                          "realised_pnl",
                          DoubleType,
                          "realised profit and loss of closed quantities, currency units",
                          s -> Money.units(s.realisedPnlCents())),
                      TableColumn.of(
                          "trades",
                          LongType,
                          "number of the sleeve's fills",
                          SleeveResult::trades)),
                  SleeveRow::sleeve),
              from(SleeveFigureColumns.ALL, s -> s.sleeve().figures()),
              from(FigureColumns.RELATIVE, SleeveRow::relative)));

  private MetricTables() {}

  /** The columns read from a part of the source; NULL where the part is null. */
  static <S, T> List<TableColumn<S>> from(
      List<TableColumn<T>> columns, Function<? super S, ? extends T> part) {
    List<TableColumn<S>> out = new ArrayList<>();
    for (TableColumn<T> c : columns) {
      out.add(c.from(part));
    }
    return out;
  }

  /** The columns of every part, in order. */
  @SafeVarargs
  static <T> List<TableColumn<T>> concat(List<TableColumn<T>>... parts) {
    List<TableColumn<T>> all = new ArrayList<>();
    for (List<TableColumn<T>> p : parts) {
      all.addAll(p);
    }
    return all;
  }
}
