package io.backgrid.spark.config;

import java.util.List;

/**
 * {@code study.equity}: which configurations get the (large) equity table: the best {@code top} by
 * the portfolio metric {@code by}, plus the listed config ids.
 *
 * @param top number of best configurations (≥ 0)
 * @param by a portfolio_metrics column, snake_case (e.g. {@code sharpe}, {@code cagr}); larger is
 *     better except for {@code volatility}, which the job ranks ascending
 * @param ids config ids always included
 */
public record EquitySpec(int top, String by, List<String> ids) {
  public EquitySpec {
    if (top < 0) {
      throw new IllegalArgumentException("Invalid study.equity.top: " + top + " (must be >= 0)");
    }
    ids = List.copyOf(ids);
  }
}
