/**
 * Decision statistics: the figures that say whether a study's best configuration is real and how it
 * behaves, computed from the returns the simulation produces (issue 13).
 *
 * <ul>
 *   <li>{@link io.backgrid.engine.stats.SharpeInference}: standard error, 95% interval and
 *       probabilistic Sharpe ratio of one series' Sharpe ratio (Lo 2002, Mertens 2002, Bailey &amp;
 *       López de Prado 2012);
 *   <li>{@link io.backgrid.engine.stats.DeflatedSharpe}: the Sharpe ratio of a grid's best,
 *       deflated for the number of trials (Bailey &amp; López de Prado 2014);
 *   <li>{@link io.backgrid.engine.stats.Cscv}: the probability of backtest overfitting by
 *       combinatorially symmetric cross-validation (Bailey, Borwein, López de Prado, Zhu 2015),
 *       from per-configuration block sums ({@link io.backgrid.engine.stats.BlockSums}) so that it
 *       scales to 100,000 configurations;
 *   <li>{@link io.backgrid.engine.stats.WindowSums}, {@link
 *       io.backgrid.engine.stats.WalkForwardFolds} and {@link
 *       io.backgrid.engine.stats.WalkForward}: walk-forward selection from joinable per-stretch
 *       sums, with the metrics of {@link io.backgrid.engine.stats.WindowMetric};
 *   <li>{@link io.backgrid.engine.stats.StationaryBootstrap}: a seeded interval of the annualised
 *       Sharpe ratio (Politis &amp; Romano 1994);
 *   <li>{@link io.backgrid.engine.stats.DrawdownPeriods}: the K deepest drawdown periods;
 *   <li>{@link io.backgrid.engine.stats.BenchmarkRelativeAccumulator}: alpha, beta, tracking error,
 *       information ratio and capture ratios against a benchmark;
 *   <li>{@link io.backgrid.engine.stats.CalendarPeriods}: per calendar year and month figures.
 * </ul>
 *
 * <p>Conventions are those of {@code engine.metrics}: periodic simple returns, P periods per year,
 * sample standard deviation with n − 1, the per-period risk-free rate rf_p = (1 + rf)^(1/P) − 1.
 * {@link io.backgrid.engine.stats.Gaussian} holds the standard normal Φ and Φ⁻¹ (the engine uses
 * the JDK only). An undefined value (too few returns, zero variance) is {@code NaN} here; the
 * tables write it as NULL. Accumulators meant for the bar loop allocate nothing per return.
 */
package io.backgrid.engine.stats;
