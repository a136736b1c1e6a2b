package io.backgrid.spark.job;

import static io.backgrid.spark.job.Tables.EQUITY;
import static io.backgrid.spark.job.Tables.LIFECYCLE_EVENTS;
import static io.backgrid.spark.job.Tables.REBALANCES;
import static io.backgrid.spark.job.Tables.SLEEVE_CORRELATIONS;
import static io.backgrid.spark.job.Tables.SLEEVE_MAP;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.simulation.LifecycleEvent;
import io.backgrid.engine.simulation.RebalanceRecord;
import io.backgrid.spark.parquet.DoubleMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The tables that follow a configuration through time: {@code sleeve_correlations}, {@code
 * rebalances}, {@code lifecycle_events} and the daily {@code equity} path (see {@link Tables} for
 * units). The metrics tables are in {@link MetricTables}.
 */
final class PathTables {
  private PathTables() {}

  /** One pair of sleeves (a before b in sleeve order) and their correlation. */
  record CorrelationRow(String configId, String sleeveA, String sleeveB, double correlation) {}

  /** One rebalance of a configuration; {@code sleeves} are its sleeve ids in sleeve order. */
  record RebalanceRow(String configId, String[] sleeves, RebalanceRecord rebalance) {}

  /** A lifecycle rule that fired in a configuration. */
  record LifecycleRow(String configId, LifecycleEvent event) {}

  /**
   * One bar of a configuration's daily path, money in cents, sleeve NAVs by sleeve id; the rolling
   * figures NaN, and the sleeve maps null, before a full window of returns.
   */
  record EquityBar(
      String configId,
      LocalDate date,
      long navCents,
      long reserveCents,
      Map<String, Double> sleeveNav,
      double volatility,
      double sharpe,
      Map<String, Double> sleeveVolatility,
      Map<String, Double> sleeveSharpe) {}

  static final TableLayout<CorrelationRow> SLEEVE_CORRELATIONS_TABLE =
      new TableLayout<>(
          SLEEVE_CORRELATIONS,
          List.of(
              TableColumn.required(
                  "config_id", StringType, "configuration id", CorrelationRow::configId),
              TableColumn.required(
                  "sleeve_a",
                  StringType,
                  "first sleeve id (sleeve order)",
                  CorrelationRow::sleeveA),
              TableColumn.required(
                  "sleeve_b",
                  StringType,
                  "second sleeve id (after sleeve_a in sleeve order)",
                  CorrelationRow::sleeveB),
              TableColumn.of(
                  "correlation",
                  DoubleType,
                  "Pearson correlation of the two sleeves' daily returns aligned by date, in [-1,"
                      + " 1]",
                  CorrelationRow::correlation)));

  static final TableLayout<RebalanceRow> REBALANCES_TABLE =
      new TableLayout<>(
          REBALANCES,
          MetricTables.concat(
              List.of(
                  TableColumn.required(
                      "config_id", StringType, "configuration id", RebalanceRow::configId),
                  TableColumn.required(
                      "date",
                      DateType,
                      "date of the bar at which capital moved (the next bar for next-open fills)",
                      r -> r.rebalance().date()),
                  TableColumn.required(
                      "reason",
                      StringType,
                      "initial, schedule <frequency> or drift <drift> > <threshold> (+ sleeves"
                          + " excluded)",
                      r -> r.rebalance().reason()),
                  TableColumn.of(
                      "weights_before",
                      SLEEVE_MAP,
                      "sleeve id -> actual weight (sleeve NAV / portfolio NAV) before, fraction",
                      r -> new DoubleMap(r.sleeves(), r.rebalance().weightsBefore())),
                  TableColumn.of(
                      "targets",
                      SLEEVE_MAP,
                      "sleeve id -> target weight after algorithm and constraints, fraction",
                      r -> new DoubleMap(r.sleeves(), r.rebalance().targets())),
                  TableColumn.of(
                      "weights_after",
                      SLEEVE_MAP,
                      "sleeve id -> actual weight after the capital moved, fraction",
                      r -> new DoubleMap(r.sleeves(), r.rebalance().weightsAfter())),
                  TableColumn.of(
                      "capital_moved",
                      DoubleType,
                      "gross transfers between sleeves and the reserve, currency units",
                      r -> Money.units(r.rebalance().capitalMovedCents())),
                  TableColumn.of(
                      "costs",
                      DoubleType,
                      "costs of the sells that freed the capital, currency units",
                      r -> Money.units(r.rebalance().costsCents())),
                  TableColumn.required(
                      "clamped",
                      IntegerType,
                      "how many sleeves' targets a min/max constraint decided (0 without"
                          + " constraints)",
                      r -> r.rebalance().clamped())),
              NettingColumns.of(
                  (RebalanceRow r) -> r.rebalance().netting(),
                  "at the rebalance's execution point")));

  static final TableLayout<EquityBar> EQUITY_TABLE =
      new TableLayout<>(
          EQUITY,
          List.of(
              TableColumn.required(
                  "config_id", StringType, "configuration id", EquityBar::configId),
              TableColumn.required("date", DateType, "date of the bar", EquityBar::date),
              TableColumn.of(
                  "nav",
                  DoubleType,
                  "portfolio NAV at the bar's close, currency units",
                  e -> Money.units(e.navCents())),
              TableColumn.of(
                  "reserve",
                  DoubleType,
                  "unallocated cash (NAV minus the sleeves' NAVs), currency units",
                  e -> Money.units(e.reserveCents())),
              TableColumn.of(
                  "sleeve_nav",
                  SLEEVE_MAP,
                  "sleeve id -> sleeve NAV at the bar's close, currency units",
                  e -> scala.jdk.javaapi.CollectionConverters.asScala(e.sleeveNav())),
              TableColumn.of(
                  "rolling_volatility",
                  DoubleType,
                  "portfolio's annualised volatility of the last 252 daily returns (sample sd x"
                      + " sqrt 252), fraction; NULL before 252 returns",
                  EquityBar::volatility),
              TableColumn.of(
                  "rolling_sharpe",
                  DoubleType,
                  "portfolio's annualised Sharpe ratio of the last 252 daily returns ((mean - rf)"
                      + " / sd x sqrt 252); NULL before 252 returns or when sd is 0",
                  EquityBar::sharpe),
              TableColumn.of(
                  "sleeve_rolling_volatility",
                  SLEEVE_MAP,
                  "sleeve id -> rolling_volatility of the sleeve's flow-adjusted returns; a sleeve"
                      + " without a value is left out, NULL when none has one",
                  e -> scalaMap(e.sleeveVolatility())),
              TableColumn.of(
                  "sleeve_rolling_sharpe",
                  SLEEVE_MAP,
                  "sleeve id -> rolling_sharpe of the sleeve's flow-adjusted returns; a sleeve"
                      + " without a value is left out, NULL when none has one",
                  e -> scalaMap(e.sleeveSharpe()))));

  static final TableLayout<LifecycleRow> LIFECYCLE_EVENTS_TABLE =
      new TableLayout<>(
          LIFECYCLE_EVENTS,
          List.of(
              TableColumn.required(
                  "config_id", StringType, "configuration id", LifecycleRow::configId),
              TableColumn.required(
                  "date",
                  DateType,
                  "the bar whose close the rule saw (the action takes effect at the next execution"
                      + " point)",
                  r -> r.event().date()),
              TableColumn.required(
                  "sleeve", StringType, "the sleeve's id", r -> r.event().sleeve()),
              TableColumn.required(
                  "action", StringType, "pause, resume or remove", r -> r.event().action().label()),
              TableColumn.required(
                  "reason",
                  StringType,
                  "why the rule fired, e.g. drawdown 0.213 > 0.2, return(63) -0.152 < -0.1, on"
                      + " 2015-01-02",
                  r -> r.event().reason())));

  /** A Java map as the Scala map Spark rows hold; null stays null. */
  private static Object scalaMap(Map<String, Double> map) {
    return map == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(map);
  }
}
