package io.backgrid.engine.rebalance;

/**
 * How often a schedule fires (see {@link RebalanceSchedule} for the exact rule of each). {@link
 * #EVERY_N_BARS} takes its N from the schedule.
 */
public enum RebalanceFrequency {
  /** Only the first bar. */
  NEVER,
  /** Every bar. */
  DAILY,
  /** The first bar of each ISO week (Monday to Sunday). */
  WEEKLY,
  /** The first bar of each calendar month. */
  MONTHLY,
  /** The first bar of each calendar quarter (Jan, Apr, Jul, Oct). */
  QUARTERLY,
  /** The first bar of each calendar year. */
  YEARLY,
  /** Bars 0, N, 2N, … */
  EVERY_N_BARS
}
