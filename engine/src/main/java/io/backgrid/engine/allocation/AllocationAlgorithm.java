package io.backgrid.engine.allocation;

/**
 * Turns the sleeves' histories into target weights (DESIGN §4).
 *
 * <p>Contract: write one weight per sleeve into {@code out}, each ≥ 0, summing to at most 1 (the
 * rest stays in the reserve as cash), 0 for inactive sleeves; read nothing after {@code
 * context.bar()}. Return false when the history is insufficient: the engine then keeps the current
 * weights. The built-ins return false only when no active sleeve has a full lookback window; a
 * sleeve without one keeps its current weight and the others share the rest. A sleeve left out on
 * purpose (the built-ins: zero variance) is reported with {@link AllocationContext#exclude}, which
 * names it in the rebalance's reason. The exposure target and the constraints (min/max) are applied
 * by the engine afterwards ({@link WeightConstraints}).
 *
 * <p>Implementations may keep state across calls (one instance per configuration) but must be
 * deterministic.
 */
public interface AllocationAlgorithm {

  /**
   * @param context the sleeves' histories up to the current bar
   * @param out receives the target weights, one per sleeve
   * @return false to keep the current weights (insufficient history)
   */
  boolean weights(AllocationContext context, double[] out);
}
