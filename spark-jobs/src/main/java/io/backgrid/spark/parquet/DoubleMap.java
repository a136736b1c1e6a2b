package io.backgrid.spark.parquet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a {@code map<string, double>} column given as two parallel arrays, e.g. sleeve id →
 * weight: the keys in their order (written in that order) and a value for each. The keys array is
 * usually shared by all rows of a configuration, so a row costs one small object and its values.
 * Used instead of an array in sleeve order because SQL engines disagree on array indexing (Spark
 * from 0, DuckDB from 1) while {@code weights['core']} reads the same everywhere.
 *
 * @param keys the keys, distinct, not null
 * @param values a value per key (same length)
 */
public record DoubleMap(String[] keys, double[] values) {
  public DoubleMap {
    if (keys.length != values.length) {
      throw new IllegalArgumentException(
          "Invalid map of " + keys.length + " keys and " + values.length + " values");
    }
  }

  /** A map of the ids, in their order, to the values in the same order. */
  public static DoubleMap of(List<String> keys, double[] values) {
    return new DoubleMap(keys.toArray(new String[0]), values);
  }

  /** The entries as a Java map in key order (for Spark rows, tests and readers). */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], values[i]);
    }
    return map;
  }
}
