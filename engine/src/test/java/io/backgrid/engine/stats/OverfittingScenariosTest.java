package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.metrics.ReturnMoments;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics on grids whose truth is known by construction: a grid of pure noise (no
 * configuration has an edge) must look overfit (PBO near 1/2, the DSR of its best far from
 * significant); a grid where one configuration has a real edge must not (PBO low, DSR high). Each
 * prints its figures for the record.
 */
class OverfittingScenariosTest {
  static final int CONFIGS = 100;
  static final int RETURNS = 2_520; // ten years of daily returns
  static final int BLOCKS = 16;

  /** The diagnostics of a grid: its PBO and the DSR of its best (by full-period Sharpe). */
  record Diagnostics(ProbabilityOfOverfitting pbo, DeflatedSharpe dsr) {}

  static Diagnostics diagnose(double[][] grid) {
    double[] sharpes = new double[grid.length];
    int best = 0;
    for (int i = 0; i < grid.length; i++) {
      sharpes[i] = SharpeInferenceTest.moments(grid[i]).sharpePerPeriod(0);
      if (sharpes[i] > sharpes[best]) {
        best = i;
      }
    }
    ReturnMoments bestMoments = SharpeInferenceTest.moments(grid[best]);
    return new Diagnostics(
        Cscv.evaluate(CscvTest.matrix(grid, BLOCKS)), DeflatedSharpe.of(sharpes, bestMoments, 0));
  }

  static double[][] noise(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] grid = new double[CONFIGS][];
    for (int i = 0; i < CONFIGS; i++) {
      grid[i] = Returns.normal(random, RETURNS, 0.0, 0.01);
    }
    return grid;
  }

  @Test
  void aGridOfPureNoiseLooksOverfit() {
    double sum = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Diagnostics d = diagnose(noise(seed));
      System.out.printf(
          "noise grid seed %d: PBO %.4f, DSR %.4f (SR* %.4f, SR0 %.4f per day), slope %.3f,"
              + " P(OOS loss) %.3f%n",
          seed,
          d.pbo().pbo(),
          d.dsr().dsr(),
          d.dsr().bestSharpe(),
          d.dsr().sr0(),
          d.pbo().degradationSlope(),
          d.pbo().probabilityOfLoss());
      assertThat(d.pbo().pbo()).isBetween(0.25, 0.75);
      assertThat(d.dsr().dsr()).as("not significant at 95%%").isLessThan(0.95);
      sum += d.pbo().pbo();
    }
    assertThat(sum / 4).as("mean PBO over four noise grids").isBetween(0.4, 0.6);
  }

  @Test
  void aGridWithOneRealEdgeDoesNot() {
    double[][] grid = noise(1);
    // Configuration 37: +0.12% a day at 1% volatility, an annualised Sharpe of about 1.9.
    grid[37] = Returns.normal(new SplittableRandom(99), RETURNS, 0.0012, 0.01);
    Diagnostics d = diagnose(grid);
    System.out.printf(
        "one-edge grid: PBO %.4f, DSR %.4f (SR* %.4f, SR0 %.4f per day), slope %.3f,"
            + " P(OOS loss) %.3f%n",
        d.pbo().pbo(),
        d.dsr().dsr(),
        d.dsr().bestSharpe(),
        d.dsr().sr0(),
        d.pbo().degradationSlope(),
        d.pbo().probabilityOfLoss());
    assertThat(d.pbo().pbo()).isLessThan(0.1);
    assertThat(d.pbo().probabilityOfLoss()).isLessThan(0.1);
    assertThat(d.dsr().dsr()).isGreaterThan(0.95);
  }
}
