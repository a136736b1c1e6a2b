package io.backgrid.spark.config;

import io.backgrid.engine.allocation.AllocationRegistry;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of leaf a study's configuration is made of, and which path (relative to {@code study})
 * is a leaf of which kind: the paths a grid axis may vary. {@link Fields#convert} turns a value of
 * a kind into the typed value the template holds.
 */
enum FieldKind {
  CAPITAL,
  RISK_FREE,
  DATE,
  FILL,
  FLAG,
  COST,
  STRATEGY,
  UNIVERSE,
  PARAM,
  ALGORITHM,
  WEIGHTS,
  LOOKBACK,
  BOUND,
  SLEEVE_BOUND,
  FREQUENCY,
  DRIFT,
  COOLDOWN;

  /** The leaves at fixed paths; the others are found by {@link #of}'s patterns. */
  static final Map<String, FieldKind> FIXED =
      Map.ofEntries(
          Map.entry("capital", CAPITAL),
          Map.entry("risk-free", RISK_FREE),
          Map.entry("period.start", DATE),
          Map.entry("period.end", DATE),
          Map.entry("execution.fill", FILL),
          Map.entry("execution.fractional-shares", FLAG),
          Map.entry("execution.netting", FLAG),
          Map.entry("costs.commission-per-share", COST),
          Map.entry("costs.commission-minimum", COST),
          Map.entry("costs.commission-bps", COST),
          Map.entry("costs.slippage-bps", COST),
          Map.entry("allocation.algorithm", ALGORITHM),
          Map.entry("allocation.weights", WEIGHTS),
          Map.entry("allocation.lookback", LOOKBACK),
          Map.entry("allocation.constraints.min", BOUND),
          Map.entry("allocation.constraints.max", BOUND),
          Map.entry("rebalance.frequency", FREQUENCY),
          Map.entry("rebalance.drift-threshold", DRIFT),
          Map.entry("rebalance.cooldown", COOLDOWN));

  /**
   * The kind of a path relative to {@code study}, or null when it is not a leaf a configuration is
   * made of. Sleeve paths address sleeves by id: {@code sleeves.<id>.strategy}, {@code
   * sleeves.<id>.universe}, {@code sleeves.<id>.params.<key>}; algorithm parameters are {@code
   * allocation.<algorithm>.<key>}; per-sleeve bounds {@code
   * allocation.constraints.per-sleeve.<id>.min|max}.
   */
  static FieldKind of(String path, Set<String> sleeveIds) {
    FieldKind fixed = FIXED.get(path);
    if (fixed != null) {
      return fixed;
    }
    String[] parts = path.split("\\.", -1);
    if (parts.length >= 3 && parts[0].equals("sleeves") && sleeveIds.contains(parts[1])) {
      if (parts.length == 3 && parts[2].equals("strategy")) {
        return STRATEGY;
      }
      if (parts.length == 3 && parts[2].equals("universe")) {
        return UNIVERSE;
      }
      if (parts.length == 4 && parts[2].equals("params") && !parts[3].isEmpty()) {
        return PARAM;
      }
      return null;
    }
    if (parts.length == 3
        && parts[0].equals("allocation")
        && AllocationRegistry.has(parts[1])
        && !parts[2].isEmpty()) {
      return PARAM;
    }
    if (parts.length == 5
        && path.startsWith("allocation.constraints.per-sleeve.")
        && sleeveIds.contains(parts[3])
        && (parts[4].equals("min") || parts[4].equals("max"))) {
      return SLEEVE_BOUND;
    }
    return null;
  }
}
