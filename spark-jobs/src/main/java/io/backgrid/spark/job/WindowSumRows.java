package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.stats.BlockSums;
import io.backgrid.engine.stats.WalkForwardFolds;
import io.backgrid.engine.stats.WindowSums;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code window_sums} rows of one configuration (issue 13), made on the executor from the daily
 * returns of its one simulation ({@link SimulationResult#returns()}), for the study-level figures
 * the driver computes afterwards without a second pass over any return:
 *
 * <ul>
 *   <li>{@code kind = 'block'}, index b in [0, S): the CSCV blocks of {@code overfitting.blocks} =
 *       S ({@link BlockSums}): of the T = bars − 1 returns from the first close, the first T − S·m
 *       dropped, m = ⌊T/S⌋ per block; a missing return (after the NAV reached 0) counts as 0;
 *   <li>{@code kind = 'segment'}, index j: the walk-forward segments of {@link WalkForwardFolds}
 *       from the study data's first and last date ({@link WindowSums}).
 * </ul>
 *
 * Size: S + segments rows per configuration, segments ≤ 2·folds + 1: 36 rows for 16 blocks and the
 * 20 yearly segments of 20 years with train 3 years and test 1 year, about 1.6 KB of Parquet a
 * configuration (the decision study's 144: 232 KB, a tenth of its rebalances table).
 */
final class WindowSumRows {
  static final String WINDOW_SUMS = "window_sums";
  static final String BLOCK = "block";
  static final String SEGMENT = "segment";

  private WindowSumRows() {}

  /** One row: a block (sums only) or a segment (all of {@link WindowSums}). */
  record Row(
      String configId,
      String kind,
      int index,
      int returns,
      double sum,
      double squares,
      WindowSums segment) {}

  static final TableLayout<Row> TABLE =
      new TableLayout<>(
          WINDOW_SUMS,
          List.of(
              TableColumn.required("config_id", StringType, "configuration id", Row::configId),
              TableColumn.required(
                  "kind",
                  StringType,
                  "block (a CSCV block of overfitting.blocks) or segment (a walk-forward stretch)",
                  Row::kind),
              TableColumn.required(
                  "index",
                  IntegerType,
                  "0-based block or segment number, in time order",
                  Row::index),
              TableColumn.required(
                  "returns", IntegerType, "n, the daily returns in it", Row::returns),
              TableColumn.of("sum", DoubleType, "sum of the daily returns", Row::sum),
              TableColumn.of(
                  "sum_squares", DoubleType, "sum of the squared daily returns", Row::squares),
              TableColumn.of(
                  "downside_squares",
                  DoubleType,
                  "sum of min(r - rf_p, 0)^2 (Sortino); NULL for blocks",
                  r -> r.segment() == null ? null : r.segment().downsideSquares()),
              TableColumn.of(
                  "growth",
                  DoubleType,
                  "product of (1 + r); NULL for blocks",
                  r -> r.segment() == null ? null : r.segment().growth()),
              TableColumn.of(
                  "peak",
                  DoubleType,
                  "highest running product of (1 + r), 1 included; NULL for blocks",
                  r -> r.segment() == null ? null : r.segment().peak()),
              TableColumn.of(
                  "trough",
                  DoubleType,
                  "lowest running product of (1 + r), 1 included; NULL for blocks",
                  r -> r.segment() == null ? null : r.segment().trough()),
              TableColumn.of(
                  "max_drawdown",
                  DoubleType,
                  "maximum drawdown within, fraction <= 0; NULL for blocks",
                  r -> r.segment() == null ? null : r.segment().maxDrawdown()),
              TableColumn.of(
                  "base_date",
                  DateType,
                  "date of the value before the first return; NULL for blocks and empty segments",
                  r -> day(r.segment() == null ? Long.MIN_VALUE : r.segment().baseDay())),
              TableColumn.of(
                  "last_date",
                  DateType,
                  "date of the last return; NULL for blocks and empty segments",
                  r -> day(r.segment() == null ? Long.MIN_VALUE : r.segment().lastDay()))));

  /** The walk-forward folds over the study data's dates; null without a walk-forward. */
  static WalkForwardFolds folds(DecisionSpec decision, MarketPanel panel) {
    if (decision.walkForward() == null || panel.barCount() < 2) {
      return null;
    }
    List<LocalDate> dates = panel.dates();
    DecisionSpec.WalkForward w = decision.walkForward();
    LocalDate first = dates.get(0);
    LocalDate last = dates.get(dates.size() - 1);
    try {
      return WalkForwardFolds.of(first, last, w.train(), w.test(), w.anchored());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid study.walk-forward.train: "
              + text(w.train())
              + " (the data run from "
              + first
              + " to "
              + last
              + ": a test window must start after the first train window, so train must be"
              + " shorter than the data)");
    }
  }

  /** A period as written in a study ("3 years", "18 months", "2 weeks"). */
  static String text(java.time.Period p) {
    if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
      return p.getYears() + (p.getYears() == 1 ? " year" : " years");
    }
    if (p.getYears() == 0 && p.getDays() == 0) {
      return p.getMonths() + (p.getMonths() == 1 ? " month" : " months");
    }
    if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() % 7 == 0) {
      return p.getDays() / 7 + (p.getDays() == 7 ? " week" : " weeks");
    }
    return p.getDays() + (p.getDays() == 1 ? " day" : " days");
  }

  /**
   * The rows of one configuration that ran.
   *
   * @param folds the study's folds, or null without a walk-forward
   * @param riskFreePerPeriod rf_p of the configuration, for the downside squares
   */
  static void of(
      String configId,
      SimulationResult r,
      DecisionSpec decision,
      WalkForwardFolds folds,
      double riskFreePerPeriod,
      ResultRows.Sink out) {
    int table = Tables.PER_CONFIG.indexOf(WINDOW_SUMS);
    double[] returns = r.returns();
    int blocks = decision.blocks();
    int t = returns.length - 1;
    if (blocks > 0 && t >= blocks && (t / blocks) * (blocks / 2) >= 2) {
      BlockSums sums = new BlockSums(t, blocks);
      for (int i = 1; i < returns.length; i++) {
        sums.add(Double.isNaN(returns[i]) ? 0 : returns[i]);
      }
      for (int b = 0; b < blocks; b++) {
        out.row(
            table,
            TABLE.row(
                new Row(
                    configId,
                    BLOCK,
                    b,
                    sums.returnsPerBlock(),
                    sums.sum(b),
                    sums.sumSquares(b),
                    null)));
      }
    }
    if (folds == null) {
      return;
    }
    WindowSums[] segments = folds.segments(r.dates(), returns, riskFreePerPeriod);
    for (int k = 0; k < segments.length; k++) {
      WindowSums s = segments[k];
      out.row(
          table, TABLE.row(new Row(configId, SEGMENT, k, s.count(), s.sum(), s.sumSquares(), s)));
    }
  }

  private static LocalDate day(long epochDay) {
    return epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
  }
}
