package io.backgrid.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollingWindowTest {

  @Test
  void matchesATwoPassRecomputationAtEveryBarOfALongRandomWalk() {
    double[] prices = walkWithFlatStretches(42L, 5_000, 100.0, 0.02);
    for (int length : new int[] {2, 3, 20, 250}) {
      assertMatchesNaive(prices, length);
    }
  }

  @Test
  void staysAccurateForHighPricesWithTinyMoves() {
    // 1e6 level, 1e-5 relative moves: raw sums of squares would lose most digits here
    double[] prices = walkWithFlatStretches(7L, 5_000, 1e6, 1e-5);
    for (int length : new int[] {5, 60}) {
      assertMatchesNaive(prices, length);
    }
  }

  @Test
  void reportsExactlyZeroDeviationOnceTheWindowIsFlat() {
    RollingWindow window = new RollingWindow(3);
    for (double p : new double[] {0.1, 0.7, 0.3, 0.3, 0.3}) {
      window.push(p);
    }
    // last 3 values 0.3, 0.3, 0.3: mean exactly 0.3, s exactly 0
    assertThat(window.mean()).isEqualTo(0.3);
    assertThat(window.sampleStd()).isEqualTo(0.0);
  }

  @Test
  void computesTheSampleDeviationOfAPartialWindow() {
    RollingWindow window = new RollingWindow(5);
    window.push(2);
    assertThat(window.sampleStd()).isNaN();
    window.push(4);
    window.push(9);
    // mean 5, squares 9+1+16 = 26, s = sqrt(26/2) = 3.6056
    assertThat(window.full()).isFalse();
    assertThat(window.mean()).isEqualTo(5.0);
    assertThat(window.sampleStd()).isCloseTo(Math.sqrt(13.0), within(1e-12));
  }

  private static void assertMatchesNaive(double[] prices, int length) {
    RollingWindow window = new RollingWindow(length);
    for (int t = 0; t < prices.length; t++) {
      window.push(prices[t]);
      int k = Math.min(t + 1, length);
      double sum = 0;
      for (int j = t - k + 1; j <= t; j++) {
        sum += prices[j];
      }
      double mean = sum / k;
      double squares = 0;
      boolean flat = true;
      for (int j = t - k + 1; j <= t; j++) {
        squares += (prices[j] - mean) * (prices[j] - mean);
        flat &= prices[j] == prices[t];
      }
      assertThat(window.full()).isEqualTo(k == length);
      assertThat(window.mean())
          .as("mean L=%d t=%d", length, t)
          .isCloseTo(mean, within(1e-12 * mean));
      if (k >= 2) {
        double std = flat ? 0.0 : Math.sqrt(squares / (k - 1));
        assertThat(window.sampleStd())
            .as("std L=%d t=%d", length, t)
            .isCloseTo(std, within(1e-7 * std + 1e-12 * mean));
      }
    }
  }

  /** A random walk with a flat stretch of 1..300 bars after roughly every 400th bar. */
  static double[] walkWithFlatStretches(long seed, int bars, double start, double vol) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] p = new double[bars];
    double x = start;
    int flatLeft = 0;
    for (int t = 0; t < bars; t++) {
      if (flatLeft > 0) {
        flatLeft--;
      } else if (random.nextInt(400) == 0) {
        flatLeft = 1 + random.nextInt(300);
      } else {
        x *= Math.exp(vol * random.nextGaussian());
      }
      p[t] = x;
    }
    return p;
  }
}
