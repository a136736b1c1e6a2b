package io.backgrid.engine.strategy;

import io.backgrid.engine.param.Params;

/** Creates a fresh strategy instance for one sleeve. */
@FunctionalInterface
public interface StrategyFactory {

  /**
   * Creates a strategy, validating its parameters.
   *
   * @param params the strategy's parameters
   * @param universeSize number of symbols in the sleeve's universe (≥ 1)
   * @throws IllegalArgumentException naming the parameter, its value and the rule when a parameter
   *     is invalid
   */
  SleeveStrategy create(Params params, int universeSize);
}
