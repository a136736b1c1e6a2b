package io.backgrid.spark.config;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.engine.strategy.StrategyRegistry;
import io.backgrid.engine.strategy.TargetWeights;
import java.time.LocalDate;
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
                s,
                TargetWeights.NAME.equals(s.strategy())
                    ? s.params().problems(PluginChecks::checkWeightsParams)
                    : StrategyRegistry.problems(s.strategy(), s.params(), s.universe().size())));
  }

  /**
   * A {@code target-weights} sleeve's parameters as written: its file is read by the study job once
   * the price data are loaded (the file's checks need the data's dates and symbols).
   */
  private static void checkWeightsParams(Params params) {
    params.requireOnly(
        "strategy " + TargetWeights.NAME,
        TargetWeights.PATH,
        TargetWeights.SLEEVE,
        TargetWeights.SHORTS);
    TargetWeights.checkWritten(params);
  }

  /**
   * Checks an algorithm block for {@code n} sleeves (cached).
   *
   * @return the registry's messages, every problem of the block; empty when it is valid
   */
  List<String> algorithm(String algorithm, Params params, int n) {
    return algorithmChecks.computeIfAbsent(
        List.of(algorithm, n, params), k -> checkAlgorithm(algorithm, params, n));
  }

  /**
   * Creates the algorithm to validate its block. The data are not loaded here, so the algorithm is
   * given a one-bar stand-in market holding exactly the symbols it declares it reads ({@link
   * io.backgrid.engine.allocation.AlgorithmTraits#symbols}): every rule is the engine's own, and
   * whether those symbols exist in the data is checked when the data are loaded.
   */
  private static List<String> checkAlgorithm(String algorithm, Params params, int n) {
    List<String> symbols = AllocationRegistry.traits(algorithm).symbols(params);
    MarketPanelBuilder market =
        MarketPanel.builder(
            List.of(LocalDate.of(2000, 1, 3)), symbols.isEmpty() ? List.of("_") : symbols);
    for (int i = 0; i < Math.max(1, symbols.size()); i++) {
      market.price(i, new double[] {1.0});
    }
    MarketPanel panel = market.build();
    return params.problems(p -> AllocationRegistry.create(algorithm, p, n, panel));
  }
}
