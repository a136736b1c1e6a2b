package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.backgrid.engine.metrics.PerformanceMetrics;
import io.backgrid.engine.stats.DrawdownPeriod;
import io.backgrid.engine.stats.MonthReturn;
import io.backgrid.engine.stats.SharpeInference;
import io.backgrid.engine.stats.YearFigures;
import java.time.LocalDate;
import java.util.List;

/**
 * The tables of issue 13's per-configuration figures: {@code period_returns} (one row per
 * configuration and calendar year, and per month for the configurations with an equity path),
 * {@code drawdowns} (the 5 deepest drawdown periods per configuration), and, with {@code
 * study.benchmark}, {@code benchmark} (its daily NAV) and {@code benchmark_metrics} (its own
 * metrics, one row). Formulas in {@link io.backgrid.engine.stats.CalendarPeriods} and {@link
 * io.backgrid.engine.stats.DrawdownPeriods}.
 */
final class FigureTables {
  /**
   * One calendar year of a configuration (month null), or one month of a configuration with an
   * equity path (only its return: periods, volatility, Sharpe and drawdown NaN/null).
   */
  record PeriodRow(
      String configId,
      int year,
      Integer month,
      Integer periods,
      double totalReturn,
      double volatility,
      double sharpe,
      double maxDrawdown) {
    static PeriodRow of(String configId, YearFigures y) {
      return new PeriodRow(
          configId,
          y.year(),
          null,
          y.returns(),
          y.totalReturn(),
          y.volatility(),
          y.sharpe(),
          y.maxDrawdown());
    }

    static PeriodRow of(String configId, MonthReturn m) {
      double nan = Double.NaN;
      return new PeriodRow(configId, m.year(), m.month(), null, m.totalReturn(), nan, nan, nan);
    }
  }

  /** The rank-th deepest drawdown period of a configuration (1 = the deepest). */
  record DrawdownRow(String configId, int rank, DrawdownPeriod period) {}

  /** One date of the benchmark's path; {@code dailyReturn} NaN on the first date. */
  record BenchmarkBar(LocalDate date, double nav, double dailyReturn) {}

  /** The benchmark's own figures. */
  record BenchmarkFigures(String benchmark, PerformanceMetrics metrics, SharpeInference sharpe) {}

  static final TableLayout<PeriodRow> PERIOD_RETURNS_TABLE =
      new TableLayout<>(
          Tables.PERIOD_RETURNS,
          List.of(
              TableColumn.required(
                  "config_id", StringType, "configuration id", PeriodRow::configId),
              TableColumn.required(
                  "year", IntegerType, "calendar year of the returns", PeriodRow::year),
              TableColumn.of(
                  "month",
                  IntegerType,
                  "calendar month 1-12 of a month row (written for the configurations with an"
                      + " equity path); NULL on a year row (written for every configuration)",
                  PeriodRow::month),
              TableColumn.of(
                  "periods",
                  IntegerType,
                  "number of daily returns dated in the year; NULL on a month row",
                  PeriodRow::periods),
              TableColumn.of(
                  "total_return",
                  DoubleType,
                  "the period's return: index at its last bar / index at the previous period's"
                      + " last bar (or the start) - 1, fraction",
                  PeriodRow::totalReturn),
              TableColumn.of(
                  "volatility",
                  DoubleType,
                  "annualised sample sd of the year's daily returns (x sqrt 252), fraction; NULL"
                      + " with fewer than 2 and on a month row",
                  PeriodRow::volatility),
              TableColumn.of(
                  "sharpe",
                  DoubleType,
                  "annualised Sharpe of the year's daily returns ((mean - rf) / sd x sqrt 252);"
                      + " NULL with fewer than 2, sd 0 and on a month row",
                  PeriodRow::sharpe),
              TableColumn.of(
                  "max_drawdown",
                  DoubleType,
                  "deepest fall within the year from a peak within the year (the opening value"
                      + " counts), fraction in [-1, 0]; NULL on a month row",
                  PeriodRow::maxDrawdown)));

  static final TableLayout<DrawdownRow> DRAWDOWNS_TABLE =
      new TableLayout<>(
          Tables.DRAWDOWNS,
          List.of(
              TableColumn.required(
                  "config_id", StringType, "configuration id", DrawdownRow::configId),
              TableColumn.required(
                  "rank",
                  IntegerType,
                  "1 = the deepest drawdown period of the configuration, up to 5",
                  DrawdownRow::rank),
              TableColumn.required(
                  "peak_date",
                  DateType,
                  "last date at the running maximum of the return index before the fall",
                  r -> r.period().peak()),
              TableColumn.required(
                  "trough_date",
                  DateType,
                  "date of the period's lowest value (the first on a tie)",
                  r -> r.period().trough()),
              TableColumn.of(
                  "recovery_date",
                  DateType,
                  "first date back at or above the peak; NULL when not recovered by the end",
                  r -> r.period().recovery().orElse(null)),
              TableColumn.required(
                  "depth",
                  DoubleType,
                  "trough / peak - 1 of the return index, fraction in [-1, 0); rank 1 is"
                      + " max_drawdown",
                  r -> r.period().depth()),
              TableColumn.required(
                  "length_days",
                  IntegerType,
                  "calendar days from the peak to the recovery (or to the last date)",
                  r -> r.period().lengthDays())));

  static final TableLayout<BenchmarkBar> BENCHMARK_TABLE =
      new TableLayout<>(
          Tables.BENCHMARK,
          List.of(
              TableColumn.required("date", DateType, "date of the bar", BenchmarkBar::date),
              TableColumn.required(
                  "nav",
                  DoubleType,
                  "the benchmark's value, 1 on the first date: a symbol's price / its first, or"
                      + " the weighted mix rebalanced on its schedule",
                  BenchmarkBar::nav),
              TableColumn.of(
                  "daily_return",
                  DoubleType,
                  "nav / the previous date's nav - 1, fraction; NULL on the first date",
                  BenchmarkBar::dailyReturn)));

  static final TableLayout<BenchmarkFigures> BENCHMARK_METRICS_TABLE =
      new TableLayout<>(
          Tables.BENCHMARK_METRICS,
          MetricTables.concat(
              List.of(
                  TableColumn.required(
                      "benchmark",
                      StringType,
                      "the benchmark: a symbol, or 'SPY 0.6, IEF 0.4 rebalanced monthly'",
                      BenchmarkFigures::benchmark)),
              MetricTables.from(MetricColumns.ALL, BenchmarkFigures::metrics),
              MetricTables.from(FigureColumns.SHARPE, BenchmarkFigures::sharpe)));

  private FigureTables() {}
}
