package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.metrics.ReturnMoments;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

/**
 * Sharpe standard error, interval, PSR and DSR against the papers' formulas evaluated in the test
 * with two-pass moments and commons-math3's normal distribution, on hand and seeded series.
 */
class SharpeInferenceTest {
  static final int P = 252;
  static final double RF = 0.02;
  static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  /** The returns of a small hand series: skewed (one large loss). */
  static final double[] HAND = {
    0.010, 0.004, -0.002, 0.007, 0.012, -0.030, 0.005, 0.003, 0.009, -0.001, 0.006, 0.002
  };

  static ReturnMoments moments(double[] r) {
    MetricsAccumulator acc = new MetricsAccumulator(r.length, P, RF);
    acc.start(0);
    for (int t = 0; t < r.length; t++) {
      acc.add(t + 1, r[t], 0);
    }
    return acc.moments();
  }

  /** Population skewness and kurtosis by two passes: m_k / m2^(k/2) with m_k = mean((r − r̄)^k). */
  static double[] populationMoments(double[] r) {
    double mean = new Mean().evaluate(r);
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double x : r) {
      double d = x - mean;
      m2 += d * d / r.length;
      m3 += d * d * d / r.length;
      m4 += d * d * d * d / r.length;
    }
    return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2)};
  }

  static double riskFreePerPeriod() {
    return Math.pow(1 + RF, 1.0 / P) - 1;
  }

  @Test
  void momentsAreThePopulationSkewnessAndKurtosis() {
    double[] r = Returns.skewed(new SplittableRandom(3), 3_000);
    for (double[] series : new double[][] {HAND, r}) {
      ReturnMoments m = moments(series);
      double[] expected = populationMoments(series);
      assertThat(m.count()).isEqualTo(series.length);
      assertThat(m.mean()).isCloseTo(new Mean().evaluate(series), within(1e-16));
      assertThat(m.std()).isCloseTo(new StandardDeviation(true).evaluate(series), within(1e-15));
      assertThat(m.skewness()).isCloseTo(expected[0], within(1e-10 * Math.abs(expected[0])));
      assertThat(m.kurtosis()).isCloseTo(expected[1], within(1e-10 * expected[1]));
    }
    assertThat(populationMoments(r)[0])
        .as("the series must be skewed to test anything")
        .isLessThan(-1);
  }

  @Test
  void standardErrorIntervalAndPsrFollowMertensAndBaileyLopezDePrado() {
    double[] r = HAND;
    int t = r.length;
    double rf = riskFreePerPeriod();
    double sr = (new Mean().evaluate(r) - rf) / new StandardDeviation(true).evaluate(r);
    double[] g = populationMoments(r);
    double bracket = 1 - g[0] * sr + (g[1] - 1) / 4 * sr * sr;
    double se = Math.sqrt(bracket / t);
    double benchmark = 0.1;
    double psr =
        NORMAL.cumulativeProbability((sr - benchmark) * Math.sqrt(t - 1) / Math.sqrt(bracket));

    SharpeInference inference = SharpeInference.of(moments(r), rf, P, benchmark);

    assertThat(inference.returns()).isEqualTo(t);
    assertThat(inference.sharpe()).isCloseTo(sr, within(1e-12));
    assertThat(inference.standardError()).isCloseTo(se, within(1e-12));
    assertThat(inference.annualisedSharpe()).isCloseTo(sr * Math.sqrt(P), within(1e-10));
    assertThat(inference.annualisedStandardError()).isCloseTo(se * Math.sqrt(P), within(1e-10));
    assertThat(inference.ciLow())
        .isCloseTo((sr - 1.959963984540054 * se) * Math.sqrt(P), within(1e-10));
    assertThat(inference.ciHigh())
        .isCloseTo((sr + 1.959963984540054 * se) * Math.sqrt(P), within(1e-10));
    assertThat(inference.benchmarkSharpe()).isEqualTo(benchmark);
    assertThat(inference.psr()).isCloseTo(psr, within(1e-12));
    assertThat(psr).as("a case away from the ends").isBetween(0.2, 0.99);
  }

  @Test
  void standardErrorMatchesTheSpreadOfSharpeRatiosAcrossSimulatedSeries() {
    // The formula's meaning: over many skewed series of one process, the per-period Sharpe ratio
    // scatters with the standard deviation the formula predicts from one series.
    SplittableRandom random = new SplittableRandom(17);
    int series = 1_500;
    double[] sharpes = new double[series];
    double predicted = 0;
    for (int k = 0; k < series; k++) {
      double[] r = Returns.skewed(random, 750);
      SharpeInference inference = SharpeInference.of(moments(r), 0, P, 0);
      sharpes[k] = inference.sharpe();
      predicted += inference.standardError() / series;
    }
    double observed = Math.sqrt(new Variance(true).evaluate(sharpes));
    assertThat(predicted).isCloseTo(observed, within(0.08 * observed));
  }

  @Test
  void undefinedInputsGiveNaN() {
    SharpeInference one = SharpeInference.of(moments(new double[] {0.01}), 0, P, 0);
    assertThat(one.sharpe()).isNaN();
    assertThat(one.psr()).isNaN();
    assertThat(one.ciLow()).isNaN();
    SharpeInference flat = SharpeInference.of(moments(new double[] {0.01, 0.01, 0.01}), 0, P, 0);
    assertThat(flat.sharpe()).isNaN();
    assertThat(flat.standardError()).isNaN();
    assertThat(flat.psr()).isNaN();
    assertThatThrownBy(() -> SharpeInference.of(moments(HAND), 0, 0, 0))
        .hasMessage("Invalid periodsPerYear: 0 (must be >= 1)");
  }

  @Test
  void deflatedSharpeFollowsBaileyLopezDePrado2014() {
    SplittableRandom random = new SplittableRandom(23);
    double rf = riskFreePerPeriod();
    double[] trials = new double[250];
    for (int i = 0; i < trials.length; i++) {
      trials[i] = 0.02 * Returns.gaussian(random);
    }
    double[] best = Returns.skewed(random, 1_260);
    for (int t = 0; t < best.length; t++) {
      best[t] += 0.0008; // an edge near SR0, so that the DSR is away from 0 and 1
    }
    int n = trials.length;
    double v = new Variance(true).evaluate(trials);
    double gamma = 0.5772156649;
    double sr0 =
        Math.sqrt(v)
            * ((1 - gamma) * NORMAL.inverseCumulativeProbability(1 - 1.0 / n)
                + gamma * NORMAL.inverseCumulativeProbability(1 - 1.0 / (n * Math.E)));
    double sr = (new Mean().evaluate(best) - rf) / new StandardDeviation(true).evaluate(best);
    double[] g = populationMoments(best);
    double dsr =
        NORMAL.cumulativeProbability(
            (sr - sr0)
                * Math.sqrt(best.length - 1)
                / Math.sqrt(1 - g[0] * sr + (g[1] - 1) / 4 * sr * sr));

    DeflatedSharpe deflated = DeflatedSharpe.of(trials, moments(best), rf);

    assertThat(deflated.trials()).isEqualTo(n);
    assertThat(deflated.trialsVariance()).isCloseTo(v, within(1e-15));
    assertThat(deflated.sr0()).isCloseTo(sr0, within(1e-12));
    assertThat(deflated.bestSharpe()).isCloseTo(sr, within(1e-12));
    assertThat(deflated.dsr()).isCloseTo(dsr, within(1e-12));
    assertThat(dsr).as("a case away from the ends").isBetween(0.01, 0.99);
  }

  @Test
  void deflatedSharpeIsUndefinedForOneTrialAndRejectsNonFiniteSharpes() {
    DeflatedSharpe single = DeflatedSharpe.of(new double[] {0.05}, moments(HAND), 0);
    assertThat(single.sr0()).isNaN();
    assertThat(single.dsr()).isNaN();
    assertThatThrownBy(() -> DeflatedSharpe.of(new double[] {0.05, Double.NaN}, moments(HAND), 0))
        .hasMessage("Invalid trial Sharpe ratio at index 1: NaN (must be finite)");
  }
}
