/**
 * Performance metrics of DESIGN §5, computed in one pass.
 *
 * <p>{@link io.backgrid.engine.metrics.MetricsAccumulator} is fed one flow-adjusted simple return
 * per bar for one series (the portfolio, or one sleeve), allocates nothing per observation, and
 * snapshots into the immutable {@link io.backgrid.engine.metrics.PerformanceMetrics}; {@code
 * reset()} makes it ready for the next configuration. {@link
 * io.backgrid.engine.metrics.CorrelationMatrix} holds the sleeves' pairwise correlations, aligned
 * by date. {@link io.backgrid.engine.metrics.ReturnMoments} hands the population skewness and
 * kurtosis of the same one-pass sums to the decision statistics of {@code engine.stats}.
 *
 * <p>Conventions shared by every metric: returns r_1..r_n are periodic simple returns, P periods
 * per year, sample standard deviation with n − 1, the per-period risk-free rate rf_p = (1 +
 * rf)^(1/P) − 1, and index-based (not NAV-based) compounding so that capital flows never count as
 * profit, loss, peak or drawdown. Where a value is undefined it is {@code NaN}, never 0 (the
 * ±Infinity of Sortino and profit factor are documented where they arise).
 */
package io.backgrid.engine.metrics;
