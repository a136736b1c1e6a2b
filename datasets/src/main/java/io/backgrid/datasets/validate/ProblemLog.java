package io.backgrid.datasets.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects problems keyed by (source, line) so the final report reads in file order whichever check
 * found them. Not thread-safe.
 */
public final class ProblemLog {
  private final List<String> messages = new ArrayList<>();
  private long[] keys = new long[16];

  /**
   * Records a problem.
   *
   * @param source source id (a file's index), ≥ 0
   * @param line line number in that source, ≥ 0
   * @param message the full message, naming file, line, symbol, date, value and rule
   */
  public void add(int source, long line, String message) {
    if (messages.size() == keys.length) {
      keys = Arrays.copyOf(keys, keys.length * 2);
    }
    keys[messages.size()] = ((long) source << 40) | Math.min(line, (1L << 40) - 1);
    messages.add(message);
  }

  /** True when nothing was recorded. */
  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** Number of problems. */
  public int size() {
    return messages.size();
  }

  /** The messages ordered by (source, line), ties in the order they were added. */
  public List<String> sorted() {
    Integer[] order = new Integer[messages.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
    List<String> out = new ArrayList<>(order.length);
    for (Integer i : order) {
      out.add(messages.get(i));
    }
    return out;
  }

  /** Throws a {@link ValidationException} with every problem, if there is any. */
  public void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new ValidationException(sorted());
    }
  }
}
