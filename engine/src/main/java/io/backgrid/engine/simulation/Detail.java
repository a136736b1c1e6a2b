package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.TradeLog;

/**
 * How much of a simulation to keep besides the metrics; each level makes the stores it keeps (paths
 * sized for the run, a recording or a counting trade log), so the simulation asks it rather than
 * testing the level.
 */
public enum Detail {
  /** Metrics, rebalances and counts only: what a large study needs. */
  SUMMARY(false),
  /** Also the NAV paths, the rolling figures, every fill and every transfer. */
  FULL(true);

  private final boolean records;

  Detail(boolean records) {
    this.records = records;
  }

  /** True when per-bar paths, fills and transfers are kept. */
  public boolean keepsRecords() {
    return records;
  }

  /** A per-bar path of {@code bars} values, or an empty one when paths are not kept. */
  long[] path(int bars) {
    return new long[records ? bars : 0];
  }

  /** {@code n} per-bar paths, or none when paths are not kept. */
  long[][] paths(int n, int bars) {
    return records ? new long[n][bars] : new long[0][];
  }

  /** The log fills go to: recording each fill, or counting them. */
  TradeLog tradeLog() {
    return records ? TradeLog.recording() : TradeLog.counting();
  }
}
