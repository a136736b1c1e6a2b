package io.backgrid.spark.config;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a study's grid: a path in {@code study} and its values, in the order written (or
 * generated).
 *
 * @param path relative to {@code study}, e.g. {@code allocation.algorithm}, {@code
 *     sleeves.momentum.params.lookback}, {@code allocation.kelly.fraction}
 * @param values at least one
 * @param generator how the values were generated ({@code simplex-step = 0.25}, {@code random = 20,
 *     seed = 7}), or null for a written list
 */
public record GridAxis(String path, List<AxisValue> values, String generator) {
  public GridAxis {
    Objects.requireNonNull(path, "path");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("Invalid grid axis " + path + ": no values");
    }
  }

  /** Number of values. */
  public int size() {
    return values.size();
  }
}
