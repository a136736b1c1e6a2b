package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.backgrid.engine.stats.WalkForward;
import io.backgrid.engine.stats.WindowSums;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * The study-level tables of issue 13, written by the driver ({@link DecisionStatistics}): {@code
 * walk_forward} (one row per fold), {@code walk_forward_summary} (the stitched out-of-sample series
 * and the full-period best over the same span) and {@code overfitting} (one row per selection
 * metric: the Sharpe ratio). Empty when the study asks for none of it. Undefined values are NULL.
 */
final class DecisionTables {
  static final String WALK_FORWARD = "walk_forward";
  static final String WALK_FORWARD_SUMMARY = "walk_forward_summary";
  static final String OVERFITTING = "overfitting";

  /** The config_id of the stitched out-of-sample NAV in {@code equity}. */
  static final String WALK_FORWARD_ID = "walk-forward";

  /** The equity part file holding it. */
  static final String WALK_FORWARD_FILE = "part-" + WALK_FORWARD_ID + ".parquet";

  private DecisionTables() {}

  /** One fold; {@code configId} null when no configuration had a defined train metric. */
  record FoldRow(WalkForward.FoldResult result, String configId, String metric) {}

  /** One summarised series over the out-of-sample span. */
  record SummaryRow(
      String series,
      String configId,
      String metric,
      WindowSums sums,
      double sharpe,
      double cagr,
      double efficiency) {}

  /** The overfitting figures of one selection metric. */
  record OverfittingRow(
      String metric,
      int trials,
      String bestConfigId,
      double bestSharpe,
      double sr0,
      double dsr,
      double pbo,
      int blocks,
      int combinations,
      double degradationSlope,
      double probabilityOfLoss,
      double bootLow,
      double bootHigh,
      double[] logits) {}

  static final TableLayout<FoldRow> WALK_FORWARD_TABLE =
      new TableLayout<>(
          WALK_FORWARD,
          List.of(
              TableColumn.required(
                  "fold", IntegerType, "fold number, from 0", r -> fold(r).index()),
              TableColumn.required(
                  "train_start",
                  DateType,
                  "first day of the train window (inclusive)",
                  r -> fold(r).trainStart()),
              TableColumn.required(
                  "train_end",
                  DateType,
                  "end of the train window (exclusive) = test_start",
                  r -> fold(r).trainEnd()),
              TableColumn.required(
                  "test_start",
                  DateType,
                  "first day of the test window (inclusive)",
                  r -> fold(r).trainEnd()),
              TableColumn.required(
                  "test_end",
                  DateType,
                  "end of the test window (exclusive; after the data's last date for a last fold"
                      + " cut short)",
                  r -> fold(r).testEnd()),
              TableColumn.of(
                  "config_id",
                  StringType,
                  "the selection: best train-window metric (ties: smallest config_id)",
                  FoldRow::configId),
              TableColumn.required(
                  "metric", StringType, "the walk-forward's select-by metric", FoldRow::metric),
              TableColumn.of(
                  "train_metric",
                  DoubleType,
                  "the selection's metric on the train window (portfolio_metrics' formula)",
                  r -> r.result().trainMetric()),
              TableColumn.of(
                  "test_metric",
                  DoubleType,
                  "the selection's metric on the test window",
                  r -> r.result().testMetric()),
              TableColumn.of(
                  "test_rank",
                  IntegerType,
                  "1 + configurations strictly better on the test window (1 = best)",
                  r -> r.configId() == null ? null : r.result().testRank()),
              TableColumn.of(
                  "test_percentile",
                  DoubleType,
                  "1 - (test_rank - 1) / configurations, in (0, 1], 1 = best on the test window",
                  r -> r.result().testPercentile()),
              TableColumn.required(
                  "configurations",
                  IntegerType,
                  "configurations with a defined test-window metric",
                  r -> r.result().configurations())));

  static final TableLayout<SummaryRow> SUMMARY_TABLE =
      new TableLayout<>(
          WALK_FORWARD_SUMMARY,
          List.of(
              TableColumn.required(
                  "series",
                  StringType,
                  "walk-forward (the folds' selections' test windows stitched) or"
                      + " full-period-best (the configuration best over the whole data by the"
                      + " metric, over the same span: hindsight)",
                  SummaryRow::series),
              TableColumn.of(
                  "config_id",
                  StringType,
                  "the full-period best; NULL for walk-forward",
                  SummaryRow::configId),
              TableColumn.required(
                  "metric", StringType, "the select-by metric", SummaryRow::metric),
              TableColumn.of(
                  "start_date",
                  DateType,
                  "date of the value before the first out-of-sample return",
                  r -> day(r.sums().baseDay())),
              TableColumn.of(
                  "end_date",
                  DateType,
                  "date of the last out-of-sample return",
                  r -> day(r.sums().lastDay())),
              TableColumn.required(
                  "returns", IntegerType, "daily returns in the span", r -> r.sums().count()),
              TableColumn.of(
                  "total_return",
                  DoubleType,
                  "product of (1 + r) - 1 over the span, fraction",
                  r -> r.sums().count() == 0 ? null : r.sums().growth() - 1),
              TableColumn.of(
                  "cagr",
                  DoubleType,
                  "(1 + total_return)^(365.25 / calendar days) - 1",
                  SummaryRow::cagr),
              TableColumn.of(
                  "sharpe",
                  DoubleType,
                  "annualised Sharpe ratio (mean - rf_p) / sd x sqrt 252",
                  SummaryRow::sharpe),
              TableColumn.of(
                  "max_drawdown",
                  DoubleType,
                  "maximum drawdown over the span, fraction <= 0",
                  r -> r.sums().count() == 0 ? null : r.sums().maxDrawdown()),
              TableColumn.of(
                  "wfe",
                  DoubleType,
                  "walk-forward efficiency: cagr / mean of the selections' train-window CAGRs;"
                      + " NULL for full-period-best",
                  SummaryRow::efficiency)));

  static final TableLayout<OverfittingRow> OVERFITTING_TABLE =
      new TableLayout<>(
          OVERFITTING,
          List.of(
              TableColumn.required(
                  "metric",
                  StringType,
                  "the selection metric the row is about (sharpe)",
                  OverfittingRow::metric),
              TableColumn.required(
                  "trials",
                  IntegerType,
                  "N: OK configurations with a defined Sharpe ratio",
                  OverfittingRow::trials),
              TableColumn.of(
                  "best_config_id",
                  StringType,
                  "the configuration with the highest Sharpe ratio (ties: smallest config_id)",
                  OverfittingRow::bestConfigId),
              TableColumn.of(
                  "best_sharpe",
                  DoubleType,
                  "its annualised Sharpe ratio",
                  OverfittingRow::bestSharpe),
              TableColumn.of(
                  "sr0",
                  DoubleType,
                  "expected maximum per-period Sharpe of N unskilled trials: sqrt(V)((1 - g)"
                      + " invPhi(1 - 1/N) + g invPhi(1 - 1/(N e))), g = 0.5772156649",
                  OverfittingRow::sr0),
              TableColumn.of(
                  "dsr",
                  DoubleType,
                  "deflated Sharpe ratio: probability that the best's true Sharpe exceeds sr0"
                      + " (Bailey & Lopez de Prado 2014), in [0, 1]",
                  OverfittingRow::dsr),
              TableColumn.of(
                  "pbo",
                  DoubleType,
                  "probability of backtest overfitting by CSCV: share of the C(S, S/2) splits"
                      + " whose in-sample best ranks in the out-of-sample lower half (logit <= 0)",
                  OverfittingRow::pbo),
              TableColumn.required(
                  "blocks", IntegerType, "S, the CSCV blocks", OverfittingRow::blocks),
              TableColumn.required(
                  "combinations",
                  IntegerType,
                  "C(S, S/2), the splits evaluated (0 when CSCV could not run)",
                  OverfittingRow::combinations),
              TableColumn.of(
                  "degradation_slope",
                  DoubleType,
                  "OLS slope of the selections' out-of-sample on in-sample per-period Sharpe",
                  OverfittingRow::degradationSlope),
              TableColumn.of(
                  "prob_oos_loss",
                  DoubleType,
                  "share of splits whose selection lost out-of-sample (mean return < 0)",
                  OverfittingRow::probabilityOfLoss),
              TableColumn.of(
                  "sharpe_boot_low",
                  DoubleType,
                  "2.5th percentile of the best's annualised Sharpe, stationary bootstrap (1,000"
                      + " resamples, mean block n^(1/3), seed 1)",
                  OverfittingRow::bootLow),
              TableColumn.of(
                  "sharpe_boot_high",
                  DoubleType,
                  "97.5th percentile of the same",
                  OverfittingRow::bootHigh),
              TableColumn.of(
                  "logits",
                  DataTypes.createArrayType(DoubleType, false),
                  "the CSCV logit ln(w / (1 - w)) of every split (the report's histogram);"
                      + " empty beyond 200,000 splits",
                  OverfittingRow::logits)));

  private static io.backgrid.engine.stats.WalkForwardFolds.Fold fold(FoldRow r) {
    return r.result().fold();
  }

  private static LocalDate day(long epochDay) {
    return epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
  }
}
