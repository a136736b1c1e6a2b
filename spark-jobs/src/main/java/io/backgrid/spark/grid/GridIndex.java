package io.backgrid.spark.grid;

import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Settings;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers the combinations of a grid that are configurations, in grid order, without listing them:
 * {@link #count()} and {@link #combination(long, int[])} (index to axis values) take O(axes ×
 * algorithms) time and the index holds O(axes × algorithms) longs, whatever the grid's size.
 *
 * <p>The grid is the mixed-radix product of the axes (the last axis varies fastest). An axis that
 * does not apply to a combination's algorithm ({@link AxisRules}) does not multiply it: of the
 * combinations that differ only there, the first in grid order stands for all, and that is the one
 * whose non-applying axes are all at their first value. So the configurations are exactly the
 * combinations {@code x} with {@code x[a] = 0} wherever axis {@code a} does not apply to the
 * algorithm {@code x} chooses, numbered in grid order.
 *
 * <p>Unranking goes digit by digit, most significant first, counting how many configurations extend
 * each candidate prefix: with algorithm value {@code v} and suffix {@code a..}, that is {@code
 * S_v(a)}, the product of the sizes of the axes from {@code a} on (the algorithm axis excluded)
 * that apply to {@code v}; a prefix admits {@code v} when it holds 0 on every axis that does not
 * apply to {@code v}. Immutable, thread-safe.
 */
final class GridIndex {
  private final int[] sizes;

  /** Position of the {@code allocation.algorithm} axis, or -1 (one algorithm: the study's). */
  private final int algorithmAxis;

  /** {@code applies[v][a]}: axis {@code a} applies to algorithm value {@code v}. */
  private final boolean[][] applies;

  /** {@code suffix[v][a]} = S_v(a), {@code suffix[v][axes]} = 1. */
  private final long[][] suffix;

  private final long count;

  private GridIndex(int[] sizes, int algorithmAxis, boolean[][] applies) {
    this.sizes = sizes;
    this.algorithmAxis = algorithmAxis;
    this.applies = applies;
    this.suffix = new long[applies.length][sizes.length + 1];
    long total = 0;
    for (int v = 0; v < applies.length; v++) {
      suffix[v][sizes.length] = 1;
      for (int a = sizes.length - 1; a >= 0; a--) {
        boolean multiplies = a != algorithmAxis && applies[v][a];
        suffix[v][a] =
            multiplies ? Math.multiplyExact(suffix[v][a + 1], sizes[a]) : suffix[v][a + 1];
      }
      total = Math.addExact(total, suffix[v][0]);
    }
    this.count = total;
  }

  /**
   * The index of a grid's axes.
   *
   * @param axes sorted by path, as {@link io.backgrid.spark.config.Study#axes()}
   * @param baseAlgorithm the study's algorithm, which applies when no axis varies it
   * @throws ArithmeticException when the number of configurations does not fit in a long
   */
  static GridIndex of(List<GridAxis> axes, String baseAlgorithm) {
    int[] sizes = new int[axes.size()];
    int algorithmAxis = -1;
    for (int a = 0; a < sizes.length; a++) {
      sizes[a] = axes.get(a).size();
      if (axes.get(a).path().equals(Settings.ALGORITHM)) {
        algorithmAxis = a;
      }
    }
    int algorithms = algorithmAxis < 0 ? 1 : sizes[algorithmAxis];
    boolean[][] applies = new boolean[algorithms][sizes.length];
    for (int v = 0; v < algorithms; v++) {
      String algorithm =
          algorithmAxis < 0
              ? baseAlgorithm
              : (String) axes.get(algorithmAxis).values().get(v).typed();
      for (int a = 0; a < sizes.length; a++) {
        applies[v][a] = AxisRules.applies(axes.get(a).path(), algorithm);
      }
    }
    return new GridIndex(sizes, algorithmAxis, applies);
  }

  /** The number of configurations: combinations once axes that do not apply are left out. */
  long count() {
    return count;
  }

  /** True when axis {@code axis} applies to combination {@code x} (from {@link #combination}). */
  boolean applies(int[] x, int axis) {
    return applies[algorithmAxis < 0 ? 0 : x[algorithmAxis]][axis];
  }

  /**
   * Writes the axis value indices of configuration {@code k} into {@code x}.
   *
   * @param k in [0, {@link #count()})
   * @param x one slot per axis, overwritten
   */
  void combination(long k, int[] x) {
    if (k < 0 || k >= count) {
      throw new IndexOutOfBoundsException(
          "Invalid configuration index " + k + " (must be in [0, " + count + "))");
    }
    boolean[] admitted = new boolean[applies.length];
    Arrays.fill(admitted, true);
    long rest = k;
    for (int a = 0; a < sizes.length; a++) {
      if (a == algorithmAxis) {
        int v = 0;
        while (!admitted[v] || rest >= suffix[v][a + 1]) {
          rest -= admitted[v] ? suffix[v][a + 1] : 0;
          v++;
        }
        x[a] = v;
      } else if (algorithmAxis >= 0 && a < algorithmAxis) {
        // The algorithm is not chosen yet: value 0 keeps every admitted algorithm open; any
        // other value only those the axis applies to (each value the same number of ways).
        long first = 0;
        long other = 0;
        for (int v = 0; v < applies.length; v++) {
          if (admitted[v]) {
            first += suffix[v][a + 1];
            other += applies[v][a] ? suffix[v][a + 1] : 0;
          }
        }
        if (rest < first) {
          x[a] = 0;
        } else {
          rest -= first;
          x[a] = 1 + (int) (rest / other);
          rest %= other;
          for (int v = 0; v < applies.length; v++) {
            admitted[v] &= applies[v][a];
          }
        }
      } else {
        int v = algorithmAxis < 0 ? 0 : x[algorithmAxis];
        if (applies[v][a]) {
          x[a] = (int) (rest / suffix[v][a + 1]);
          rest %= suffix[v][a + 1];
        } else {
          x[a] = 0;
        }
      }
    }
  }
}
