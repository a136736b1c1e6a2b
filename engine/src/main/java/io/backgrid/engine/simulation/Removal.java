package io.backgrid.engine.simulation;

/**
 * What removing a sleeve frees, as it happens: {@link PortfolioAllocator#remove} returns it at once
 * and the removal completes at a later execution point (a liquidation when its positions are sold,
 * {@link RemoveMode#KEEP} at the next bar), so this reads the sleeve rather than copying it.
 */
public final class Removal {
  private final Sleeve sleeve;
  private final RemoveMode mode;

  Removal(Sleeve sleeve, RemoveMode mode) {
    this.sleeve = sleeve;
    this.mode = mode;
  }

  /** The removed sleeve's id. */
  public String id() {
    return sleeve.id();
  }

  /** How it is removed. */
  public RemoveMode mode() {
    return mode;
  }

  /** True once the sleeve is stopped and its cash is back in the reserve. */
  public boolean complete() {
    return sleeve.state() == SleeveState.STOPPED && sleeve.returnedCents() >= 0;
  }

  /**
   * The cents returned to the reserve when the removal completed (the sale proceeds net of costs
   * plus the cash it held; with {@link RemoveMode#KEEP} its cash only), or −1 before then.
   */
  public long returnedCents() {
    return sleeve.returnedCents();
  }

  /** The bar at which the removal completed, or −1 before then. */
  public int completedBar() {
    return sleeve.removedBar();
  }
}
