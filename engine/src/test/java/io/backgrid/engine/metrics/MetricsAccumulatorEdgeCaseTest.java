package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MetricsAccumulatorEdgeCaseTest {

  static PerformanceMetrics constant(double r, int n) {
    MetricsAccumulator acc = new MetricsAccumulator(n, 252, 0.0);
    acc.start(0);
    for (int d = 1; d <= n; d++) {
      acc.add(d, r, 0.0);
    }
    return acc.snapshot();
  }

  @Test
  void anEmptySeriesIsAllNaNWithZeroPeriodsAndDurations() {
    MetricsAccumulator acc = new MetricsAccumulator(10, 252, 0.0);
    acc.start(19723);
    PerformanceMetrics m = acc.snapshot();
    double nan = Double.NaN;
    assertThat(m)
        .isEqualTo(
            new PerformanceMetrics(
                0, nan, nan, nan, nan, nan, nan, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                nan, nan));
    assertThat(new MetricsAccumulator(0, 252, 0.0).snapshot()).isEqualTo(m);
  }

  @Test
  void aSingleReturnHasNoDispersionMetrics() {
    MetricsAccumulator acc = new MetricsAccumulator(1, 252, 0.0);
    acc.start(100);
    acc.add(101, 0.05, 0.1);
    PerformanceMetrics m = acc.snapshot();
    assertThat(m.periods()).isEqualTo(1);
    assertThat(m.totalReturn()).isCloseTo(0.05, within(1e-15)); // (1 · 1.05) − 1 in doubles
    // 1.05^(365.25/1) − 1
    assertThat(m.cagr()).isEqualTo(Math.pow(1.05, 365.25) - 1);
    assertThat(m.volatility()).isNaN();
    assertThat(m.sharpe()).isNaN();
    assertThat(m.sortino()).isNaN(); // empyrical: fewer than 2 returns
    assertThat(m.skew()).isNaN();
    assertThat(m.kurtosis()).isNaN();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.calmar()).isNaN();
    assertThat(m.winRate()).isEqualTo(1.0);
    assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.turnover()).isCloseTo(0.1 * 252, within(1e-12)); // 25.2
    assertThat(m.valueAtRisk95()).isEqualTo(0.05);
    assertThat(m.conditionalValueAtRisk95()).isEqualTo(0.05);
    assertThat(m.bestPeriod()).isEqualTo(0.05);
    assertThat(m.worstPeriod()).isEqualTo(0.05);
    assertThat(m.meanReturn()).isEqualTo(0.05);
  }

  @Test
  void constantPositiveReturnsHaveZeroVolatilityAndUndefinedRatios() {
    PerformanceMetrics m = constant(0.01, 5);
    assertThat(m.volatility()).isZero();
    assertThat(m.sharpe()).isNaN();
    assertThat(m.skew()).isNaN();
    assertThat(m.kurtosis()).isNaN();
    // no return below rf_p = 0 and mean 0.01 > 0: empyrical's 0.01·252 / 0 = +inf
    assertThat(m.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.winRate()).isEqualTo(1.0);
    assertThat(m.valueAtRisk95()).isEqualTo(0.01);
  }

  @Test
  void allPositiveButVaryingReturnsKeepAFiniteSharpeAndAnInfiniteSortino() {
    MetricsAccumulator acc = new MetricsAccumulator(3, 252, 0.0);
    acc.start(0);
    acc.add(1, 0.01, 0);
    acc.add(2, 0.03, 0);
    acc.add(3, 0.02, 0);
    PerformanceMetrics m = acc.snapshot();
    // mean 0.02, std = sqrt((0.0001 + 0.0001 + 0)/2) = 0.01 → sharpe = 0.02/0.01·√252 = 2√252
    assertThat(m.sharpe()).isCloseTo(2 * Math.sqrt(252), within(1e-12));
    assertThat(m.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void allZeroReturnsHaveUndefinedProfitFactorAndSortino() {
    PerformanceMetrics m = constant(0.0, 4);
    assertThat(m.profitFactor()).isNaN(); // 0 / 0
    assertThat(m.sortino()).isNaN(); // 0·252 / 0
    assertThat(m.winRate()).isZero();
    assertThat(m.totalReturn()).isZero();
  }

  @Test
  void constantLossesHaveAFiniteNegativeSortinoAndZeroProfitFactor() {
    PerformanceMetrics m = constant(-0.01, 4);
    // downside = sqrt(0.0001)·√252 = 0.01·√252 → sortino = −0.01·252/(0.01·√252) = −√252
    assertThat(m.sortino()).isCloseTo(-Math.sqrt(252), within(1e-12));
    assertThat(m.profitFactor()).isZero();
  }

  @Test
  void addingBeyondCapacityIsRefusedWithTheCapacityInTheMessage() {
    MetricsAccumulator acc = new MetricsAccumulator(2, 252, 0.0);
    acc.start(0);
    acc.add(1, 0.01, 0);
    acc.add(2, 0.01, 0);
    assertThatThrownBy(() -> acc.add(3, 0.01, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot add return #3 at epoch day 3: capacity 2 exceeded"
                + " (construct the accumulator with a larger capacity)");
  }

  @Test
  void resetForgetsEverySeriesBeforeIt() {
    SplittableRandom random = new SplittableRandom(7);
    MetricsAccumulator reused = new MetricsAccumulator(500, 252, 0.02);
    reused.start(1000);
    for (int d = 1; d <= 400; d++) {
      reused.add(1000 + d, random.nextDouble(-0.5, 0.5), random.nextDouble()); // a wild series A
    }
    reused.reset();
    MetricsAccumulator fresh = new MetricsAccumulator(500, 252, 0.02);
    reused.start(5);
    fresh.start(5);
    for (int d = 1; d <= 120; d++) {
      double r = random.nextDouble(-0.02, 0.021);
      double turnover = random.nextDouble(0.0, 0.05);
      reused.add(5 + 2 * d, r, turnover);
      fresh.add(5 + 2 * d, r, turnover);
    }
    assertThat(reused.snapshot()).isEqualTo(fresh.snapshot());
    assertThat(reused.snapshot()).isEqualTo(reused.snapshot()); // snapshot changes nothing
  }

  @Test
  void misuseIsRefusedWithMessagesNamingTheValueAndTheRule() {
    MetricsAccumulator acc = new MetricsAccumulator(5, 252, 0.0);
    assertThatThrownBy(() -> acc.add(1, 0.01, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot add return #1: start(epochDay) not called");
    acc.start(10);
    assertThatThrownBy(() -> acc.start(11))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot start at epoch day 11: already started at epoch day 10 (call reset() first)");
    assertThatThrownBy(() -> acc.add(10, 0.01, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid epoch day 10 for return #1 (must be after the previous date 10)");
    assertThatThrownBy(() -> acc.add(11, Double.NaN, 0))
        .hasMessage(
            "Invalid return NaN at epoch day 11 (return #1; must be finite and >= -1;"
                + " skip bars without a return)");
    assertThatThrownBy(() -> acc.add(11, -1.5, 0))
        .hasMessageStartingWith("Invalid return -1.5 at epoch day 11");
    assertThatThrownBy(() -> acc.add(11, 0.01, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid turnover Infinity at epoch day 11 (return #1; must be finite and >= 0)");
    assertThat(acc.periods()).isZero(); // nothing refused was counted
  }

  @Test
  void badConstructionIsRefusedWithTheArgumentAndValue() {
    assertThatThrownBy(() -> new MetricsAccumulator(-1, 252, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid capacity: -1 (must be >= 0)");
    assertThatThrownBy(() -> new MetricsAccumulator(10, 0, 0.0))
        .hasMessage("Invalid periodsPerYear: 0 (must be >= 1)");
    assertThatThrownBy(() -> new MetricsAccumulator(10, 252, -1.0))
        .hasMessage("Invalid riskFreeAnnual: -1.0 (must be finite and > -1)");
  }

  @Test
  void addAllocatesNothingPerObservation() {
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "per-thread allocation counters need a HotSpot-compatible JVM");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int n = 200_000;
    MetricsAccumulator acc = new MetricsAccumulator(n, 252, 0.01);
    double[] returns = new double[n];
    SplittableRandom random = new SplittableRandom(11);
    for (int t = 0; t < n; t++) {
      returns[t] = random.nextDouble(-0.03, 0.03);
    }
    acc.start(0);
    long before = threads.getThreadAllocatedBytes(thread);
    for (int t = 0; t < n; t++) {
      acc.add(t + 1, returns[t], 0.01);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // one object per add would be ≥ 16 bytes × 200,000 = 3.2 MB; allow a few KB of JVM noise
    assertThat(allocated).isLessThan(16_384);
  }
}
