package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import java.util.ArrayList;
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
    add(DynamicAllocation.NAME, DynamicAllocation::create, DynamicAllocation.TRAITS);
    add(RiskParityAllocation.NAME, RiskParityAllocation::create, RiskParityAllocation.TRAITS);
    add(KellyAllocation.NAME, KellyAllocation::create, KellyAllocation.TRAITS);
    add(DrawdownAllocation.NAME, DrawdownAllocation::create, DrawdownAllocation.TRAITS);
    add(ErcAllocation.NAME, ErcAllocation::create, ErcAllocation.TRAITS);
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
   * Every problem of a parameter block for {@code name} with {@code sleeveCount} sleeves, from the
   * algorithm's declaration ({@link AlgorithmTraits#params()}) alone, worded as creating it would:
   * unknown keys, each parameter's rule, and for a parameter choosing another algorithm ({@code
   * adaptive}'s regimes) that algorithm's problems with its {@code <regime>-<param>} keys. Whether
   * a symbol parameter names a symbol of the data is checked when the data are loaded.
   *
   * @return the messages; empty when the block is valid
   * @throws IllegalArgumentException for an unknown name
   */
  public static List<String> problems(String name, Params params, int sleeveCount) {
    Declared declared = traits(name).params();
    List<String> out = new ArrayList<>(declared.problems(params, sleeveCount));
    for (ParamSpec p : declared.params()) {
      if (p.type() == ParamSpec.Type.ALGORITHM
          && p.violation(params.asMap().get(p.name()), 1) == null) {
        out.addAll(problems(p.stringIn(params), declared.nested(params, p), sleeveCount));
      }
    }
    return out;
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
