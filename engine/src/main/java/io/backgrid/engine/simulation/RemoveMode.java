package io.backgrid.engine.simulation;

/** What happens to a removed sleeve's positions. */
public enum RemoveMode {
  /** Sell everything at the next fill; the proceeds go back to the reserve. */
  LIQUIDATE,
  /**
   * Keep the positions (held and marked, never traded again); the cash goes back to the reserve.
   */
  KEEP
}
