package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

/**
 * The one-pass results against independent oracles on long, fat-tailed, seeded series.
 *
 * <p>commons-math3's {@link Skewness} is n/((n−1)(n−2))·Σ((x − x̄)/s)³ with s the sample std;
 * substituting s² = m2/(n−1) gives n·√(n−1)/(n−2)·m3/m2^1.5, pandas's {@code Series.skew()}. Its
 * {@link Kurtosis} is n(n+1)/((n−1)(n−2)(n−3))·Σ((x − x̄)/s)⁴ − 3(n−1)²/((n−2)(n−3)); substituting
 * s⁴ = m2²/(n−1)² gives n(n+1)(n−1)·m4/((n−2)(n−3)·m2²) − 3(n−1)²/((n−2)(n−3)), pandas's {@code
 * Series.kurt()}. So both are valid oracles for the pandas definitions. Percentile type R_7 is
 * numpy's default linear interpolation.
 */
class MetricsAccumulatorOracleTest {
  static final int N = 2_500;
  static final int P = 252;
  static final double RF = 0.03;

  /** Student-t with 3 degrees of freedom scaled to ~1% daily, plus a small drift: fat tails. */
  static double[] fatTailedReturns(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      double z = gaussian(random);
      double chi2 = 0;
      for (int k = 0; k < 3; k++) {
        double g = gaussian(random);
        chi2 += g * g;
      }
      r[t] = Math.max(-0.9, 0.0004 + 0.006 * z / Math.sqrt(chi2 / 3));
    }
    return r;
  }

  static double gaussian(SplittableRandom random) {
    // Box–Muller; 1 − u keeps the log argument in (0, 1]
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  static PerformanceMetrics accumulate(double[] r) {
    MetricsAccumulator acc = new MetricsAccumulator(r.length, P, RF);
    acc.start(0);
    for (int t = 0; t < r.length; t++) {
      acc.add(t + 1 + t / 5 * 2, r[t], 0.0); // weekdays: two extra days every five bars
    }
    return acc.snapshot();
  }

  static double relative(double expected) {
    return Math.abs(expected) * 1e-9 + 1e-15;
  }

  @Test
  void momentsMatchCommonsMath() {
    for (long seed = 1; seed <= 5; seed++) {
      double[] r = fatTailedReturns(seed, N);
      PerformanceMetrics m = accumulate(r);
      double std = new StandardDeviation(true).evaluate(r);
      double skew = new Skewness().evaluate(r);
      double kurt = new Kurtosis().evaluate(r);
      assertThat(kurt).as("the series must be fat-tailed to test anything").isGreaterThan(1.0);
      assertThat(m.meanReturn()).isCloseTo(new Mean().evaluate(r), within(1e-15));
      assertThat(m.volatility()).isCloseTo(std * Math.sqrt(P), within(relative(std)));
      assertThat(m.skew()).isCloseTo(skew, within(relative(skew)));
      assertThat(m.kurtosis()).isCloseTo(kurt, within(relative(kurt)));
    }
  }

  @Test
  void tailRiskMatchesASortedCopy() {
    for (long seed = 11; seed <= 15; seed++) {
      int n = 1_000 + (int) seed * 37; // vary (n − 1)·0.05 so the interpolation weight varies
      double[] r = fatTailedReturns(seed, n);
      PerformanceMetrics m = accumulate(r);
      double[] sorted = r.clone();
      Arrays.sort(sorted);
      double h = (n - 1) * 0.05;
      int j = (int) Math.floor(h);
      double var = sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]);
      double tailSum = 0;
      for (int i = 0; i <= j; i++) {
        tailSum += sorted[i];
      }
      double r7 = new Percentile().withEstimationType(EstimationType.R_7).evaluate(r, 5.0);
      assertThat(m.valueAtRisk95()).isCloseTo(var, within(1e-15));
      assertThat(m.valueAtRisk95()).isCloseTo(r7, within(1e-15));
      assertThat(m.conditionalValueAtRisk95()).isCloseTo(tailSum / (j + 1), within(1e-15));
      assertThat(m.worstPeriod()).isEqualTo(sorted[0]);
      assertThat(m.bestPeriod()).isEqualTo(sorted[n - 1]);
    }
  }

  @Test
  void ratiosAndDrawdownMatchAPlainTwoPassComputation() {
    double[] r = fatTailedReturns(42, N);
    PerformanceMetrics m = accumulate(r);
    double rfp = Math.pow(1 + RF, 1.0 / P) - 1;
    double mean = 0;
    for (double x : r) {
      mean += (x - rfp) / N;
    }
    double ss = 0;
    double downside = 0;
    double gains = 0;
    double losses = 0;
    int wins = 0;
    for (double x : r) {
      double e = x - rfp;
      ss += (e - mean) * (e - mean);
      downside += Math.min(e, 0) * Math.min(e, 0);
      gains += Math.max(x, 0);
      losses += Math.min(x, 0);
      wins += x > 0 ? 1 : 0;
    }
    double sharpe = mean / Math.sqrt(ss / (N - 1)) * Math.sqrt(P);
    double sortino = mean * P / (Math.sqrt(downside / N) * Math.sqrt(P));
    assertThat(m.sharpe()).isCloseTo(sharpe, within(relative(sharpe)));
    assertThat(m.sortino()).isCloseTo(sortino, within(relative(sortino)));
    assertThat(m.profitFactor()).isCloseTo(gains / -losses, within(1e-12));
    assertThat(m.winRate()).isEqualTo((double) wins / N);

    // drawdown by brute force: for every t the max of I over s ≤ t, recomputed from scratch
    double[] index = new double[N + 1];
    index[0] = 1;
    for (int t = 1; t <= N; t++) {
      index[t] = index[t - 1] * (1 + r[t - 1]);
    }
    double worst = 0;
    for (int t = 1; t <= N; t++) {
      double peak = 0;
      for (int s = 0; s <= t; s++) {
        peak = Math.max(peak, index[s]);
      }
      worst = Math.min(worst, index[t] / peak - 1);
    }
    assertThat(m.maxDrawdown()).isEqualTo(worst);
    assertThat(m.totalReturn()).isEqualTo(index[N] - 1);
    long days = N + (N - 1) / 5 * 2; // the last bar's date, start at 0
    assertThat(m.cagr()).isCloseTo(Math.pow(index[N], 365.25 / days) - 1, within(1e-12));
  }
}
