package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunFiguresTest {

  @Test
  void eulerContributionsAreTheFullCovarianceSumsBitForBit() {
    // Each covariance sum is formed once for both (i, j) and (j, i); the contributions must be the
    // doubles of the full n × n double loop, gaps (NaN, read as 0) included.
    SplittableRandom random = new SplittableRandom(23);
    for (int trial = 0; trial < 300; trial++) {
      int n = random.nextInt(0, 7);
      int bars = random.nextInt(0, 200);
      double[][] returns = new double[n][bars];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = random.nextDouble();
        for (int t = 0; t < bars; t++) {
          returns[i][t] =
              t == 0 || random.nextDouble() < 0.1 ? Double.NaN : random.nextDouble(-0.05, 0.05);
        }
      }
      double[] expected = fullLoop(w, returns);
      double[] actual = RunFigures.eulerContributions(w, returns);
      assertThat(actual).hasSize(n);
      for (int i = 0; i < n; i++) {
        assertThat(Double.doubleToRawLongBits(actual[i]))
            .as("trial %d, sleeve %d", trial, i)
            .isEqualTo(Double.doubleToRawLongBits(expected[i]));
      }
    }
  }

  /** w_i (Σw)_i / w'Σw with Σ_ij summed for every (i, j), the definition as written. */
  private static double[] fullLoop(double[] w, double[][] returns) {
    int n = w.length;
    int bars = n == 0 ? 0 : returns[0].length;
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      for (int t = 1; t < bars; t++) {
        mean[i] += zeroIfNaN(returns[i][t]);
      }
      mean[i] /= Math.max(1, bars - 1);
    }
    double[] sigmaW = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double c = 0;
        for (int t = 1; t < bars; t++) {
          c += (zeroIfNaN(returns[i][t]) - mean[i]) * (zeroIfNaN(returns[j][t]) - mean[j]);
        }
        sigmaW[i] += c / Math.max(1, bars - 2) * w[j];
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += w[i] * sigmaW[i];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = total > 0 ? w[i] * sigmaW[i] / total : Double.NaN;
    }
    return out;
  }

  private static double zeroIfNaN(double r) {
    return Double.isNaN(r) ? 0 : r;
  }
}
