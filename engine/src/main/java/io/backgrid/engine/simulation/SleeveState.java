package io.backgrid.engine.simulation;

/** Where a sleeve is in its life. */
public enum SleeveState {
  /** Added, not yet funded and run (before its first bar). */
  INITIALIZING,
  /** Trading: its strategy is followed every bar. */
  RUNNING,
  /** Holding its positions and cash, marked every bar, not trading, not rebalanced. */
  PAUSED,
  /** Being removed: sells everything at the next fill, then stops. */
  LIQUIDATING,
  /** Removed: no longer trades; its cash has gone back to the reserve. */
  STOPPED
}
