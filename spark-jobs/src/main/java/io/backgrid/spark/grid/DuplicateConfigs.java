package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntFunction;

/**
 * Finds the configurations of a grid that repeat an earlier one (the same canonical JSON), from
 * their ids alone: only configurations whose ids repeat are looked at again.
 */
final class DuplicateConfigs {
  private DuplicateConfigs() {}

  /**
   * Marks every configuration whose canonical JSON an earlier one has. Ids that occur twice are
   * found in a sorted copy of {@code ids}; their configurations are rebuilt to tell a duplicate
   * (same JSON) from two configurations whose ids collide, which is refused.
   *
   * @param ids the id of each combination of the grid's index, in grid order
   * @param configs the configuration of a combination (built again, or kept from planning)
   * @param json the writer of the grid's canonical JSON
   * @return the grid positions to drop (every later copy)
   * @throws IllegalStateException when two different configurations share an id
   */
  static BitSet find(
      long[] ids, IntFunction<PortfolioConfig> configs, CanonicalConfig.Writer json) {
    BitSet dropped = new BitSet();
    long[] sorted = ids.clone();
    Arrays.sort(sorted);
    int repeated = 0;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1] && (repeated == 0 || sorted[repeated - 1] != sorted[i])) {
        sorted[repeated++] = sorted[i]; // the sorted unique repeated values, in place
      }
    }
    if (repeated == 0) {
      return dropped;
    }
    long[] values = Arrays.copyOf(sorted, repeated);
    sorted = null;
    int[] first = new int[repeated];
    Arrays.fill(first, -1);
    for (int k = 0; k < ids.length; k++) {
      int j = Arrays.binarySearch(values, ids[k]);
      if (j < 0) {
        continue;
      }
      if (first[j] < 0) {
        first[j] = k;
      } else if (json.toJson(configs.apply(first[j])).equals(json.toJson(configs.apply(k)))) {
        dropped.set(k);
      } else {
        throw new IllegalStateException(
            "Two configurations share config_id "
                + CanonicalConfig.configId(json.toJson(configs.apply(k)))
                + " (a SHA-256 prefix collision)");
      }
    }
    return dropped;
  }
}
