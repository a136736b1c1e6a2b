package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {
  static final double NaN = Double.NaN;
  static final List<String> IDS = List.of("a", "b", "c");
  // bar:                    0     1     2     3      4     5
  static final double[] A = {0.01, 0.02, NaN, 0.03, -0.01, 0.00};
  static final double[] B = {0.02, NaN, 0.01, 0.05, -0.02, 0.01};
  static final double[] C = {NaN, NaN, NaN, 0.01, NaN, NaN}; // held capital one bar only

  @Test
  void pairsAreCorrelatedOverTheBarsWhereBothHaveAReturn() {
    CorrelationMatrix m = CorrelationMatrix.of(IDS, new double[][] {A, B, C});
    // common bars of a and b: 0, 3, 4, 5
    // → a = [0.01, 0.03, −0.01, 0], b = [0.02, 0.05, −0.02, 0.01]
    // means 0.03/4 = 0.0075 and 0.06/4 = 0.015
    // da = [0.0025, 0.0225, −0.0175, −0.0075], db = [0.005, 0.035, −0.035, −0.005]
    // Σda·db = 0.0000125 + 0.0007875 + 0.0006125 + 0.0000375 = 0.00145
    // Σda² = 0.00000625 + 0.00050625 + 0.00030625 + 0.00005625 = 0.000875
    // Σdb² = 0.000025 + 0.001225 + 0.001225 + 0.000025 = 0.0025
    double expected = 0.00145 / Math.sqrt(0.000875 * 0.0025); // ≈ 0.980379
    assertThat(m.get(0, 1)).isCloseTo(expected, within(1e-12));
    assertThat(m.get("b", "a")).isEqualTo(m.get(0, 1));
    assertThat(m.get("a", "a")).isEqualTo(1.0);
    // c has one return: nothing to correlate, itself included
    assertThat(m.get("a", "c")).isNaN();
    assertThat(m.get("c", "c")).isNaN();
    // the same number from an oracle fed the hand-aligned arrays
    double oracle =
        new PearsonsCorrelation()
            .correlation(
                new double[] {0.01, 0.03, -0.01, 0.00}, new double[] {0.02, 0.05, -0.02, 0.01});
    assertThat(m.get(0, 1)).isCloseTo(oracle, within(1e-12));
  }

  @Test
  void randomGappySeriesMatchAnAlignedOracleComputation() {
    SplittableRandom random = new SplittableRandom(5);
    int series = 4;
    int bars = 600;
    double[][] r = new double[series][bars];
    for (int t = 0; t < bars; t++) {
      double market = random.nextDouble(-0.02, 0.02);
      for (int s = 0; s < series; s++) {
        boolean gap = random.nextDouble() < 0.1 * s; // series 0 complete, series 3 30% missing
        r[s][t] = gap ? NaN : market * (s - 1.5) + random.nextDouble(-0.01, 0.01);
      }
    }
    CorrelationMatrix m = CorrelationMatrix.of(List.of("s0", "s1", "s2", "s3"), r);
    for (int a = 0; a < series; a++) {
      for (int b = 0; b < series; b++) {
        int common = 0;
        double[] x = new double[bars];
        double[] y = new double[bars];
        for (int t = 0; t < bars; t++) {
          if (!Double.isNaN(r[a][t]) && !Double.isNaN(r[b][t])) {
            x[common] = r[a][t];
            y[common] = r[b][t];
            common++;
          }
        }
        double expected =
            new PearsonsCorrelation()
                .correlation(Arrays.copyOf(x, common), Arrays.copyOf(y, common));
        assertThat(m.get(a, b)).as("corr(%d, %d)", a, b).isCloseTo(expected, within(1e-12));
      }
    }
  }

  @Test
  void aSeriesWithoutVarianceCorrelatesWithNothing() {
    double[] flat = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    CorrelationMatrix m = CorrelationMatrix.of(List.of("a", "flat"), new double[][] {A, flat});
    assertThat(m.get("flat", "flat")).isNaN();
    assertThat(m.get("a", "flat")).isNaN();
    assertThat(m.get("a", "a")).isEqualTo(1.0);
  }

  @Test
  void theMatrixCannotBeChangedFromOutside() {
    double[][] input = {{1.0, 0.5}, {0.5, 1.0}};
    CorrelationMatrix m = new CorrelationMatrix(List.of("x", "y"), input);
    input[0][1] = 9;
    m.values()[1][0] = 9;
    assertThat(m.get(0, 1)).isEqualTo(0.5);
    assertThat(m.get(1, 0)).isEqualTo(0.5);
    assertThat(m)
        .isEqualTo(new CorrelationMatrix(List.of("x", "y"), new double[][] {{1, 0.5}, {0.5, 1}}));
  }

  @Test
  void badInputIsRefusedWithMessagesNamingTheSeries() {
    assertThatThrownBy(() -> CorrelationMatrix.of(IDS, new double[][] {A, B}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid correlation input: 3 ids [a, b, c] but 2 return series (must be equal)");
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("a", "b"), new double[][] {A, {0.1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid correlation input: series 'b' has 1 bars but 'a' has 6"
                + " (all series must share one calendar)");
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("a", "a"), new double[][] {A, B}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid series ids [a, a]: 'a' repeats");
    CorrelationMatrix m = CorrelationMatrix.of(IDS, new double[][] {A, B, C});
    assertThatThrownBy(() -> m.get("a", "z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown series id 'z'; known: [a, b, c]");
    assertThatThrownBy(() -> new CorrelationMatrix(List.of("x", "y"), new double[][] {{1, 0}, {0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid correlation matrix: row 1 ('y') has 1 columns (must be 2)");
  }
}
