package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import io.backgrid.engine.metrics.PerformanceMetrics;
import java.util.List;

/**
 * The performance columns shared by {@code portfolio_metrics} and {@code sleeve_metrics}: one
 * return series' metrics (formulas in {@link PerformanceMetrics}, DESIGN §5). Returns and drawdowns
 * are fractions (0.05 = 5 %), ratios annualised with 252 periods a year; NULL where undefined.
 */
final class MetricColumns {
  static final List<TableColumn<PerformanceMetrics>> ALL =
      List.of(
          TableColumn.of(
              "periods", IntegerType, "number of daily returns", PerformanceMetrics::periods),
          TableColumn.of(
              "total_return",
              DoubleType,
              "total return over the period, fraction (0.05 = 5 %)",
              PerformanceMetrics::totalReturn),
          TableColumn.of(
              "cagr",
              DoubleType,
              "compound annual growth rate, fraction per year (365.25-day years)",
              PerformanceMetrics::cagr),
          TableColumn.of(
              "volatility",
              DoubleType,
              "annualised volatility of daily returns, fraction",
              PerformanceMetrics::volatility),
          TableColumn.of(
              "sharpe",
              DoubleType,
              "annualised Sharpe ratio over the risk-free rate; NULL when undefined",
              PerformanceMetrics::sharpe),
          TableColumn.of(
              "sortino",
              DoubleType,
              "annualised Sortino ratio (downside risk over all returns)",
              PerformanceMetrics::sortino),
          TableColumn.of(
              "max_drawdown",
              DoubleType,
              "worst fall from a peak of the return index, fraction in [-1, 0]",
              PerformanceMetrics::maxDrawdown),
          TableColumn.of(
              "max_drawdown_bars",
              IntegerType,
              "duration of the worst drawdown, peak to recovery (or the end), in bars",
              PerformanceMetrics::maxDrawdownBars),
          TableColumn.of(
              "max_drawdown_days",
              IntegerType,
              "duration of the worst drawdown in calendar days",
              PerformanceMetrics::maxDrawdownDays),
          TableColumn.of(
              "calmar",
              DoubleType,
              "Calmar ratio: cagr / |max_drawdown|; NULL when there is no drawdown",
              PerformanceMetrics::calmar),
          TableColumn.of(
              "win_rate",
              DoubleType,
              "share of daily returns above 0, fraction in [0, 1]",
              PerformanceMetrics::winRate),
          TableColumn.of(
              "profit_factor",
              DoubleType,
              "sum of positive returns / |sum of negative returns|",
              PerformanceMetrics::profitFactor),
          TableColumn.of(
              "turnover",
              DoubleType,
              "annualised turnover: mean daily min(buys, sells) / NAV x 252, fraction per year",
              PerformanceMetrics::turnover),
          TableColumn.of(
              "skew",
              DoubleType,
              "sample skewness of daily returns (adjusted Fisher-Pearson, as pandas)",
              PerformanceMetrics::skew),
          TableColumn.of(
              "kurtosis",
              DoubleType,
              "excess kurtosis of daily returns (bias-corrected, as pandas)",
              PerformanceMetrics::kurtosis),
          TableColumn.of(
              "var_95",
              DoubleType,
              "historical 95 % value at risk: 5th percentile of daily returns, fraction",
              PerformanceMetrics::valueAtRisk95),
          TableColumn.of(
              "cvar_95",
              DoubleType,
              "95 % conditional value at risk: mean of the worst 5 % of daily returns, fraction",
              PerformanceMetrics::conditionalValueAtRisk95),
          TableColumn.of(
              "best_period",
              DoubleType,
              "best daily return, fraction",
              PerformanceMetrics::bestPeriod),
          TableColumn.of(
              "worst_period",
              DoubleType,
              "worst daily return, fraction",
              PerformanceMetrics::worstPeriod),
          TableColumn.of(
              "mean_return",
              DoubleType,
              "mean daily return, fraction per day (not annualised)",
              PerformanceMetrics::meanReturn));

  private MetricColumns() {}
}
