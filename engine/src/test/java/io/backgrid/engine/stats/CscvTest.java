package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * CSCV from block sums against a direct enumeration from the raw returns: every subset of S/2
 * blocks (all bitmasks, not the production's Gosper walk), the halves concatenated, Sharpe ratios
 * by commons-math3, ranks with ties averaged by its {@link NaturalRanking}, the logit by {@code
 * Math.log}, the degradation by its {@link SimpleRegression}.
 */
class CscvTest {
  /** The oracle's figures: pbo, slope, intercept, probability of loss, combinations. */
  record Oracle(double pbo, double slope, double intercept, double loss, int combinations) {}

  static Oracle enumerate(double[][] returns, int blocks) {
    int n = returns.length;
    int t = returns[0].length;
    int m = t / blocks;
    int dropped = t - blocks * m;
    NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
    SimpleRegression regression = new SimpleRegression();
    int combinations = 0;
    int overfit = 0;
    int losses = 0;
    for (int mask = 0; mask < 1 << blocks; mask++) {
      if (Integer.bitCount(mask) != blocks / 2) {
        continue;
      }
      combinations++;
      double[] inSample = new double[n];
      double[] outOfSample = new double[n];
      double[] outMeans = new double[n];
      for (int i = 0; i < n; i++) {
        double[] is = new double[blocks / 2 * m];
        double[] oos = new double[blocks / 2 * m];
        int a = 0;
        int b = 0;
        for (int k = 0; k < blocks; k++) {
          double[] target = (mask & (1 << k)) != 0 ? is : oos;
          int at = target == is ? a : b;
          System.arraycopy(returns[i], dropped + k * m, target, at, m);
          if (target == is) {
            a += m;
          } else {
            b += m;
          }
        }
        inSample[i] = sharpe(is);
        outOfSample[i] = sharpe(oos);
        outMeans[i] = new Mean().evaluate(oos);
      }
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (inSample[i] > inSample[best]) {
          best = i;
        }
      }
      double omega = ranking.rank(outOfSample)[best] / (n + 1);
      if (Math.log(omega / (1 - omega)) <= 0) {
        overfit++;
      }
      if (outMeans[best] < 0) {
        losses++;
      }
      if (Double.isFinite(inSample[best]) && Double.isFinite(outOfSample[best])) {
        regression.addData(inSample[best], outOfSample[best]);
      }
    }
    return new Oracle(
        (double) overfit / combinations,
        regression.getSlope(),
        regression.getIntercept(),
        (double) losses / combinations,
        combinations);
  }

  /** mean / sample std; −∞ (ranks lowest) when the std is 0, as Cscv documents. */
  static double sharpe(double[] r) {
    double std = new StandardDeviation(true).evaluate(r);
    return std == 0 ? Double.NEGATIVE_INFINITY : new Mean().evaluate(r) / std;
  }

  static BlockSumMatrix matrix(double[][] returns, int blocks) {
    int t = returns[0].length;
    BlockSumMatrix matrix = new BlockSumMatrix(returns.length, blocks, t / blocks);
    BlockSums sums = new BlockSums(t, blocks);
    for (int i = 0; i < returns.length; i++) {
      sums.reset();
      for (double r : returns[i]) {
        sums.add(r);
      }
      matrix.set(i, sums);
    }
    return matrix;
  }

  /** Configurations with different drifts, a duplicate (a tie) and one of zeros (no Sharpe). */
  static double[][] smallGrid(long seed, int configs, int t) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] r = new double[configs][];
    for (int i = 0; i < configs; i++) {
      r[i] = Returns.normal(random, t, 0.0004 * (i % 4) - 0.0003, 0.01);
    }
    r[3] = r[1].clone();
    r[configs - 1] = new double[t];
    return r;
  }

  static void assertAgree(double[][] returns, int blocks) {
    Oracle expected = enumerate(returns, blocks);
    ProbabilityOfOverfitting actual = Cscv.evaluate(matrix(returns, blocks));
    assertThat(actual.combinations()).isEqualTo(expected.combinations());
    assertThat(actual.trials()).isEqualTo(returns.length);
    assertThat(actual.blocks()).isEqualTo(blocks);
    assertThat(actual.pbo()).isEqualTo(expected.pbo());
    assertThat(actual.probabilityOfLoss()).isEqualTo(expected.loss());
    assertThat(actual.degradationSlope()).isCloseTo(expected.slope(), within(1e-9));
    assertThat(actual.degradationIntercept()).isCloseTo(expected.intercept(), within(1e-9));
  }

  @Test
  void matchesTheDirectEnumerationOnSmallGrids() {
    // 123 returns in 6 blocks of 20 (the first 3 dropped): 20 combinations
    assertAgree(smallGrid(11, 9, 123), 6);
    // 8 blocks of 31 (the first 2 dropped): 70 combinations
    assertAgree(smallGrid(12, 12, 250), 8);
    // 10 blocks, few configurations, many ties at −∞ for the zero series
    assertAgree(smallGrid(13, 5, 200), 10);
  }

  @Test
  void averagesTiedRanksOutOfSample() {
    // {A, A, B, C}: whenever A wins in-sample and lands between B and C out-of-sample, its tied
    // rank 2.5 gives ω = 1/2 (overfit); the lower or upper tied rank (2 or 3) would not agree.
    SplittableRandom random = new SplittableRandom(21);
    double[] a = Returns.normal(random, 400, 0.0005, 0.01);
    double[][] grid = {
      a, a.clone(), Returns.normal(random, 400, 0.0, 0.01), Returns.normal(random, 400, 0.001, 0.01)
    };
    assertAgree(grid, 8);
    Oracle oracle = enumerate(grid, 8);
    assertThat(oracle.pbo()).as("some splits must hit the tie at the median").isBetween(0.05, 0.95);
  }

  @Test
  void pboIsOneWhenTheInSampleBestIsAlwaysTheOutOfSampleWorst() {
    // S = 4 blocks; one configuration per 2-block set X, good in X and bad elsewhere. With X
    // in-sample, X's configuration wins in-sample and is alone with two bad blocks out-of-sample.
    SplittableRandom random = new SplittableRandom(5);
    int m = 50;
    double[][] grid = new double[6][];
    int i = 0;
    for (int mask = 0; mask < 16; mask++) {
      if (Integer.bitCount(mask) == 2) {
        double[] r = Returns.normal(random, 4 * m, 0, 0.001);
        for (int t = 0; t < 4 * m; t++) {
          r[t] += (mask & (1 << (t / m))) != 0 ? 0.01 : -0.01;
        }
        grid[i++] = r;
      }
    }
    ProbabilityOfOverfitting result = Cscv.evaluate(matrix(grid, 4));
    assertThat(result.pbo()).isEqualTo(enumerate(grid, 4).pbo()).isEqualTo(1.0);
    assertThat(result.probabilityOfLoss()).isEqualTo(1.0);
    assertThat(result.degradationSlope()).isLessThan(0.0);
  }

  @Test
  void countsTheCombinations() {
    assertThat(Cscv.combinations(2)).isEqualTo(2);
    assertThat(Cscv.combinations(6)).isEqualTo(20);
    assertThat(Cscv.combinations(16)).isEqualTo(12_870);
    assertThat(Cscv.nextMask(0b0111)).isEqualTo(0b1011);
    assertThat(Cscv.nextMask(0b1110)).isEqualTo(0b10011);
  }

  @Test
  void rejectsAnImpossibleBlocking() {
    assertThatThrownBy(() -> new BlockSums(100, 7))
        .hasMessage("Invalid number of blocks: 7 (must be even, in [2, 30])");
    assertThatThrownBy(() -> new BlockSums(3, 2))
        .hasMessage(
            "Invalid number of returns for 2 blocks: 3 (each half of the blocks must hold"
                + " at least 2 returns)");
    BlockSums sums = new BlockSums(4, 2);
    sums.add(0.01);
    BlockSumMatrix matrix = new BlockSumMatrix(1, 2, 2);
    assertThatThrownBy(() -> matrix.set(0, sums))
        .hasMessage(
            "Invalid block sums of configuration 0: only 1 returns added (the series is"
                + " incomplete)");
    assertThatThrownBy(() -> matrix.set(0, 1, Double.NaN, 0))
        .hasMessage(
            "Invalid block sums of configuration 0, block 1: sum=NaN, sumSquares=0.0"
                + " (must be finite, sumSquares >= 0)");
    for (int k = 0; k < 3; k++) {
      sums.add(0.01);
    }
    assertThatThrownBy(() -> sums.add(0.01))
        .hasMessage("Cannot add return #5: the blocking was made for 4 returns");
  }

  @Test
  void blockSumsDropTheOldestReturnsAndSumEachBlock() {
    BlockSums sums = new BlockSums(7, 2); // m = 3, the first return dropped
    double[] r = {0.5, 0.01, 0.02, 0.03, -0.01, -0.02, 0.04};
    for (double x : r) {
      sums.add(x);
    }
    assertThat(sums.returnsPerBlock()).isEqualTo(3);
    assertThat(sums.sum(0)).isCloseTo(0.06, within(1e-17));
    assertThat(sums.sumSquares(0)).isCloseTo(0.0014, within(1e-18));
    assertThat(sums.sum(1)).isCloseTo(0.01, within(1e-17));
    assertThat(sums.sumSquares(1)).isCloseTo(0.0021, within(1e-18));
    assertThat(Arrays.stream(r).sum()).isGreaterThan(0.5); // the dropped one is really left out
  }

  @Test
  void keepsOneLogitPerCombinationAndPboIsTheShareAtOrBelowZero() {
    double[][] returns = smallGrid(11, 7, 123);
    ProbabilityOfOverfitting actual = Cscv.evaluate(matrix(returns, 6));
    assertThat(actual.logits()).hasSize(20);
    long atOrBelow = Arrays.stream(actual.logits()).filter(l -> l <= 0).count();
    assertThat(actual.pbo()).isEqualTo(atOrBelow / 20.0);
    assertThat(actual.pbo()).isEqualTo(enumerate(returns, 6).pbo());
    // ω = rank / (N + 1) with rank in [1, N]: every logit finite, within ±ln(N)
    for (double l : actual.logits()) {
      assertThat(Math.abs(l)).isLessThanOrEqualTo(Math.log(7) + 1e-12);
    }
  }
}
