package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in allocation algorithms by kebab-case name: {@code adaptive}, {@code drawdown}, {@code
 * dynamic}, {@code erc}, {@code fixed}, {@code kelly}, {@code risk-parity}. Each refuses parameters
 * it does not know; see each class's javadoc for its rule, parameters and edge cases.
 */
public final class AllocationRegistry {
  private static final Map<String, AllocationFactory> BUILT_INS = new TreeMap<>();

  static {
    BUILT_INS.put(FixedAllocation.NAME, FixedAllocation::create);
    BUILT_INS.put(DynamicAllocation.NAME, DynamicAllocation::create);
    BUILT_INS.put(RiskParityAllocation.NAME, RiskParityAllocation::create);
    BUILT_INS.put(KellyAllocation.NAME, KellyAllocation::create);
    BUILT_INS.put(DrawdownAllocation.NAME, DrawdownAllocation::create);
    BUILT_INS.put(ErcAllocation.NAME, ErcAllocation::create);
    BUILT_INS.put(AdaptiveAllocation.NAME, AdaptiveAllocation::create);
  }

  private AllocationRegistry() {}

  /** The built-in names, sorted. */
  public static List<String> names() {
    return List.copyOf(BUILT_INS.keySet());
  }

  /** True when {@code name} is a built-in. */
  public static boolean has(String name) {
    return BUILT_INS.containsKey(name);
  }

  /**
   * Creates the built-in algorithm {@code name}.
   *
   * @param params its parameter block
   * @param sleeveCount number of sleeves (≥ 1)
   * @param panel the market
   * @throws IllegalArgumentException for an unknown name (listing the known ones) or invalid
   *     parameters
   */
  public static AllocationAlgorithm create(
      String name, Params params, int sleeveCount, MarketPanel panel) {
    AllocationFactory factory = BUILT_INS.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "Unknown allocation algorithm '" + name + "'; known: " + String.join(", ", names()));
    }
    if (sleeveCount < 1) {
      throw new IllegalArgumentException(
          "Invalid sleeve count " + sleeveCount + " for allocation " + name + " (must be >= 1)");
    }
    return factory.create(params, sleeveCount, panel);
  }
}
