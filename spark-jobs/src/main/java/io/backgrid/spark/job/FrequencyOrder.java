package io.backgrid.spark.job;

import io.backgrid.engine.rebalance.RebalanceSchedule;

/**
 * The column that sorts rebalance frequencies by how often they fire, where their names sort
 * alphabetically (monthly, quarterly, weekly, yearly): the nominal number of trading days between
 * two scheduled rebalances. For a table that shows a frequency (the {@code configs} table's {@code
 * rebalance_frequency}), next to it: {@code ORDER BY rebalance_period_bars NULLS LAST}.
 */
public final class FrequencyOrder {
  /** The column's name. */
  public static final String COLUMN = "rebalance_period_bars";

  /** The column's comment (meaning and unit). */
  public static final String COMMENT =
      "nominal trading days between scheduled rebalances (daily 1, weekly 5, monthly 21,"
          + " quarterly 63, yearly 252, every N bars N; NULL for never): sorts frequencies";

  private FrequencyOrder() {}

  /**
   * The nominal bars between scheduled rebalances of a frequency as a study file gives it ({@link
   * RebalanceSchedule#parse} forms): 252 trading days a year, 21 a month, 63 a quarter, 5 a week; N
   * for {@code every N bars}; null for {@code never} (no scheduled rebalance).
   *
   * @throws IllegalArgumentException for a text that is no frequency (as {@code parse})
   */
  public static Integer periodBars(String frequency) {
    RebalanceSchedule s = RebalanceSchedule.parse(frequency);
    return switch (s.frequency()) {
      case NEVER -> null;
      case DAILY -> 1;
      case WEEKLY -> 5;
      case MONTHLY -> 21;
      case QUARTERLY -> 63;
      case YEARLY -> 252;
      case EVERY_N_BARS -> s.bars();
    };
  }
}
