package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;

/** Creates a fresh allocation algorithm for one configuration, validating its parameters. */
@FunctionalInterface
public interface AllocationFactory {

  /**
   * Creates an algorithm.
   *
   * @param params the algorithm's own parameter block (e.g. config {@code allocation.kelly {
   *     fraction = 0.5 }}); unknown keys are refused
   * @param sleeveCount number of sleeves in the configuration (≥ 1)
   * @param panel the market, for resolving symbols (e.g. a benchmark)
   * @throws IllegalArgumentException naming the parameter, its value and the rule when a parameter
   *     is invalid
   */
  AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel);
}
