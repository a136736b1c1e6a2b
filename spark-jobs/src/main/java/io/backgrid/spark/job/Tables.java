package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables (DESIGN §6): each table's columns described once ({@link TableColumn}: name,
 * type, nullability, meaning with unit, value), from which both its schema (with the comments
 * {@code DESCRIBE} shows) and its rows are made. Money columns are in currency units (not cents);
 * returns, volatilities and drawdowns are fractions (0.05 = 5%); ratios are annualised with 252
 * periods per year. Per-sleeve values are maps sleeve id → value. The metrics tables are in {@link
 * MetricTables}, the tables along a configuration's path in {@link PathTables}.
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

  public static final String WINDOW_SUMS = WindowSumRows.WINDOW_SUMS;
  public static final String WALK_FORWARD = DecisionTables.WALK_FORWARD;
  public static final String WALK_FORWARD_SUMMARY = DecisionTables.WALK_FORWARD_SUMMARY;
  public static final String OVERFITTING = DecisionTables.OVERFITTING;

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
          DRAWDOWNS,
          WINDOW_SUMS);

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
          RUNS,
          WINDOW_SUMS,
          WALK_FORWARD,
          WALK_FORWARD_SUMMARY,
          OVERFITTING);

  /** The tables a study has only with {@code study.benchmark}. */
  public static final List<String> WITH_BENCHMARK = List.of(BENCHMARK, BENCHMARK_METRICS);

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
  public static final StructType SLEEVE_CORRELATIONS_SCHEMA =
      PathTables.SLEEVE_CORRELATIONS_TABLE.schema();
  public static final StructType REBALANCES_SCHEMA = PathTables.REBALANCES_TABLE.schema();
  public static final StructType LIFECYCLE_EVENTS_SCHEMA =
      PathTables.LIFECYCLE_EVENTS_TABLE.schema();
  public static final StructType EQUITY_SCHEMA = PathTables.EQUITY_TABLE.schema();
  public static final StructType RUNS_SCHEMA = RUNS_TABLE.schema();

  private Tables() {}

  /** The layout of a table other than {@code configs} (whose columns depend on the grid). */
  static TableLayout<?> layout(String table) {
    return switch (table) {
      case PORTFOLIO_METRICS -> MetricTables.PORTFOLIO_METRICS_TABLE;
      case SLEEVE_METRICS -> MetricTables.SLEEVE_METRICS_TABLE;
      case SLEEVE_CORRELATIONS -> PathTables.SLEEVE_CORRELATIONS_TABLE;
      case REBALANCES -> PathTables.REBALANCES_TABLE;
      case LIFECYCLE_EVENTS -> PathTables.LIFECYCLE_EVENTS_TABLE;
      case EQUITY -> PathTables.EQUITY_TABLE;
      case RUNS -> RUNS_TABLE;
      case WINDOW_SUMS -> WindowSumRows.TABLE;
      case WALK_FORWARD -> DecisionTables.WALK_FORWARD_TABLE;
      case WALK_FORWARD_SUMMARY -> DecisionTables.SUMMARY_TABLE;
      case OVERFITTING -> DecisionTables.OVERFITTING_TABLE;
      case PERIOD_RETURNS -> FigureTables.PERIOD_RETURNS_TABLE;
      case DRAWDOWNS -> FigureTables.DRAWDOWNS_TABLE;
      case BENCHMARK -> FigureTables.BENCHMARK_TABLE;
      case BENCHMARK_METRICS -> FigureTables.BENCHMARK_METRICS_TABLE;
      default -> throw new IllegalArgumentException("Unknown table '" + table + "'; known: " + ALL);
    };
  }

  /** The schema of a table other than {@code configs}. */
  static StructType schema(String table) {
    return layout(table).schema();
  }
}
