package io.backgrid.spark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavStatsTest {
  static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  static final int[] DAYS = {
    day("2020-12-30"),
    day("2020-12-31"),
    day("2021-01-29"),
    day("2021-06-30"),
    day("2021-12-31"),
    day("2022-01-03")
  };
  static final double[] NAV = {100, 110, 99, 121, 132, 145.2};

  @Test
  void yearlyReturnsChainTheYearEndNavsFromTheFirstNav() {
    NavStats.PeriodReturns y = NavStats.yearly(DAYS, NAV);
    assertThat(y.keys()).containsExactly(2020, 2021, 2022);
    // 110/100 - 1, 132/110 - 1, 145.2/132 - 1
    assertThat(y.returns()).containsExactly(new double[] {0.10, 0.20, 0.10}, within(1e-12));
  }

  @Test
  void monthlyReturnsAreKeyedByYearTimesTwelvePlusMonthIndex() {
    NavStats.PeriodReturns m = NavStats.monthly(DAYS, NAV);
    assertThat(m.keys())
        .containsExactly(2020 * 12 + 11, 2021 * 12, 2021 * 12 + 5, 2021 * 12 + 11, 2022 * 12);
    // Dec 2020 110/100; Jan 2021 99/110; Jun 121/99; Dec 132/121; Jan 2022 145.2/132
    assertThat(m.returns())
        .containsExactly(
            new double[] {0.1, -0.1, 121.0 / 99 - 1, 132.0 / 121 - 1, 0.1}, within(1e-12));
  }

  static final int[] D = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  static final double[] PATH = {100, 120, 90, 110, 130, 117, 104, 140, 126};

  @Test
  void drawdownPeriodsRunFromPeakThroughTroughToRecoveryDeepestFirst() {
    List<NavStats.Drawdown> all = NavStats.deepest(D, PATH, 5);
    assertThat(all).hasSize(3);
    // 120 -> 90 (-25%), back to 130 >= 120 on day 4
    assertThat(all.get(0)).isEqualTo(new NavStats.Drawdown(1, 2, 4, 90.0 / 120 - 1, 3));
    // 130 -> 104 (-20%), back on day 7
    assertThat(all.get(1)).isEqualTo(new NavStats.Drawdown(4, 6, 7, 104.0 / 130 - 1, 3));
    // 140 -> 126 (-10%), not recovered: length to the last day
    assertThat(all.get(2))
        .isEqualTo(new NavStats.Drawdown(7, 8, Integer.MIN_VALUE, 126.0 / 140 - 1, 1));
    assertThat(all.get(2).recovered()).isFalse();
    assertThat(NavStats.deepest(D, PATH, 2)).containsExactly(all.get(0), all.get(1));
  }

  @Test
  void aPathThatNeverFallsHasNoDrawdownPeriodAndStaysAtZeroUnderwater() {
    assertThat(NavStats.deepest(new int[] {0, 1, 2}, new double[] {1, 1, 2}, 5)).isEmpty();
    assertThat(NavStats.underwater(new double[] {1, 1, 2})).containsExactly(0, 0, 0);
  }

  @Test
  void underwaterIsNavOverRunningMaxMinusOne() {
    assertThat(NavStats.underwater(PATH))
        .containsExactly(
            new double[] {0, 0, -0.25, 110.0 / 120 - 1, 0, -0.1, -0.2, 0, -0.1}, within(1e-12));
  }

  @Test
  void rollingVolatilityAndSharpeUseTheLastWindowOfReturnsWithSampleStd() {
    double[] nav = {100, 101, 99, 102, 103, 101.5};
    double rf = 0.02;
    double[][] rolling = NavStats.rolling(nav, 3, rf);
    assertThat(rolling[0][0]).isNaN();
    assertThat(rolling[0][2]).isNaN();
    double rfp = Math.pow(1.02, 1.0 / 252) - 1;
    for (int t = 3; t < nav.length; t++) {
      // two-pass over the window's returns, independent of the running sums
      double[] r = new double[3];
      double mean = 0;
      for (int k = 0; k < 3; k++) {
        r[k] = nav[t - 2 + k] / nav[t - 3 + k] - 1;
        mean += r[k] / 3;
      }
      double ss = 0;
      for (double x : r) {
        ss += (x - mean) * (x - mean);
      }
      double s = Math.sqrt(ss / 2);
      assertThat(rolling[0][t]).isCloseTo(s * Math.sqrt(252), within(1e-12));
      assertThat(rolling[1][t]).isCloseTo((mean - rfp) / s * Math.sqrt(252), within(1e-9));
    }
  }
}
