package io.backgrid.spark.job;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Which configurations get the {@code equity} table (daily NAV paths): the best {@code top} by a
 * portfolio metric, plus any listed ids.
 *
 * @param top how many of the best configurations, ≥ 0
 * @param by the metric to rank by, higher is better: one of {@link #METRICS}
 * @param ids configuration ids always included
 */
public record EquitySelection(int top, String by, List<String> ids) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * Metrics one can rank by (all "higher is better"; max_drawdown is negative, so less deep wins).
   */
  public static final Set<String> METRICS =
      Set.of("sharpe", "sortino", "cagr", "total_return", "calmar", "max_drawdown", "final_nav");

  public EquitySelection {
    if (top < 0) {
      throw new IllegalArgumentException("Invalid study.equity.top: " + top + " (must be >= 0)");
    }
    if (!METRICS.contains(by)) {
      throw new IllegalArgumentException(
          "Invalid study.equity.by: "
              + by
              + " (must be one of "
              + new java.util.TreeSet<>(METRICS)
              + ")");
    }
    ids = List.copyOf(ids);
  }
}
