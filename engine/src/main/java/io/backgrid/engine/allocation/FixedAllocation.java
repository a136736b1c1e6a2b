package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.Params;
import java.util.List;

/**
 * {@code fixed}: the configured initial weights, every time.
 *
 * <p>Rule: w_i = initial_i for an active sleeve, 0 for an inactive one. No parameters; no history
 * needed, so it never returns false. The weights are not renormalised when a sleeve is paused: Σ w
 * = Σ of the active sleeves' initial weights (the paused sleeve's capital stays where it is and the
 * engine scales the others). A single sleeve gets its initial weight; an initial weight of 0 keeps
 * a sleeve in cash for ever.
 */
final class FixedAllocation implements AllocationAlgorithm {
  static final String NAME = "fixed";

  /** The targets are the initial weights: no history is read, so the lookback does not matter. */
  static final AlgorithmTraits TRAITS =
      new AlgorithmTraits(false, new Declared("allocation " + NAME, List.of()));

  static AllocationAlgorithm create(Params params, int sleeveCount, MarketPanel panel) {
    TRAITS.params().refuseUnknown(params);
    return new FixedAllocation();
  }

  @Override
  public boolean weights(AllocationContext context, double[] out) {
    for (int i = 0; i < context.sleeveCount(); i++) {
      out[i] = context.active(i) ? context.initialWeight(i) : 0.0;
    }
    return true;
  }
}
