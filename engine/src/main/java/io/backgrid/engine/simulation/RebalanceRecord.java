package io.backgrid.engine.simulation;

import java.time.LocalDate;

/**
 * One rebalance: when, why, and what it moved.
 *
 * @param date the date of the bar at which capital moved (the next bar for next-open fills)
 * @param reason {@code initial}, {@code schedule} (with its frequency) or {@code drift} (with the
 *     drift that fired it)
 * @param weightsBefore actual weights (sleeve NAV / portfolio NAV) before, in sleeve order
 * @param targets the target weights after algorithm and constraints
 * @param weightsAfter actual weights after the capital moved
 * @param capitalMovedCents gross transfers between sleeves and the reserve, in cents
 * @param costsCents costs of the sells that freed the capital, in cents
 * @param clamped how many sleeves' targets the min/max constraints clamped ({@link
 *     io.backgrid.engine.allocation.WeightConstraints#apply}); 0 without constraints
 */
public record RebalanceRecord(
    LocalDate date,
    String reason,
    double[] weightsBefore,
    double[] targets,
    double[] weightsAfter,
    long capitalMovedCents,
    long costsCents,
    int clamped) {

  /** A rebalance whose targets no constraint clamped. */
  public RebalanceRecord(
      LocalDate date,
      String reason,
      double[] weightsBefore,
      double[] targets,
      double[] weightsAfter,
      long capitalMovedCents,
      long costsCents) {
    this(date, reason, weightsBefore, targets, weightsAfter, capitalMovedCents, costsCents, 0);
  }

  public RebalanceRecord {
    weightsBefore = weightsBefore.clone();
    targets = targets.clone();
    weightsAfter = weightsAfter.clone();
  }
}
