package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.simulation.LifecycleEvent;
import io.backgrid.engine.simulation.RebalanceRecord;
import io.backgrid.spark.parquet.DoubleMap;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables (DESIGN §6): each table's columns described once ({@link TableColumn}: name,
 * type, nullability, meaning with unit, value), from which both its schema (with the comments
 * {@code DESCRIBE} shows) and its rows are made. Money columns are in currency units (not cents);
 * returns, volatilities and drawdowns are fractions (0.05 = 5%); ratios are annualised with 252
 * periods per year. Per-sleeve values are maps sleeve id → value. The metrics tables are in {@link
 * MetricTables}.
 */
public final class Tables {
  public static final String CONFIGS = "configs";
  public static final String PORTFOLIO_METRICS = "portfolio_metrics";
  public static final String SLEEVE_METRICS = "sleeve_metrics";
  public static final String SLEEVE_CORRELATIONS = "sleeve_correlations";
  public static final String REBALANCES = "rebalances";
  public static final String EQUITY = "equity";
  public static final String LIFECYCLE_EVENTS = "lifecycle_events";
  public static final String RUNS = "runs";
  public static final String PERIOD_RETURNS = "period_returns";
  public static final String DRAWDOWNS = "drawdowns";

  /** Written only by a study with {@code study.benchmark}. */
  public static final String BENCHMARK = "benchmark";

  /** Written only by a study with {@code study.benchmark}. */
  public static final String BENCHMARK_METRICS = "benchmark_metrics";

  /** The type of a per-sleeve value: a map sleeve id → double (see {@link DoubleMap}). */
  public static final DataType SLEEVE_MAP = DataTypes.createMapType(StringType, DoubleType, false);

  /**
   * The tables every configuration writes rows to, in the order of the table index in {@link
   * ResultRows.Sink}.
   */
  static final List<String> PER_CONFIG =
      List.of(
          PORTFOLIO_METRICS,
          SLEEVE_METRICS,
          SLEEVE_CORRELATIONS,
          REBALANCES,
          LIFECYCLE_EVENTS,
          PERIOD_RETURNS,
          DRAWDOWNS);

  /** All tables of a study. */
  public static final List<String> ALL =
      List.of(
          CONFIGS,
          PORTFOLIO_METRICS,
          SLEEVE_METRICS,
          SLEEVE_CORRELATIONS,
          REBALANCES,
          LIFECYCLE_EVENTS,
          PERIOD_RETURNS,
          DRAWDOWNS,
          EQUITY,
          RUNS);

  /** The tables a study has only with {@code study.benchmark}. */
  public static final List<String> WITH_BENCHMARK = List.of(BENCHMARK, BENCHMARK_METRICS);

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

  /** One run of the study (times in epoch milliseconds; {@code finished} -1 when unknown). */
  record RunRow(
      String runId,
      long started,
      long finished,
      long configurations,
      long computed,
      long reused,
      long failed,
      String dataFingerprint,
      String configFingerprint,
      String codeVersion,
      String master,
      RunStatus status) {}

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

  static final TableLayout<RunRow> RUNS_TABLE =
      new TableLayout<>(
          RUNS,
          List.of(
              TableColumn.required("run_id", StringType, "run id", RunRow::runId),
              TableColumn.of(
                  "started",
                  TimestampType,
                  "when the run started",
                  r -> new Timestamp(r.started())),
              TableColumn.of(
                  "finished",
                  TimestampType,
                  "when the run published (or was last seen); NULL when unknown",
                  r -> r.finished() < 0 ? null : new Timestamp(r.finished())),
              TableColumn.of(
                  "configurations",
                  LongType,
                  "configurations in the study",
                  RunRow::configurations),
              TableColumn.of(
                  "computed", LongType, "configurations simulated by this run", RunRow::computed),
              TableColumn.of(
                  "reused",
                  LongType,
                  "configurations whose rows were kept from earlier runs",
                  RunRow::reused),
              TableColumn.of(
                  "failed", LongType, "configurations with status FAILED", RunRow::failed),
              TableColumn.of(
                  "data_fingerprint",
                  StringType,
                  "fingerprint of the price data read",
                  RunRow::dataFingerprint),
              TableColumn.of(
                  "config_fingerprint",
                  StringType,
                  "fingerprint of the study's configurations",
                  RunRow::configFingerprint),
              TableColumn.of(
                  "code_version",
                  StringType,
                  "backgrid version that ran (dev when run from classes)",
                  RunRow::codeVersion),
              TableColumn.of("master", StringType, "Spark master URL", RunRow::master),
              TableColumn.required(
                  "status",
                  StringType,
                  "OK, or INTERRUPTED for a run that stopped before publishing",
                  r -> r.status().text())));

  public static final StructType PORTFOLIO_METRICS_SCHEMA =
      MetricTables.PORTFOLIO_METRICS_TABLE.schema();
  public static final StructType SLEEVE_METRICS_SCHEMA = MetricTables.SLEEVE_METRICS_TABLE.schema();
  public static final StructType SLEEVE_CORRELATIONS_SCHEMA = SLEEVE_CORRELATIONS_TABLE.schema();
  public static final StructType REBALANCES_SCHEMA = REBALANCES_TABLE.schema();
  public static final StructType LIFECYCLE_EVENTS_SCHEMA = LIFECYCLE_EVENTS_TABLE.schema();
  public static final StructType EQUITY_SCHEMA = EQUITY_TABLE.schema();
  public static final StructType RUNS_SCHEMA = RUNS_TABLE.schema();

  private Tables() {}

  /** The layout of a table other than {@code configs} (whose columns depend on the grid). */
  static TableLayout<?> layout(String table) {
    return switch (table) {
      case PORTFOLIO_METRICS -> MetricTables.PORTFOLIO_METRICS_TABLE;
      case SLEEVE_METRICS -> MetricTables.SLEEVE_METRICS_TABLE;
      case SLEEVE_CORRELATIONS -> SLEEVE_CORRELATIONS_TABLE;
      case REBALANCES -> REBALANCES_TABLE;
      case LIFECYCLE_EVENTS -> LIFECYCLE_EVENTS_TABLE;
      case EQUITY -> EQUITY_TABLE;
      case RUNS -> RUNS_TABLE;
      case PERIOD_RETURNS -> FigureTables.PERIOD_RETURNS_TABLE;
      case DRAWDOWNS -> FigureTables.DRAWDOWNS_TABLE;
      case BENCHMARK -> FigureTables.BENCHMARK_TABLE;
      case BENCHMARK_METRICS -> FigureTables.BENCHMARK_METRICS_TABLE;
      default -> throw new IllegalArgumentException("Unknown table '" + table + "'; known: " + ALL);
    };
  }

  /** A Java map as the Scala map Spark rows hold; null stays null. */
  private static Object scalaMap(Map<String, Double> map) {
    return map == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(map);
  }

  /** The schema of a table other than {@code configs}. */
  static StructType schema(String table) {
    return layout(table).schema();
  }
}
