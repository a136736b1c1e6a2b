package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;

import io.backgrid.engine.stats.BenchmarkRelative;
import io.backgrid.engine.stats.SharpeInference;
import java.util.List;

/**
 * The decision-statistics columns of the metrics tables (issue 13): the Sharpe ratio's uncertainty
 * ({@code portfolio_metrics}) and the figures relative to the study's benchmark ({@code
 * portfolio_metrics} and {@code sleeve_metrics}; NULL without {@code study.benchmark}). Formulas in
 * {@link SharpeInference} and {@link io.backgrid.engine.stats.BenchmarkRelativeAccumulator}; daily
 * returns, 252 periods a year, rf the study's risk-free rate.
 */
final class FigureColumns {
  static final List<TableColumn<SharpeInference>> SHARPE =
      List.of(
          TableColumn.of(
              "sharpe_se",
              DoubleType,
              "standard error of the annualised Sharpe: sqrt((1 - g3 SR + (g4 - 1)/4 SR^2) / T) x"
                  + " sqrt 252, SR the daily Sharpe, g3/g4 the returns' population skewness and"
                  + " kurtosis (Mertens 2002, Lo 2002); NULL with fewer than 2 returns",
              SharpeInference::annualisedStandardError),
          TableColumn.of(
              "sharpe_ci_low",
              DoubleType,
              "lower end of the 95% interval of the annualised Sharpe: sharpe - 1.96 x sharpe_se",
              SharpeInference::ciLow),
          TableColumn.of(
              "sharpe_ci_high",
              DoubleType,
              "upper end of the 95% interval of the annualised Sharpe: sharpe + 1.96 x sharpe_se",
              SharpeInference::ciHigh),
          TableColumn.of(
              "psr",
              DoubleType,
              "probabilistic Sharpe ratio against 0: Phi(SR sqrt(T - 1) / sqrt(1 - g3 SR + (g4 -"
                  + " 1)/4 SR^2)), the probability that the true Sharpe is above 0 (Bailey & Lopez"
                  + " de Prado 2012), in [0, 1]",
              SharpeInference::psr));

  static final List<TableColumn<BenchmarkRelative>> RELATIVE =
      List.of(
          TableColumn.of(
              "alpha",
              DoubleType,
              "annualised intercept of the OLS regression of daily excess returns (r - rf) on the"
                  + " benchmark's: mean(y - beta x) x 252 (Jensen); NULL without a benchmark",
              BenchmarkRelative::alpha),
          TableColumn.of(
              "beta",
              DoubleType,
              "slope of that regression: cov(r, r_b) / var(r_b); NULL without a benchmark",
              BenchmarkRelative::beta),
          TableColumn.of(
              "benchmark_correlation",
              DoubleType,
              "Pearson correlation of the daily returns with the benchmark's, in [-1, 1]",
              BenchmarkRelative::correlation),
          TableColumn.of(
              "tracking_error",
              DoubleType,
              "annualised sample sd of the active returns r - r_b: sd x sqrt 252, fraction",
              BenchmarkRelative::trackingError),
          TableColumn.of(
              "information_ratio",
              DoubleType,
              "annualised mean active return / tracking_error: mean(r - r_b) x 252 /"
                  + " tracking_error (Grinold & Kahn); NULL when tracking_error is 0",
              BenchmarkRelative::informationRatio),
          TableColumn.of(
              "up_capture",
              DoubleType,
              "annualised geometric return over the days the benchmark rose / the benchmark's"
                  + " over those days (as empyrical); NULL when it never rose",
              BenchmarkRelative::upCapture),
          TableColumn.of(
              "down_capture",
              DoubleType,
              "the same over the days the benchmark fell (below 1: it fell less); NULL when it"
                  + " never fell",
              BenchmarkRelative::downCapture));

  private FigureColumns() {}
}
