package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.AllocationAlgorithm;
import io.backgrid.engine.allocation.AllocationContext;
import io.backgrid.engine.allocation.WeightConstraints;

/**
 * Decides when a portfolio rebalances and to what: the schedule, the drift trigger and the
 * cooldown, then the algorithm's targets (or the current ones when history is insufficient) with
 * the constraints applied.
 */
final class Rebalancer {
  private final Rebalancing rule;
  private final boolean[] fires;
  private final AllocationAlgorithm algorithm;
  private final AllocationContext context;
  private final WeightConstraints constraints;

  /** The reason of a scheduled rebalance, built once rather than at every rebalance. */
  private final RebalanceReason scheduleReason;

  private int lastBar = Integer.MIN_VALUE / 2;

  /** How many targets the constraints clamped at the last {@link #targets} or {@link #initial}. */
  private int clamped;

  Rebalancer(
      Rebalancing rule,
      boolean[] fires,
      AllocationAlgorithm algorithm,
      AllocationContext context,
      WeightConstraints constraints) {
    this.rule = rule;
    this.fires = fires;
    this.algorithm = algorithm;
    this.context = context;
    this.constraints = constraints;
    this.scheduleReason = new RebalanceReason.Scheduled(rule.schedule());
  }

  /**
   * Why bar t rebalances, or null: the schedule first, then the drift of the active sleeves' actual
   * weights from their targets (max |actual − target| &gt; threshold); nothing within the cooldown:
   * after a rebalance (or the initial allocation) at bar r, bars r+1 .. r+cooldown are quiet, and a
   * schedule date that falls there is skipped, not deferred.
   *
   * @param actual the sleeves' actual weights, read only when {@link #readsWeights(int)} is true
   */
  RebalanceReason due(int t, double[] actual, double[] targets, boolean[] active) {
    if (t - lastBar <= rule.cooldownBars()) {
      return null;
    }
    if (fires[t]) {
      return scheduleReason;
    }
    if (!Double.isNaN(rule.driftThreshold())) {
      double drift = 0;
      for (int i = 0; i < actual.length; i++) {
        if (active[i]) {
          drift = Math.max(drift, Math.abs(actual[i] - targets[i]));
        }
      }
      if (drift > rule.driftThreshold()) {
        return new RebalanceReason.Drift(drift, rule.driftThreshold());
      }
    }
    return null;
  }

  /**
   * True when {@link #due} at bar t reads the actual weights: only the drift trigger does, after
   * the cooldown, at a bar off the schedule (so the weights, a division per sleeve, are computed
   * only then).
   */
  boolean readsWeights(int t) {
    return t - lastBar > rule.cooldownBars() && !fires[t] && !Double.isNaN(rule.driftThreshold());
  }

  /**
   * The target weights at bar t into {@code out}; remembers t for the cooldown. The algorithm's
   * note on sleeves it excluded is then {@link #note()}.
   */
  void targets(int t, boolean[] active, double[] current, double[] out) {
    context.moveTo(t, active, current);
    if (!algorithm.weights(context, out)) {
      System.arraycopy(current, 0, out, 0, out.length);
      for (int i = 0; i < out.length; i++) {
        out[i] = active[i] ? out[i] : 0.0;
      }
    }
    clamped = constraints.apply(out, active);
    lastBar = t;
  }

  /**
   * The algorithm's note on the sleeves it excluded at the last {@link #targets} (e.g. {@code ";
   * zero variance, weight 0: RRC"}), empty when none.
   */
  String note() {
    return context.exclusionNote();
  }

  /** How many targets the constraints clamped at the last rebalance. */
  int clamped() {
    return clamped;
  }

  /** Restarts the cooldown at bar t (a manual rebalance executes there). */
  void restartCooldown(int t) {
    lastBar = t;
  }

  /** Keeps the cooldown of the rebalancer this one replaces (the set of sleeves changed). */
  void continueFrom(Rebalancer previous) {
    lastBar = previous.lastBar;
  }

  /** Applies the constraints to the initial weights and starts the cooldown at bar 0. */
  void initial(double[] weights, boolean[] active) {
    clamped = constraints.apply(weights, active);
    lastBar = 0;
  }
}
