package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Every metric on a five-return series, against values worked out by hand.
 *
 * <p>r = [0.10, −0.05, 0.02, −0.10, 0.05], turnover τ = [0.5, 0, 0.1, 0.2, 0.2], P = 252. Start
 * (V_0) on epoch day 19723 (2024-01-01); the returns on days 19724, 19725, 19728, 19729, 19730, so
 * calendar days = 19730 − 19723 = 7.
 */
class MetricsAccumulatorTest {
  static final Offset<Double> EXACT = within(1e-12);
  static final long START = 19723;
  static final long[] DAYS = {19724, 19725, 19728, 19729, 19730};
  static final double[] RETURNS = {0.10, -0.05, 0.02, -0.10, 0.05};
  static final double[] TURNOVER = {0.5, 0.0, 0.1, 0.2, 0.2};

  static PerformanceMetrics run(double riskFreeAnnual) {
    MetricsAccumulator acc = new MetricsAccumulator(8, 252, riskFreeAnnual);
    acc.start(START);
    for (int t = 0; t < RETURNS.length; t++) {
      acc.add(DAYS[t], RETURNS[t], TURNOVER[t]);
    }
    return acc.snapshot();
  }

  // Hand arithmetic shared by several tests:
  // mean = (0.10 − 0.05 + 0.02 − 0.10 + 0.05)/5 = 0.02/5 = 0.004
  // deviations d = [0.096, −0.054, 0.016, −0.104, 0.046]
  // m2 = Σd² = 0.009216 + 0.002916 + 0.000256 + 0.010816 + 0.002116 = 0.02532
  // m3 = Σd³ = 0.000884736 − 0.000157464 + 0.000004096 − 0.001124864 + 0.000097336 = −0.00029616
  // m4 = Σd⁴ = 0.000084934656 + 0.000008503056 + 0.000000065536 + 0.000116985856
  //          + 0.000004477456 = 0.00021496656
  static final double MEAN = 0.004;
  static final double M2 = 0.02532;
  static final double M3 = -0.00029616;
  static final double M4 = 0.00021496656;

  @Test
  void indexBasedReturnsCompoundTheReturns() {
    PerformanceMetrics m = run(0.0);
    // I = 1.10 · 0.95 · 1.02 · 0.90 · 1.05: 1.10 → 1.045 → 1.0659 → 0.95931 → 1.0072755
    assertThat(m.periods()).isEqualTo(5);
    assertThat(m.totalReturn()).isCloseTo(0.0072755, EXACT);
    // CAGR = I_n^(365.25/7) − 1
    assertThat(m.cagr()).isCloseTo(Math.pow(1.0072755, 365.25 / 7) - 1, EXACT);
  }

  @Test
  void volatilitySharpeAndSortinoFollowTheirFormulasWithZeroRiskFree() {
    PerformanceMetrics m = run(0.0);
    // std = sqrt(m2/(n−1)) = sqrt(0.02532/4) = sqrt(0.00633)
    double std = Math.sqrt(0.00633);
    assertThat(m.volatility()).isCloseTo(std * Math.sqrt(252), EXACT);
    assertThat(m.sharpe()).isCloseTo(0.004 / std * Math.sqrt(252), EXACT);
    // downside squares: only −0.05 and −0.10 → (0.0025 + 0.01)/5 = 0.0025, sqrt = 0.05
    // sortino = 0.004·252 / (0.05·√252) = 0.08·√252
    assertThat(m.sortino()).isCloseTo(0.08 * Math.sqrt(252), EXACT);
  }

  @Test
  void riskFreeRateIsConvertedPerPeriodAndSubtracted() {
    PerformanceMetrics m = run(0.02);
    double rfp = Math.pow(1.02, 1.0 / 252) - 1; // ≈ 7.858e-5 per day
    double std = Math.sqrt(0.00633); // std(r − c) = std(r)
    assertThat(m.sharpe()).isCloseTo((0.004 - rfp) / std * Math.sqrt(252), EXACT);
    // downside of r − rfp: (−0.05 − rfp)² + (−0.10 − rfp)², all others stay ≥ 0
    double downside =
        Math.sqrt(((0.05 + rfp) * (0.05 + rfp) + (0.10 + rfp) * (0.10 + rfp)) / 5) * Math.sqrt(252);
    assertThat(m.sortino()).isCloseTo((0.004 - rfp) * 252 / downside, EXACT);
    // the risk-free rate changes nothing else
    assertThat(m.volatility()).isEqualTo(run(0.0).volatility());
  }

  @Test
  void drawdownIsMeasuredFromThePeakOfTheIndexAndStaysOpen() {
    PerformanceMetrics m = run(0.0);
    // peak 1.10 at bar 1 (day 19724); trough I_4 = 0.95931:
    // 0.95931/1.10 − 1 = 0.8721 − 1 = −0.1279
    // I_5 = 1.0072755 < 1.10: never recovered → bars = 5 − 1 = 4, days = 19730 − 19724 = 6
    assertThat(m.maxDrawdown()).isCloseTo(-0.1279, EXACT);
    assertThat(m.maxDrawdownBars()).isEqualTo(4);
    assertThat(m.maxDrawdownDays()).isEqualTo(6);
    assertThat(m.calmar()).isCloseTo((Math.pow(1.0072755, 365.25 / 7) - 1) / 0.1279, EXACT);
  }

  @Test
  void winRateProfitFactorAndTurnoverCountPeriods() {
    PerformanceMetrics m = run(0.0);
    // 3 of 5 positive; gains 0.10 + 0.02 + 0.05 = 0.17, losses 0.05 + 0.10 = 0.15
    assertThat(m.winRate()).isCloseTo(0.6, EXACT);
    assertThat(m.profitFactor()).isCloseTo(0.17 / 0.15, EXACT);
    // mean τ = (0.5 + 0 + 0.1 + 0.2 + 0.2)/5 = 0.2, × 252 = 50.4
    assertThat(m.turnover()).isCloseTo(50.4, EXACT);
  }

  @Test
  void skewAndKurtosisMatchPandasFormulas() {
    PerformanceMetrics m = run(0.0);
    // skew = n·√(n−1)/(n−2) · m3/m2^1.5 = 5·2/3 · (−0.00029616)/0.02532^1.5 ≈ −0.245025
    assertThat(m.skew()).isCloseTo(10.0 / 3.0 * M3 / Math.pow(M2, 1.5), EXACT);
    // kurt = n(n+1)(n−1)·m4/((n−2)(n−3)·m2²) − 3(n−1)²/((n−2)(n−3))
    //      = 120·m4/(6·m2²) − 48/6 = 20·0.00021496656/0.02532² − 8 ≈ −1.293846
    assertThat(m.kurtosis()).isCloseTo(20 * M4 / (M2 * M2) - 8, EXACT);
    assertThat(m.skew()).isCloseTo(-0.24502454684456, within(1e-12));
    assertThat(m.kurtosis()).isCloseTo(-1.29384634966271, within(1e-12));
  }

  @Test
  void valueAtRiskInterpolatesLinearlyAndCvarAveragesTheTail() {
    PerformanceMetrics m = run(0.0);
    // sorted: [−0.10, −0.05, 0.02, 0.05, 0.10]; h = (5−1)·0.05 = 0.2, j = 0, g = 0.2
    // VaR = −0.10 + 0.2·(−0.05 − (−0.10)) = −0.10 + 0.01 = −0.09
    assertThat(m.valueAtRisk95()).isCloseTo(-0.09, EXACT);
    // CVaR = mean of the j + 1 = 1 smallest = −0.10
    assertThat(m.conditionalValueAtRisk95()).isCloseTo(-0.10, EXACT);
  }

  @Test
  void bestWorstAndMeanArePerPeriod() {
    PerformanceMetrics m = run(0.0);
    assertThat(m.bestPeriod()).isEqualTo(0.10);
    assertThat(m.worstPeriod()).isEqualTo(-0.10);
    assertThat(m.meanReturn()).isCloseTo(MEAN, EXACT);
  }

  @Test
  void cvarAveragesSeveralReturnsOnceTheSeriesIsLongEnough() {
    // 41 returns on days d = 1..41, r_d = −0.001·d: each is smaller than all before it, so the
    // bounded heap keeps evicting. Smallest: −0.041, −0.040, −0.039, …
    // h = (41−1)·0.05 = 2.0 → j = 2, g = 0 → VaR = third smallest = −0.039
    // CVaR = mean of the j + 1 = 3 smallest = (−0.041 − 0.040 − 0.039)/3 = −0.040
    MetricsAccumulator acc = new MetricsAccumulator(41, 252, 0.0);
    acc.start(0);
    for (int d = 1; d <= 41; d++) {
      acc.add(d, -0.001 * d, 0);
    }
    PerformanceMetrics m = acc.snapshot();
    assertThat(m.valueAtRisk95()).isCloseTo(-0.039, EXACT);
    assertThat(m.conditionalValueAtRisk95()).isCloseTo(-0.040, EXACT);
  }
}
