package io.backgrid.spark.config;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks of a resolved configuration that the engine's registries make: a sleeve's parameters
 * against its strategy and universe, an algorithm block against the algorithm and the number of
 * sleeves. A grid repeats the same sleeves and blocks many times, so each distinct one is checked
 * once and the result cached; equal sleeves share one {@link SleeveSpec}. Thread-safe.
 */
final class PluginChecks {
  private final Map<SleeveSpec, Checked> sleeveChecks = new ConcurrentHashMap<>();
  private final Map<List<Object>, List<String>> algorithmChecks = new ConcurrentHashMap<>();

  /**
   * A checked sleeve.
   *
   * @param spec the shared instance equal to the sleeve checked
   * @param errors the registry's messages, every problem of the sleeve; empty when it is valid
   */
  record Checked(SleeveSpec spec, List<String> errors) {}

  /** Checks a sleeve's strategy, parameters and universe size (cached). */
  Checked sleeve(SleeveSpec spec) {
    return sleeveChecks.computeIfAbsent(
        spec,
        s ->
            new Checked(
                s, StrategyRegistry.problems(s.strategy(), s.params(), s.universe().size())));
  }

  /**
   * Checks an algorithm block for {@code n} sleeves against the algorithm's declared parameters
   * (cached). Whether a symbol it names is in the data is checked when the data are loaded.
   *
   * @return the registry's messages, every problem of the block; empty when it is valid
   */
  List<String> algorithm(String algorithm, Params params, int n) {
    return algorithmChecks.computeIfAbsent(
        List.of(algorithm, n, params), k -> AllocationRegistry.problems(algorithm, params, n));
  }
}
