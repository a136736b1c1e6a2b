package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** Benchmark-relative figures against commons-math3's OLS and correlation and direct formulas. */
class BenchmarkRelativeTest {
  static final int P = 252;
  static final double RF = Math.pow(1.03, 1.0 / P) - 1;

  @Test
  void matchesCommonsMathRegressionAndDirectFormulas() {
    SplittableRandom random = new SplittableRandom(41);
    int n = 1_500;
    double[] benchmark = Returns.normal(random, n, 0.0004, 0.011);
    double[] portfolio = new double[n];
    for (int t = 0; t < n; t++) {
      portfolio[t] = 0.0002 + 0.7 * benchmark[t] + 0.006 * Returns.gaussian(random);
    }
    SimpleRegression ols = new SimpleRegression();
    double[] active = new double[n];
    double upP = 1;
    double upB = 1;
    int ups = 0;
    double downP = 1;
    double downB = 1;
    int downs = 0;
    for (int t = 0; t < n; t++) {
      ols.addData(benchmark[t] - RF, portfolio[t] - RF);
      active[t] = portfolio[t] - benchmark[t];
      if (benchmark[t] > 0) {
        upP *= 1 + portfolio[t];
        upB *= 1 + benchmark[t];
        ups++;
      } else if (benchmark[t] < 0) {
        downP *= 1 + portfolio[t];
        downB *= 1 + benchmark[t];
        downs++;
      }
    }
    double te = new StandardDeviation(true).evaluate(active) * Math.sqrt(P);
    // empyrical: annual_return(x) = prod(1 + x)^(P / k) − 1 over the k periods of the state
    double up = (Math.pow(upP, (double) P / ups) - 1) / (Math.pow(upB, (double) P / ups) - 1);
    double down =
        (Math.pow(downP, (double) P / downs) - 1) / (Math.pow(downB, (double) P / downs) - 1);

    BenchmarkRelative relative = BenchmarkRelativeAccumulator.of(portfolio, benchmark, P, RF);

    assertThat(relative.periods()).isEqualTo(n);
    assertThat(relative.beta()).isCloseTo(ols.getSlope(), within(1e-12));
    assertThat(relative.alpha()).isCloseTo(ols.getIntercept() * P, within(1e-12));
    assertThat(relative.correlation())
        .isCloseTo(new PearsonsCorrelation().correlation(portfolio, benchmark), within(1e-12));
    assertThat(relative.trackingError()).isCloseTo(te, within(1e-12));
    assertThat(relative.informationRatio())
        .isCloseTo(new Mean().evaluate(active) * P / te, within(1e-10));
    assertThat(relative.upCapture()).isCloseTo(up, within(1e-10));
    assertThat(relative.downCapture()).isCloseTo(down, within(1e-10));
    assertThat(relative.beta()).as("the construction's beta").isCloseTo(0.7, within(0.05));
  }

  @Test
  void theBenchmarkAgainstItselfHasBetaOneAndNoActiveRisk() {
    double[] b = Returns.normal(new SplittableRandom(42), 300, 0.0003, 0.01);
    BenchmarkRelative self = BenchmarkRelativeAccumulator.of(b, b, P, RF);
    assertThat(self.beta()).isCloseTo(1.0, within(1e-14));
    assertThat(self.alpha()).isCloseTo(0.0, within(1e-14));
    assertThat(self.correlation()).isEqualTo(1.0);
    assertThat(self.trackingError()).isZero();
    assertThat(self.informationRatio()).isNaN();
    assertThat(self.upCapture()).isCloseTo(1.0, within(1e-14));
    assertThat(self.downCapture()).isCloseTo(1.0, within(1e-14));
  }

  @Test
  void undefinedFiguresAreNaNAndBadInputIsRejected() {
    BenchmarkRelative flat =
        BenchmarkRelativeAccumulator.of(
            new double[] {0.01, -0.02, 0.03}, new double[] {0.0, 0.0, 0.0}, P, 0);
    assertThat(flat.beta()).isNaN();
    assertThat(flat.alpha()).isNaN();
    assertThat(flat.correlation()).isNaN();
    assertThat(flat.upCapture()).isNaN();
    assertThat(flat.downCapture()).isNaN();
    assertThat(flat.trackingError()).isPositive();
    assertThatThrownBy(() -> BenchmarkRelativeAccumulator.of(new double[2], new double[3], P, 0))
        .hasMessage(
            "Invalid series: 2 portfolio returns and 3 benchmark returns (must be aligned,"
                + " equal lengths)");
    assertThatThrownBy(() -> new BenchmarkRelativeAccumulator(P, 0).add(Double.NaN, 0))
        .hasMessage(
            "Invalid returns at period #1: portfolio NaN, benchmark 0.0 (must be finite and"
                + " >= -1)");
  }
}
