package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Walk-forward folds and selection on grids whose answer is known by construction. */
class WalkForwardTest {
  private static final LocalDate FIRST = LocalDate.of(2010, 1, 4);
  private static final LocalDate LAST = LocalDate.of(2015, 12, 31);
  private static final LocalDate SECOND = FIRST.plusYears(1);

  @Test
  void rollingFoldsStepByTheTestWindowAndTheLastIsCutShort() {
    WalkForwardFolds f =
        WalkForwardFolds.of(FIRST, LAST, Period.ofYears(2), Period.ofYears(1), false);
    assertThat(f.folds()).hasSize(4);
    WalkForwardFolds.Fold first = f.folds().get(0);
    assertThat(first.trainStart()).isEqualTo(FIRST);
    assertThat(first.trainEnd()).isEqualTo(LocalDate.of(2012, 1, 4));
    assertThat(first.testEnd()).isEqualTo(LocalDate.of(2013, 1, 4));
    WalkForwardFolds.Fold last = f.folds().get(3);
    assertThat(last.trainStart()).isEqualTo(LocalDate.of(2013, 1, 4));
    assertThat(last.trainEnd()).isEqualTo(LocalDate.of(2015, 1, 4));
    assertThat(last.testEnd()).isEqualTo(LocalDate.of(2016, 1, 4)); // after LAST: cut short
    assertThat(f.segments()).isEqualTo(6); // one per year
    WalkForwardFolds anchored =
        WalkForwardFolds.of(FIRST, LAST, Period.ofYears(2), Period.ofYears(1), true);
    assertThat(anchored.folds()).extracting(WalkForwardFolds.Fold::trainStart).containsOnly(FIRST);
  }

  @Test
  void dataShorterThanTheTrainWindowHaveNoFold() {
    assertThatThrownBy(
            () -> WalkForwardFolds.of(FIRST, LAST, Period.ofYears(6), Period.ofYears(1), false))
        .hasMessage(
            "Cannot walk forward over 2010-01-04 to 2015-12-31: no test window starts after a"
                + " train window of P6Y (the data must be longer than train)");
  }

  /**
   * Three configurations, each good (drift +0.2%/day) in its own years and flat-noisy in the
   * others: config k is good in years with (year − 2010) mod 3 == k. With train = 1 year, the
   * selection of fold y (trained on year y − 1) is the config good in year y − 1, and in the test
   * year y it is not the good one: never ranked first, always below it.
   */
  @Test
  void selectsTheTrainWinnerAndRanksItOnTheTestWindow() {
    WalkForwardFolds folds =
        WalkForwardFolds.of(FIRST, LAST, Period.ofYears(1), Period.ofYears(1), false);
    List<LocalDate> days = weekdays();
    WindowSums[][] sums = new WindowSums[3][];
    SplittableRandom random = new SplittableRandom(3);
    for (int k = 0; k < 3; k++) {
      sums[k] = new WindowSums[folds.segments()];
      for (int j = 0; j < sums[k].length; j++) {
        sums[k][j] = new WindowSums();
      }
      for (int t = 1; t < days.size(); t++) {
        LocalDate d = days.get(t);
        boolean good = (d.getYear() - 2010) % 3 == k;
        double r = (good ? 0.002 : 0.0) + 0.005 * Returns.gaussian(random);
        int j = folds.segmentOf(d);
        if (j >= 0) {
          sums[k][j].add(days.get(t - 1).toEpochDay(), d.toEpochDay(), r, 0);
        }
      }
    }
    List<WalkForward.FoldResult> results =
        WalkForward.select(folds, sums, WindowMetric.SHARPE, new double[3], 252);
    assertThat(results).hasSize(5);
    for (WalkForward.FoldResult r : results) {
      int trainYear = r.fold().trainStart().getYear();
      assertThat(r.selected()).as("fold %d", r.fold().index()).isEqualTo((trainYear - 2010) % 3);
      assertThat(r.testRank()).isGreaterThan(1);
      assertThat(r.testPercentile()).isLessThan(1);
    }
    // the stitched series is the five test years of the selections
    WindowSums stitched = WalkForward.stitched(results);
    assertThat(stitched.baseDay()).isLessThan(LocalDate.of(2011, 1, 4).toEpochDay());
    assertThat(stitched.lastDay()).isEqualTo(LAST.toEpochDay());
    int testReturns = 0;
    for (LocalDate d : days) {
      testReturns += d.isBefore(LocalDate.of(2011, 1, 4)) ? 0 : 1;
    }
    assertThat(stitched.count()).isEqualTo(testReturns);
    // selected on its good year, judged on a flat year: IS return far above OOS
    assertThat(WalkForward.efficiency(results, 252)).isLessThan(0.5);
  }

  @Test
  void tiesGoToTheSmallestIndexAndVolatilityRanksLowFirst() {
    WalkForwardFolds folds =
        WalkForwardFolds.of(FIRST, LAST, Period.ofYears(1), Period.ofYears(1), false);
    WindowSums[][] sums = new WindowSums[2][folds.segments()];
    List<LocalDate> days = weekdays();
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < folds.segments(); j++) {
        sums[k][j] = new WindowSums();
      }
      for (int t = 1; t < days.size(); t++) {
        int j = folds.segmentOf(days.get(t));
        LocalDate d = days.get(t);
        boolean loud = k == 1 && !d.isBefore(SECOND) && d.isBefore(SECOND.plusYears(1));
        double r = (t % 2 == 0 ? 0.01 : -0.009) * (loud ? 2 : 1);
        sums[k][j].add(days.get(t - 1).toEpochDay(), days.get(t).toEpochDay(), r, 0);
      }
    }
    List<WalkForward.FoldResult> byReturn =
        WalkForward.select(folds, sums, WindowMetric.TOTAL_RETURN, new double[2], 252);
    // identical in fold 0's train year: fold 0 picks index 0
    assertThat(byReturn.get(0).selected()).isEqualTo(0);
    List<WalkForward.FoldResult> byVolatility =
        WalkForward.select(folds, sums, WindowMetric.VOLATILITY, new double[2], 252);
    // in fold 1's train year config 1 moves twice as much: fold 1 (trained on 2011) picks config 0
    assertThat(byVolatility.get(1).selected()).isEqualTo(0);
    // fold 0 (a tie, index 0) is tested on config 1's loud year: config 0 is the least volatile
    assertThat(byVolatility.get(0).selected()).isEqualTo(0);
    assertThat(byVolatility.get(0).testRank()).isEqualTo(1);
    assertThat(byVolatility.get(0).testPercentile()).isEqualTo(1.0);
  }

  private static List<LocalDate> weekdays() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    return days;
  }
}
