package io.backgrid.spark.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a grid's invalid combinations, each kept once with how many configurations it
 * hits and the axis values of the first of them, so a grid with millions of bad combinations is
 * reported in a few lines (at most {@link #MAX_REPORTED}, in the order first met).
 */
final class CombinationFailures {
  private static final int MAX_REPORTED = 50;

  private final Map<String, Failure> failures = new LinkedHashMap<>();

  private static final class Failure {
    final Map<String, Object> example;
    long count;

    Failure(Map<String, Object> example) {
      this.example = new LinkedHashMap<>(example);
    }
  }

  /** Counts a problem of the combination with these axis values (kept as the example if first). */
  void add(String problem, Map<String, Object> axisValues) {
    failures.computeIfAbsent(problem, p -> new Failure(axisValues)).count++;
  }

  boolean isEmpty() {
    return failures.isEmpty();
  }

  /**
   * One line per problem, e.g. {@code <problem> [in 3 configurations, e.g. {axis=value}]} (the
   * problem alone without axes), and a last line counting the problems left out.
   */
  List<String> report() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Failure> e : failures.entrySet()) {
      if (out.size() == MAX_REPORTED) {
        out.add("... and " + (failures.size() - MAX_REPORTED) + " more problems");
        break;
      }
      Failure f = e.getValue();
      out.add(
          f.example.isEmpty()
              ? e.getKey()
              : e.getKey()
                  + " [in "
                  + f.count
                  + " configuration"
                  + (f.count == 1 ? "" : "s")
                  + ", e.g. "
                  + f.example
                  + "]");
    }
    return out;
  }
}
