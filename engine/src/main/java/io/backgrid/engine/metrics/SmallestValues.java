package io.backgrid.engine.metrics;

import java.util.Arrays;

/**
 * The k smallest values offered so far. Candidates go to a preallocated buffer of 2k; when it
 * fills, a selection keeps the k smallest and their largest becomes the threshold that later values
 * must beat. {@link #offer} is one comparison for most values and amortised O(1) for the rest;
 * nothing allocates after construction.
 *
 * <p>Why not a bounded heap: on long, non-stationary series (volatility regimes) a large share of
 * the values enter the tail as it forms, and each entry was a sift through log k levels with
 * unpredictable branches — a visible part of a whole simulation in a profile. The kept multiset,
 * and so the sorted output, is the same: the k smallest values of the stream.
 */
final class SmallestValues {
  private final int k;
  private final double[] buffer;

  /** Values in the buffer: the candidates since the last selection (and the k kept before). */
  private int count;

  private long offered;

  /** Values not below this cannot be among the k smallest: k values ≤ it are held. */
  private double threshold = Double.POSITIVE_INFINITY;

  /**
   * @param k how many of the smallest values to keep, ≥ 0
   */
  SmallestValues(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("Invalid tail size " + k + " (must be >= 0)");
    }
    this.k = k;
    this.buffer = new double[2 * k];
  }

  /** Number of values held: min(number offered since {@link #clear}, k). */
  int size() {
    return (int) Math.min(offered, k);
  }

  /** The bound k. */
  int capacity() {
    return k;
  }

  void clear() {
    count = 0;
    offered = 0;
    threshold = Double.POSITIVE_INFINITY;
  }

  /** Keeps x if fewer than k values are held or x is smaller than the largest one held. */
  void offer(double x) {
    offered++;
    if (x < threshold && k > 0) {
      buffer[count++] = x;
      if (count == buffer.length) {
        keepSmallest();
      }
    }
  }

  /** Copies the held values, ascending, into {@code out[0..size)}. */
  void sortedInto(double[] out) {
    if (count > k) {
      keepSmallest();
    }
    System.arraycopy(buffer, 0, out, 0, count);
    Arrays.sort(out, 0, count);
  }

  /** Moves the k smallest buffered values to the front, drops the rest, sets the threshold. */
  private void keepSmallest() {
    select(buffer, 0, count - 1, k - 1);
    count = k;
    double max = buffer[0];
    for (int i = 1; i < k; i++) {
      max = Math.max(max, buffer[i]);
    }
    threshold = max;
  }

  /**
   * Reorders a[lo..hi] so that a[nth] holds the value it would hold sorted, with nothing larger
   * before it and nothing smaller after it (Hoare's selection, median-of-three pivots).
   */
  static void select(double[] a, int lo, int hi, int nth) {
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      double pivot = median(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = a[i];
          a[i] = a[j];
          a[j] = swap;
          i++;
          j--;
        }
      }
      if (nth <= j) {
        hi = j;
      } else if (nth >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
