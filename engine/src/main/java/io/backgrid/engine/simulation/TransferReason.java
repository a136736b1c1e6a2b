package io.backgrid.engine.simulation;

/** Why capital moved between a sleeve and the reserve. */
public enum TransferReason {
  /** The allocation at the first bar. */
  INITIAL("initial"),
  /** A sleeve added after the first bar gets its allocation. */
  ADD("add"),
  /** Capital moved to the target weights. */
  REBALANCE("rebalance"),
  /** A removed sleeve's cash goes back to the reserve. */
  REMOVE("remove");

  private final String label;

  TransferReason(String label) {
    this.label = label;
  }

  /** The reason as the tables show it. */
  public String label() {
    return label;
  }
}
