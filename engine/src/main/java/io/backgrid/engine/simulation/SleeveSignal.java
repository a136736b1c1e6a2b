package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.UnitReturns;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A sleeve's strategy decisions over a whole panel, recorded once and replayed by every
 * configuration that has the same sleeve: the bars at which the strategy asked to move to its
 * targets (and those targets), the bar at which it failed (if it did), and its unit return series.
 *
 * <p>Recording runs the strategy bar by bar on a paper ledger (fractional shares, a fixed capital,
 * the configuration's costs and fill, no flows); each decision at bar t depends only on data up to
 * t, so replaying it in a real sleeve is free of look-ahead. Immutable and shareable across
 * threads.
 */
public final class SleeveSignal implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final int slots;
  private final int warmupBars;
  private final int[] eventBars;
  private final double[] eventTargets;
  private final int errorBar;
  private final String error;
  private final UnitReturns unitReturns;

  SleeveSignal(
      int slots,
      int warmupBars,
      int[] eventBars,
      double[] eventTargets,
      int errorBar,
      String error,
      UnitReturns unitReturns) {
    this.slots = slots;
    this.warmupBars = warmupBars;
    this.eventBars = eventBars;
    this.eventTargets = eventTargets;
    this.errorBar = errorBar;
    this.error = error;
    this.unitReturns = unitReturns;
  }

  /** Number of universe slots. */
  public int slots() {
    return slots;
  }

  /** The strategy's declared warm-up, in bars. */
  public int warmupBars() {
    return warmupBars;
  }

  /** Number of recorded decisions. */
  public int eventCount() {
    return eventBars.length;
  }

  /** The bar of decision {@code e}. */
  public int eventBar(int e) {
    return eventBars[e];
  }

  /** Copies decision {@code e}'s targets into {@code out}. */
  void copyTargets(int e, double[] out) {
    System.arraycopy(eventTargets, e * slots, out, 0, slots);
  }

  /** The bar at which the strategy threw, or −1. */
  public int errorBar() {
    return errorBar;
  }

  /** The strategy's error message, or null. */
  public String error() {
    return error;
  }

  /** The strategy's unit return series (paper ledger, no flows). */
  public UnitReturns unitReturns() {
    return unitReturns;
  }

  @Override
  public String toString() {
    return "SleeveSignal["
        + eventBars.length
        + " decisions"
        + (error == null ? "" : ", error at bar " + errorBar + ": " + error)
        + ", first decisions at "
        + Arrays.toString(Arrays.copyOf(eventBars, Math.min(5, eventBars.length)))
        + "]";
  }
}
