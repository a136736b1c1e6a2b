package io.backgrid.engine.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairwise Pearson correlations of several return series (the sleeves), aligned by date.
 *
 * <p>Immutable: the matrix is copied in and out. {@code equals} compares the ids and the values
 * element by element (as {@link Arrays#equals(double[], double[])}: NaN equals NaN).
 *
 * @param ids the series ids, unique, in matrix order
 * @param values the symmetric m × m matrix, values[a][b] = corr(series a, series b) in [−1, 1], or
 *     NaN where undefined (see {@link #of})
 */
public record CorrelationMatrix(List<String> ids, double[][] values) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates shape and ids, and copies both in. */
  public CorrelationMatrix {
    ids = List.copyOf(ids);
    requireUnique(ids);
    if (values.length != ids.size()) {
      throw new IllegalArgumentException(
          "Invalid correlation matrix: "
              + values.length
              + " rows for "
              + ids.size()
              + " ids "
              + ids
              + " (must be equal)");
    }
    double[][] copy = new double[values.length][];
    for (int a = 0; a < values.length; a++) {
      if (values[a].length != ids.size()) {
        throw new IllegalArgumentException(
            "Invalid correlation matrix: row "
                + a
                + " ('"
                + ids.get(a)
                + "') has "
                + values[a].length
                + " columns (must be "
                + ids.size()
                + ")");
      }
      copy[a] = values[a].clone();
    }
    values = copy;
  }

  /**
   * Correlates series aligned bar by bar (same calendar for all, so bar index = date).
   *
   * <p>For each pair (a, b), with C the bars where both returnsByBar[a][t] and returnsByBar[b][t]
   * are finite (NaN marks a bar where a series has no return, e.g. a sleeve holding no capital):
   * corr = Σ_C (x − x̄)(y − ȳ) / sqrt(Σ_C (x − x̄)² · Σ_C (y − ȳ)²), with the means x̄, ȳ taken
   * over C (pandas {@code DataFrame.corr()} pairwise-complete semantics), clamped to [−1, 1]
   * against rounding. NaN when |C| &lt; 2 or either sum of squares over C is 0. The diagonal is
   * exactly 1, or NaN for a series with fewer than 2 finite returns or zero variance.
   *
   * @param ids one unique id per series
   * @param returnsByBar returnsByBar[series][bar]; every row the same length
   * @throws IllegalArgumentException when the counts or lengths disagree or an id repeats
   */
  public static CorrelationMatrix of(List<String> ids, double[][] returnsByBar) {
    if (ids.size() != returnsByBar.length) {
      throw new IllegalArgumentException(
          "Invalid correlation input: "
              + ids.size()
              + " ids "
              + ids
              + " but "
              + returnsByBar.length
              + " return series (must be equal)");
    }
    requireUnique(ids);
    int m = ids.size();
    for (int a = 1; a < m; a++) {
      if (returnsByBar[a].length != returnsByBar[0].length) {
        throw new IllegalArgumentException(
            "Invalid correlation input: series '"
                + ids.get(a)
                + "' has "
                + returnsByBar[a].length
                + " bars but '"
                + ids.get(0)
                + "' has "
                + returnsByBar[0].length
                + " (all series must share one calendar)");
      }
    }
    double[][] values = new double[m][m];
    for (int a = 0; a < m; a++) {
      double self = pearson(returnsByBar[a], returnsByBar[a]);
      values[a][a] = Double.isNaN(self) ? Double.NaN : 1.0;
      for (int b = a + 1; b < m; b++) {
        double c = pearson(returnsByBar[a], returnsByBar[b]);
        values[a][b] = c;
        values[b][a] = c;
      }
    }
    return new CorrelationMatrix(ids, values);
  }

  /** Two-pass Pearson correlation over the bars where both x and y are finite. */
  private static double pearson(double[] x, double[] y) {
    int count = 0;
    double sumX = 0;
    double sumY = 0;
    for (int t = 0; t < x.length; t++) {
      if (Double.isFinite(x[t]) && Double.isFinite(y[t])) {
        count++;
        sumX += x[t];
        sumY += y[t];
      }
    }
    if (count < 2) {
      return Double.NaN;
    }
    double meanX = sumX / count;
    double meanY = sumY / count;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int t = 0; t < x.length; t++) {
      if (Double.isFinite(x[t]) && Double.isFinite(y[t])) {
        double dx = x[t] - meanX;
        double dy = y[t] - meanY;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
  }

  private static void requireUnique(List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException("Invalid series ids " + ids + ": '" + id + "' repeats");
      }
    }
  }

  /** Number of series. */
  public int size() {
    return ids.size();
  }

  /** A copy of the matrix. */
  @Override
  public double[][] values() {
    double[][] copy = new double[values.length][];
    for (int a = 0; a < values.length; a++) {
      copy[a] = values[a].clone();
    }
    return copy;
  }

  /** corr(series a, series b) by matrix position, 0 ≤ a, b &lt; {@link #size()}. */
  public double get(int a, int b) {
    return values[a][b];
  }

  /** corr(series a, series b) by id; unknown ids are refused with the known ones listed. */
  public double get(String a, String b) {
    return values[indexOf(a)][indexOf(b)];
  }

  private int indexOf(String id) {
    int i = ids.indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("Unknown series id '" + id + "'; known: " + ids);
    }
    return i;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CorrelationMatrix that
        && ids.equals(that.ids)
        && Arrays.deepEquals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * ids.hashCode() + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return "CorrelationMatrix[ids=" + ids + ", values=" + Arrays.deepToString(values) + "]";
  }
}
