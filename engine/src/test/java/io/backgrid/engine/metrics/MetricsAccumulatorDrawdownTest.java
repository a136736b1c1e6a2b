package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Max drawdown depth and the duration of the worst episode. The returns are chosen so that every
 * index value is a dyadic fraction, exact in binary: the depths compare with {@code isEqualTo}.
 */
class MetricsAccumulatorDrawdownTest {

  static PerformanceMetrics run(long start, long[] days, double[] returns) {
    MetricsAccumulator acc = new MetricsAccumulator(days.length, 252, 0.0);
    acc.start(start);
    for (int t = 0; t < days.length; t++) {
      acc.add(days[t], returns[t], 0.0);
    }
    return acc.snapshot();
  }

  @Test
  void aWorseSecondEpisodeThatNeverRecoversRunsToTheLastBar() {
    // bar: 0    1    2     3     4      5
    // day: 100  101  102   105   106    110
    // I:   1 →  2 →  1.5 → 2.25 → 1.125 → 1.6875   (r = 1, −0.25, 0.5, −0.5, 0.5)
    // episode 1: peak bar 1 (2.0), trough 1.5 → −0.25, regained at bar 3 (2.25 ≥ 2)
    // episode 2: peak bar 3 (2.25), trough 1.125 → 1.125/2.25 − 1 = −0.5, 1.6875 < 2.25: open
    // worst = episode 2: bars = n − peak bar = 5 − 3 = 2, days = 110 − 105 = 5
    PerformanceMetrics m =
        run(100, new long[] {101, 102, 105, 106, 110}, new double[] {1.0, -0.25, 0.5, -0.5, 0.5});
    assertThat(m.maxDrawdown()).isEqualTo(-0.5);
    assertThat(m.maxDrawdownBars()).isEqualTo(2);
    assertThat(m.maxDrawdownDays()).isEqualTo(5);
  }

  @Test
  void aRecoveredWorstEpisodeEndsAtTheFirstBarThatRegainsItsPeak() {
    // bar: 0    1    2     3     4     5
    // day: 100  101  103   104   108   109
    // I:   1 →  2 →  1 →   1.5 → 3 →   2.25   (r = 1, −0.5, 0.5, 1, −0.25)
    // episode 1: peak bar 1 (2), trough 1 → −0.5, regained at bar 4 (3 ≥ 2)
    // episode 2: peak bar 4 (3), 2.25/3 − 1 = −0.25 (shallower, open) → does not replace it
    // worst = episode 1: bars = 4 − 1 = 3, days = 108 − 101 = 7
    PerformanceMetrics m =
        run(100, new long[] {101, 103, 104, 108, 109}, new double[] {1.0, -0.5, 0.5, 1.0, -0.25});
    assertThat(m.maxDrawdown()).isEqualTo(-0.5);
    assertThat(m.maxDrawdownBars()).isEqualTo(3);
    assertThat(m.maxDrawdownDays()).isEqualTo(7);
  }

  @Test
  void aDrawdownFromTheStartIsMeasuredFromBarZeroAndEqualityRegainsThePeak() {
    // I: 1 (day 10) → 0.5 (day 11) → 1.0 (day 15): peak is bar 0 at the start, depth −0.5,
    // I_2 = 1.0 = peak regains it → bars = 2 − 0 = 2, days = 15 − 10 = 5
    PerformanceMetrics m = run(10, new long[] {11, 15}, new double[] {-0.5, 1.0});
    assertThat(m.maxDrawdown()).isEqualTo(-0.5);
    assertThat(m.maxDrawdownBars()).isEqualTo(2);
    assertThat(m.maxDrawdownDays()).isEqualTo(5);
  }

  @Test
  void ofTwoEpisodesOfEqualDepthTheFirstCounts() {
    // I: 1 → 0.5 (bar 1) → 1 (bar 2, regained) → 0.5 (bar 3) → 0.75 (bar 4)
    // both depths −0.5; the first (peak bar 0, regained bar 2) counts: 2 bars, days 3 − 0 = 3
    PerformanceMetrics m = run(0, new long[] {1, 3, 4, 9}, new double[] {-0.5, 1.0, -0.5, 0.5});
    assertThat(m.maxDrawdown()).isEqualTo(-0.5);
    assertThat(m.maxDrawdownBars()).isEqualTo(2);
    assertThat(m.maxDrawdownDays()).isEqualTo(3);
  }

  @Test
  void capitalFlowsDoNotMatterBecauseOnlyReturnsAreSeen() {
    // NAV 100 → 110; the allocator moves 1000 in; NAV 1221 → 1343.1. Flow-adjusted returns:
    // 110/100 − 1 = 0.10, 1221/(110 + 1000) − 1 = 0.10, 1343.1/1221 − 1 = 0.10. The tenfold NAV
    // jump is neither a peak nor a gain, so there is no drawdown at all.
    PerformanceMetrics m = run(0, new long[] {1, 2, 3}, new double[] {0.10, 0.10, 0.10});
    assertThat(m.maxDrawdown()).isEqualTo(0.0);
    assertThat(m.maxDrawdownBars()).isZero();
    assertThat(m.maxDrawdownDays()).isZero();
    assertThat(m.calmar()).isNaN();
  }

  @Test
  void aTotalLossIsADrawdownOfMinusOne() {
    // I: 1 → 1.5 → 0 → 0: depth 0/1.5 − 1 = −1, never recovered: bars 3 − 1 = 2, days 7 − 1 = 6
    PerformanceMetrics m = run(0, new long[] {1, 2, 7}, new double[] {0.5, -1.0, 0.25});
    assertThat(m.maxDrawdown()).isEqualTo(-1.0);
    assertThat(m.totalReturn()).isEqualTo(-1.0);
    assertThat(m.cagr()).isEqualTo(-1.0);
    assertThat(m.maxDrawdownBars()).isEqualTo(2);
    assertThat(m.maxDrawdownDays()).isEqualTo(6);
  }
}
