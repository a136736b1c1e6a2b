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
  private static final Map<String, AlgorithmTraits> TRAITS = new TreeMap<>();

  static {
    add(FixedAllocation.NAME, FixedAllocation::create, FixedAllocation.TRAITS);
    add(DynamicAllocation.NAME, DynamicAllocation::create, AlgorithmTraits.WINDOWED);
    add(RiskParityAllocation.NAME, RiskParityAllocation::create, AlgorithmTraits.WINDOWED);
    add(KellyAllocation.NAME, KellyAllocation::create, AlgorithmTraits.WINDOWED);
    add(DrawdownAllocation.NAME, DrawdownAllocation::create, AlgorithmTraits.WINDOWED);
    add(ErcAllocation.NAME, ErcAllocation::create, AlgorithmTraits.WINDOWED);
    add(AdaptiveAllocation.NAME, AdaptiveAllocation::create, AdaptiveAllocation.TRAITS);
  }

  private static void add(String name, AllocationFactory factory, AlgorithmTraits traits) {
    BUILT_INS.put(name, factory);
    TRAITS.put(name, traits);
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
   * What the built-in {@code name} declares about itself (whether it reads the lookback, which
   * symbols it needs).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static AlgorithmTraits traits(String name) {
    AlgorithmTraits traits = TRAITS.get(name);
    if (traits == null) {
      throw new IllegalArgumentException(
          "Unknown allocation algorithm '" + name + "'; known: " + String.join(", ", names()));
    }
    return traits;
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
