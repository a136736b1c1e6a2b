package io.backgrid.spark.grid;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.spark.config.Settings;

/**
 * Which axes apply to a configuration: an axis applies when the configuration's algorithm reads the
 * leaf it varies.
 *
 * <ul>
 *   <li>{@code allocation.<algorithm>.<param>} applies only when the configuration's algorithm is
 *       {@code <algorithm>} ({@code adaptive} reads only its own block: its regime algorithms run
 *       with their defaults);
 *   <li>{@code allocation.lookback} applies to the algorithms that read it (their {@link
 *       io.backgrid.engine.allocation.AlgorithmTraits}: all but {@code fixed});
 *   <li>every other axis applies to every configuration (weights are the targets of {@code fixed}
 *       and the initial weights of every other algorithm; constraints, schedule, costs, sleeves and
 *       period matter to all).
 * </ul>
 *
 * An axis that does not apply is not multiplied into that configuration: the configuration appears
 * once, with the axis's value recorded as null.
 */
public final class AxisRules {
  private AxisRules() {}

  /**
   * True when an axis on {@code path} (relative to {@code study}) changes a configuration whose
   * allocation algorithm is {@code algorithm}.
   */
  public static boolean applies(String path, String algorithm) {
    if (path.equals(Settings.LOOKBACK)) {
      return AllocationRegistry.traits(algorithm).readsLookback();
    }
    if (path.startsWith("allocation.")) {
      String[] parts = path.split("\\.");
      if (parts.length == 3 && AllocationRegistry.has(parts[1])) {
        return parts[1].equals(algorithm);
      }
    }
    return true;
  }
}
