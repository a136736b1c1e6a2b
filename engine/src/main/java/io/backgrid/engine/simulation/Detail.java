package io.backgrid.engine.simulation;

/** How much of a simulation to keep besides the metrics. */
public enum Detail {
  /** Metrics, rebalances and counts only: what a large study needs. */
  SUMMARY,
  /** Also the NAV paths, every fill and every transfer. */
  FULL
}
