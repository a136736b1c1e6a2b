package io.backgrid.spark.report;

import java.util.Arrays;

/**
 * The grid section's aggregates of one metric over the configurations: heat-map cells over two
 * axes, box-plot figures per axis value, and how much an axis moves the metric. Configurations
 * whose metric is NaN (FAILED, or an undefined metric) are left out of every figure.
 */
final class GridStats {
  private GridStats() {}

  /**
   * Five-number summary of a group: min, first quartile, median, third quartile, max, and its size.
   * Quartiles by linear interpolation between order statistics (Hyndman &amp; Fan 1996, type 7; the
   * default of R's {@code quantile}, NumPy's {@code percentile} and Excel's {@code QUARTILE.INC}):
   * for sorted x_0..x_{n−1} and p in [0, 1], h = (n − 1)·p, q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 −
   * x_⌊h⌋). Whiskers are the min and max (no outlier rule).
   */
  record Box(double min, double q1, double median, double q3, double max, int n) {}

  /**
   * A heat map over axes x and y: per cell (index x·ny + y), the median, max and count of the
   * metric.
   */
  record Cells(int nx, int ny, double[] median, double[] max, int[] count) {}

  /**
   * q(p) of sorted finite values {@code sorted[from, to)} (type 7, see {@link Box}); NaN when
   * empty.
   */
  static double quantile(double[] sorted, int from, int to, double p) {
    int n = to - from;
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, n - 1);
    return sorted[from + lo] + (h - lo) * (sorted[from + hi] - sorted[from + lo]);
  }

  /** The five-number summary of the metric per value of one axis ({@code values[c]} in [0, nv)). */
  static Box[] boxes(double[] metric, int[] values, int nv) {
    Groups g = Groups.of(metric, values, nv);
    Box[] out = new Box[nv];
    for (int v = 0; v < nv; v++) {
      int from = g.start[v];
      int to = g.start[v + 1];
      out[v] =
          to == from
              ? new Box(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0)
              : new Box(
                  g.sorted[from],
                  quantile(g.sorted, from, to, 0.25),
                  quantile(g.sorted, from, to, 0.5),
                  quantile(g.sorted, from, to, 0.75),
                  g.sorted[to - 1],
                  to - from);
    }
    return out;
  }

  /**
   * The heat map of the metric over two axes, the other axes aggregated: per (x, y) cell the median
   * (type 7, i.e. the mean of the two middle values for an even count) and the max of the metric
   * over the configurations in the cell.
   */
  static Cells cells(double[] metric, int[] x, int nx, int[] y, int ny) {
    int[] cell = new int[metric.length];
    for (int c = 0; c < cell.length; c++) {
      cell[c] = x[c] * ny + y[c];
    }
    Groups g = Groups.of(metric, cell, nx * ny);
    double[] median = new double[nx * ny];
    double[] max = new double[nx * ny];
    int[] count = new int[nx * ny];
    for (int k = 0; k < median.length; k++) {
      int from = g.start[k];
      int to = g.start[k + 1];
      count[k] = to - from;
      median[k] = quantile(g.sorted, from, to, 0.5);
      max[k] = to == from ? Double.NaN : g.sorted[to - 1];
    }
    return new Cells(nx, ny, median, max, count);
  }

  /**
   * How much an axis moves the metric: the spread (max − min) of the per-value medians, over the
   * values that have at least one configuration; 0 for an axis with fewer than two such values. The
   * report's default heat-map axes are the two with the largest spread (ties: table order).
   */
  static double spread(double[] metric, int[] values, int nv) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int seen = 0;
    for (Box b : boxes(metric, values, nv)) {
      if (b.n() > 0) {
        lo = Math.min(lo, b.median());
        hi = Math.max(hi, b.median());
        seen++;
      }
    }
    return seen < 2 ? 0 : hi - lo;
  }

  /** The finite metric values bucketed by group and sorted within each group (a counting sort). */
  private record Groups(double[] sorted, int[] start) {
    static Groups of(double[] metric, int[] group, int groups) {
      int[] start = new int[groups + 1];
      for (int c = 0; c < metric.length; c++) {
        if (!Double.isNaN(metric[c])) {
          start[group[c] + 1]++;
        }
      }
      for (int k = 0; k < groups; k++) {
        start[k + 1] += start[k];
      }
      int[] fill = Arrays.copyOf(start, groups);
      double[] sorted = new double[start[groups]];
      for (int c = 0; c < metric.length; c++) {
        if (!Double.isNaN(metric[c])) {
          sorted[fill[group[c]]++] = metric[c];
        }
      }
      for (int k = 0; k < groups; k++) {
        Arrays.sort(sorted, start[k], start[k + 1]);
      }
      return new Groups(sorted, start);
    }
  }
}
