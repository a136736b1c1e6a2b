package io.backgrid.spark.report;

import io.backgrid.spark.job.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The configurations ordered by the report's metric: OK rows with a defined value, best first
 * (ties: smallest config_id). "Best" is the highest value, except for the metrics where less is
 * better ({@link #LOWER_IS_BETTER}); drawdowns and VaR are negative fractions, so higher is better.
 */
final class Ranking {
  static final Set<String> LOWER_IS_BETTER =
      Set.of(
          "volatility",
          "turnover",
          "costs",
          "max_drawdown_bars",
          "max_drawdown_days",
          "trades",
          "rebalances",
          "sharpe_se");

  /** Columns of portfolio_metrics that are not a ranking metric. */
  private static final Set<String> NOT_METRICS = Set.of("periods");

  final String metric;
  final boolean higherIsBetter;

  /** The metric per configuration, NaN for FAILED rows and undefined values. */
  final double[] values;

  /** Configuration numbers, best first. */
  final int[] order;

  private Ranking(String metric, double[] values, int[] order) {
    this.metric = metric;
    this.higherIsBetter = !LOWER_IS_BETTER.contains(metric);
    this.values = values;
    this.order = order;
  }

  /**
   * Ranks by a numeric column of portfolio_metrics; an unknown name fails listing the known ones.
   */
  static Ranking of(StudyTables t, String metric) {
    List<String> known = new ArrayList<>();
    for (String c : t.metricColumns) {
      if (!NOT_METRICS.contains(c)) {
        known.add(c);
      }
    }
    if (!known.contains(metric)) {
      throw new IllegalArgumentException(
          "Unknown metric '" + metric + "' for --metric; known: " + String.join(", ", known));
    }
    double[] raw = t.metrics.get(metric);
    int n = raw.length;
    double[] values = new double[n];
    List<Integer> ok = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      values[c] = RunStatus.OK.is(t.status[c]) ? raw[c] : Double.NaN;
      if (!Double.isNaN(values[c])) {
        ok.add(c);
      }
    }
    int sign = LOWER_IS_BETTER.contains(metric) ? 1 : -1;
    ok.sort(
        (a, b) -> {
          int byValue = Double.compare(sign * values[a], sign * values[b]);
          return byValue != 0 ? byValue : t.ids.get(a).compareTo(t.ids.get(b));
        });
    return new Ranking(metric, values, ok.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The best {@code n} configuration numbers (fewer when fewer are ranked). */
  int[] top(int n) {
    return java.util.Arrays.copyOf(order, Math.min(n, order.length));
  }
}
