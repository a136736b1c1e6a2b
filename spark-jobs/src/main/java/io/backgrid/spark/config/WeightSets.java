package io.backgrid.spark.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated weight vectors for a weights axis. */
final class WeightSets {
  /** Refuse generators that would make more vectors than this. */
  static final long MAX_VECTORS = 1_000_000;

  private WeightSets() {}

  /**
   * Number of vectors on the simplex lattice: compositions of k = 1/step into n non-negative parts,
   * C(k + n − 1, n − 1); saturates at {@code Long.MAX_VALUE}.
   */
  static long simplexCount(int n, int k) {
    // C(k+n-1, n-1) computed incrementally: c_j = c_{j-1} * (k + j) / j, exact at every step
    long c = 1;
    for (int j = 1; j <= n - 1; j++) {
      if (c > Long.MAX_VALUE / (k + j)) {
        return Long.MAX_VALUE;
      }
      c = c * (k + j) / j;
    }
    return c;
  }

  /**
   * Every vector w with n entries, each a multiple of 1/k, Σ w = 1, in lexicographically descending
   * order (the first is [1, 0, …, 0], the last [0, …, 0, 1]). Entries are computed as i / k so that
   * they are the nearest doubles to the lattice points.
   */
  static List<double[]> simplex(int n, int k) {
    List<double[]> out = new ArrayList<>();
    int[] parts = new int[n];
    fill(parts, 0, k, k, out);
    return out;
  }

  private static void fill(int[] parts, int i, int left, int k, List<double[]> out) {
    if (i == parts.length - 1) {
      parts[i] = left;
      double[] w = new double[parts.length];
      for (int j = 0; j < w.length; j++) {
        w[j] = parts[j] / (double) k;
      }
      out.add(w);
      return;
    }
    for (int v = left; v >= 0; v--) {
      parts[i] = v;
      fill(parts, i + 1, left - v, k, out);
    }
  }

  /**
   * {@code count} draws from the flat Dirichlet(1, …, 1) on n sleeves: e_j = −ln(1 − U_j) with U
   * from {@code java.util.Random(seed)} (a specified generator) and {@code StrictMath.log}, so the
   * draws are the same on every JVM; w_j = e_j / Σ e. Σ w = 1 up to rounding (≤ 1 + 1e-15).
   */
  static List<double[]> random(int n, int count, long seed) {
    Random random = new Random(seed);
    List<double[]> out = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      double[] w = new double[n];
      double sum = 0;
      for (int j = 0; j < n; j++) {
        w[j] = -StrictMath.log(1.0 - random.nextDouble());
        sum += w[j];
      }
      for (int j = 0; j < n; j++) {
        w[j] /= sum;
      }
      out.add(w);
    }
    return out;
  }
}
