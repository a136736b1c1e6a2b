package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.Objects;

/**
 * How a portfolio re-allocates capital between its sleeves.
 *
 * @param algorithm a built-in allocation algorithm name ({@code fixed}, {@code risk-parity}, …)
 * @param algorithmParams the algorithm's own parameters
 * @param lookback the window algorithms read
 * @param schedule when the schedule fires (bar 0 always allocates)
 * @param driftThreshold fire when max |actual − target weight| exceeds it; NaN for off; else in (0,
 *     1]
 * @param cooldownBars after a rebalance at bar r (the initial allocation included), neither
 *     schedule nor drift fires at bars r+1 .. r+cooldownBars (≥ 0; 0 for no cooldown)
 * @param constraints min/max weights, or null for none
 */
public record Rebalancing(
    String algorithm,
    Params algorithmParams,
    Lookback lookback,
    RebalanceSchedule schedule,
    double driftThreshold,
    int cooldownBars,
    WeightConstraints constraints)
    implements java.io.Serializable {

  /** Fixed weights, allocated at the first bar and never again. */
  public static final Rebalancing NEVER =
      new Rebalancing(
          "fixed",
          Params.EMPTY,
          Lookback.ofBars(1),
          RebalanceSchedule.of(RebalanceFrequency.NEVER),
          Double.NaN,
          0,
          null);

  public Rebalancing {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(algorithmParams, "algorithmParams");
    Objects.requireNonNull(lookback, "lookback");
    Objects.requireNonNull(schedule, "schedule");
    if (!Double.isNaN(driftThreshold) && !(driftThreshold > 0 && driftThreshold <= 1)) {
      throw new IllegalArgumentException(
          "Invalid rebalance.drift-threshold: "
              + driftThreshold
              + " (must be in (0, 1], or null for off)");
    }
    if (cooldownBars < 0) {
      throw new IllegalArgumentException(
          "Invalid rebalance.cooldown: " + cooldownBars + " (must be >= 0)");
    }
  }

  /** Fixed target weights (the initial ones) restored on a schedule. */
  public static Rebalancing fixed(RebalanceSchedule schedule) {
    return new Rebalancing(
        "fixed", Params.EMPTY, Lookback.ofBars(1), schedule, Double.NaN, 0, null);
  }
}
