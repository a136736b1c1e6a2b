package io.backgrid.spark.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The summary a run prints and the equity selection it makes, from a publication's
 * portfolio_metrics columns read on the driver ({@link Publisher#metrics}): the FAILED count and
 * the OK rows ranked by a metric, NULLs last, ties by config id (the order Spark's {@code ORDER BY
 * m DESC NULLS LAST, config_id} gives, NaN above every number as in Spark SQL).
 */
final class BestRows {
  private static final String[] SHOWN = {"config_id", "status", "sharpe", "cagr", "max_drawdown"};

  private final List<Object[]> rows;
  private final long failed;

  /**
   * @param rows values of {@link #columns}{@code (by)}, one array per configuration
   */
  BestRows(List<Object[]> rows) {
    long f = 0;
    List<Object[]> ok = new ArrayList<>();
    for (Object[] r : rows) {
      if (RunStatus.FAILED.is((String) r[1])) {
        f++;
      } else if (RunStatus.OK.is((String) r[1])) {
        ok.add(r);
      }
    }
    this.failed = f;
    this.rows = ok;
  }

  /** The columns to read: config_id, status, sharpe, cagr, max_drawdown, then {@code by}. */
  static String[] columns(String by) {
    String[] all = java.util.Arrays.copyOf(SHOWN, SHOWN.length + 1);
    all[SHOWN.length] = by;
    return all;
  }

  /** Configurations with status FAILED. */
  long failed() {
    return failed;
  }

  /** The best {@code selection.top()} ids by its metric, then its listed ids (no repeats). */
  List<String> select(EquitySelection selection) {
    Set<String> ids = new LinkedHashSet<>();
    for (Object[] r : ranked(SHOWN.length, selection.top())) {
      ids.add((String) r[0]);
    }
    ids.addAll(selection.ids());
    return new ArrayList<>(ids);
  }

  /** The best {@code n} by Sharpe as "config_id sharpe cagr max_drawdown" lines. */
  List<String> lines(int n) {
    List<String> lines = new ArrayList<>();
    for (Object[] r : ranked(2, n)) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%s  sharpe %7.3f  cagr %7.2f%%  max_drawdown %7.2f%%",
              r[0],
              number(r[2]),
              100 * number(r[3]),
              100 * number(r[4])));
    }
    return lines;
  }

  /** The ids of the best {@code n} by Sharpe, as {@link #lines} lists them. */
  List<String> ids(int n) {
    return ranked(2, n).stream().map(r -> (String) r[0]).toList();
  }

  /** The OK rows by column {@code k} descending, NULLs last, then by id; the first {@code n}. */
  private List<Object[]> ranked(int k, int n) {
    if (n <= 0) {
      return List.of();
    }
    Comparator<Object[]> order =
        Comparator.comparing(
                (Object[] r) -> r[k] == null ? null : ((Number) r[k]).doubleValue(),
                Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(r -> (String) r[0]);
    return rows.stream().sorted(order).limit(n).toList();
  }

  private static double number(Object v) {
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }
}
