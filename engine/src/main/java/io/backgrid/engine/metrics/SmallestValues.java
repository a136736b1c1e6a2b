package io.backgrid.engine.metrics;

import java.util.Arrays;

/**
 * The k smallest values offered so far, kept in a preallocated bounded max-heap (root = the
 * largest kept value, the first to be evicted). {@link #offer} is O(log k) and never allocates.
 */
final class SmallestValues {
  private final double[] heap;
  private int size;

  /** @param k how many of the smallest values to keep, ≥ 0 */
  SmallestValues(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("Invalid tail size " + k + " (must be >= 0)");
    }
    this.heap = new double[k];
  }

  /** Number of values held: min(number offered since {@link #clear}, k). */
  int size() {
    return size;
  }

  /** The bound k. */
  int capacity() {
    return heap.length;
  }

  void clear() {
    size = 0;
  }

  /** Keeps x if fewer than k values are held or x is smaller than the largest one held. */
  void offer(double x) {
    if (size < heap.length) {
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heap[parent] >= x) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = x;
    } else if (size > 0 && x < heap[0]) {
      siftDownFromRoot(x);
    }
  }

  private void siftDownFromRoot(double x) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right] > heap[child]) {
        child = right;
      }
      if (x >= heap[child]) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = x;
  }

  /** Copies the held values, ascending, into {@code out[0..size)}; the heap is unchanged. */
  void sortedInto(double[] out) {
    System.arraycopy(heap, 0, out, 0, size);
    Arrays.sort(out, 0, size);
  }
}
