package io.backgrid.engine.simulation;

import java.time.LocalDate;

/**
 * One rebalance: when, why, and what it moved.
 *
 * @param date the date of the bar at which capital moved (the next bar for next-open fills)
 * @param cause why: the initial allocation, the schedule or the drift that fired it
 * @param note the allocation algorithm's note on sleeves it excluded (e.g. {@code "; zero variance,
 *     weight 0: RRC"}), empty when none
 * @param weightsBefore actual weights (sleeve NAV / portfolio NAV) before, in sleeve order
 * @param targets the target weights after algorithm and constraints
 * @param weightsAfter actual weights after the capital moved
 * @param capitalMovedCents gross transfers between sleeves and the reserve, in cents
 * @param costsCents costs of the sells that freed the capital, in cents
 * @param clamped how many sleeves' targets the min/max constraints clamped ({@link
 *     io.backgrid.engine.allocation.WeightConstraints#apply}); 0 without constraints
 * @param netting what netting did at the rebalance's execution point: its sells and every sleeve's
 *     orders there (the initial allocation's: the sleeves' first investments)
 */
public record RebalanceRecord(
    LocalDate date,
    RebalanceReason cause,
    String note,
    double[] weightsBefore,
    double[] targets,
    double[] weightsAfter,
    long capitalMovedCents,
    long costsCents,
    int clamped,
    NettingTotals netting) {

  public RebalanceRecord {
    weightsBefore = weightsBefore.clone();
    targets = targets.clone();
    weightsAfter = weightsAfter.clone();
    java.util.Objects.requireNonNull(netting, "netting");
  }

  /** This record with the netting of its execution point. */
  RebalanceRecord withNetting(NettingTotals n) {
    return new RebalanceRecord(
        date,
        cause,
        note,
        weightsBefore,
        targets,
        weightsAfter,
        capitalMovedCents,
        costsCents,
        clamped,
        n);
  }

  /**
   * Why, as the rebalances table shows it: {@code initial}, {@code schedule} with its frequency or
   * {@code drift} with the drift that fired it ({@code drift 0.0556 > 0.05}), followed by the
   * algorithm's note when it excluded sleeves.
   */
  public String reason() {
    return note.isEmpty() ? cause.label() : cause.label() + note;
  }
}
