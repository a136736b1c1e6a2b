package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a portfolio re-allocates capital between its sleeves: an allocation algorithm, the window it
 * reads and the schedule, with optional drift trigger, cooldown and weight constraints added by
 * name. Immutable:
 *
 * <pre>{@code
 * Rebalancing.of("risk-parity", Params.EMPTY, Lookback.ofBars(63), RebalanceSchedule.parse("monthly"))
 *     .withDriftThreshold(0.05)
 *     .withCooldown(5)
 *     .withConstraints(WeightConstraints.of(4, 0.05, 0.6, null, null))
 * }</pre>
 *
 * By default there is no drift trigger, no cooldown and no constraints.
 */
public final class Rebalancing implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Fixed weights, allocated at the first bar and never again. */
  public static final Rebalancing NEVER = fixed(RebalanceSchedule.of(RebalanceFrequency.NEVER));

  private final String algorithm;
  private final Params algorithmParams;
  private final Lookback lookback;
  private final RebalanceSchedule schedule;
  private final double driftThreshold;
  private final int cooldownBars;
  private final WeightConstraints constraints;

  private Rebalancing(
      String algorithm,
      Params algorithmParams,
      Lookback lookback,
      RebalanceSchedule schedule,
      double driftThreshold,
      int cooldownBars,
      WeightConstraints constraints) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.algorithmParams = Objects.requireNonNull(algorithmParams, "algorithmParams");
    this.lookback = Objects.requireNonNull(lookback, "lookback");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.driftThreshold = driftThreshold;
    this.cooldownBars = cooldownBars;
    this.constraints = constraints;
  }

  /**
   * An algorithm on a schedule, without drift trigger, cooldown or constraints.
   *
   * @param algorithm a built-in allocation algorithm name ({@code fixed}, {@code risk-parity}, …)
   * @param algorithmParams the algorithm's own parameters
   * @param lookback the window the algorithm reads
   * @param schedule when the schedule fires (bar 0 always allocates)
   */
  public static Rebalancing of(
      String algorithm, Params algorithmParams, Lookback lookback, RebalanceSchedule schedule) {
    return new Rebalancing(algorithm, algorithmParams, lookback, schedule, Double.NaN, 0, null);
  }

  /** Fixed target weights (the initial ones) restored on a schedule. */
  public static Rebalancing fixed(RebalanceSchedule schedule) {
    return of("fixed", Params.EMPTY, Lookback.ofBars(1), schedule);
  }

  /**
   * The same rule that also fires when max |actual − target weight| exceeds {@code threshold}.
   *
   * @param threshold in (0, 1]
   * @throws IllegalArgumentException naming the threshold and the rule when out of range
   */
  public Rebalancing withDriftThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "Invalid drift threshold: " + threshold + " (must be in (0, 1])");
    }
    return new Rebalancing(
        algorithm, algorithmParams, lookback, schedule, threshold, cooldownBars, constraints);
  }

  /**
   * The same rule where, after a rebalance at bar r (the initial allocation included), neither
   * schedule nor drift fires at bars r+1 .. r+{@code bars}.
   *
   * @param bars ≥ 0; 0 for no cooldown
   * @throws IllegalArgumentException naming the value and the rule when negative
   */
  public Rebalancing withCooldown(int bars) {
    if (bars < 0) {
      throw new IllegalArgumentException("Invalid cooldown: " + bars + " bars (must be >= 0)");
    }
    return new Rebalancing(
        algorithm, algorithmParams, lookback, schedule, driftThreshold, bars, constraints);
  }

  /** The same rule with min/max target weights per sleeve. */
  public Rebalancing withConstraints(WeightConstraints weightConstraints) {
    return new Rebalancing(
        algorithm,
        algorithmParams,
        lookback,
        schedule,
        driftThreshold,
        cooldownBars,
        Objects.requireNonNull(weightConstraints, "weightConstraints"));
  }

  /** The allocation algorithm's name. */
  public String algorithm() {
    return algorithm;
  }

  /** The algorithm's own parameters. */
  public Params algorithmParams() {
    return algorithmParams;
  }

  /** The window the algorithm reads. */
  public Lookback lookback() {
    return lookback;
  }

  /** When the schedule fires. */
  public RebalanceSchedule schedule() {
    return schedule;
  }

  /** True when drift also fires a rebalance ({@link #driftThreshold()}). */
  public boolean hasDriftThreshold() {
    return !Double.isNaN(driftThreshold);
  }

  /**
   * The drift that fires a rebalance, in (0, 1]; NaN without one (see {@link #hasDriftThreshold}).
   */
  public double driftThreshold() {
    return driftThreshold;
  }

  /** Bars after a rebalance during which nothing fires, ≥ 0. */
  public int cooldownBars() {
    return cooldownBars;
  }

  /** The min/max target weights, or null without constraints. */
  public WeightConstraints constraints() {
    return constraints;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rebalancing r
        && algorithm.equals(r.algorithm)
        && algorithmParams.equals(r.algorithmParams)
        && lookback.equals(r.lookback)
        && schedule.equals(r.schedule)
        && Double.compare(driftThreshold, r.driftThreshold) == 0
        && cooldownBars == r.cooldownBars
        && Objects.equals(constraints, r.constraints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        algorithm, algorithmParams, lookback, schedule, driftThreshold, cooldownBars, constraints);
  }

  @Override
  public String toString() {
    return "Rebalancing["
        + algorithm
        + " "
        + algorithmParams
        + ", lookback "
        + lookback
        + ", "
        + schedule
        + (hasDriftThreshold() ? ", drift " + driftThreshold : "")
        + (cooldownBars > 0 ? ", cooldown " + cooldownBars : "")
        + (constraints != null ? ", constrained" : "")
        + "]";
  }
}
