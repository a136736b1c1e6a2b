package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Φ and Φ⁻¹ against commons-math3's {@link NormalDistribution} (erf/erfInv based). */
class GaussianTest {
  static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  @Test
  void cdfMatchesCommonsMathTo1e12OnAFineGrid() {
    for (double x = -12; x <= 12; x += 0.0137) {
      assertThat(Gaussian.cdf(x))
          .as("Φ(%s)", x)
          .isCloseTo(NORMAL.cumulativeProbability(x), within(1e-12));
    }
  }

  @Test
  void cdfKeepsRelativePrecisionInTheLowerTail() {
    for (double x = -30; x <= -1; x += 0.25) {
      double expected = NORMAL.cumulativeProbability(x);
      assertThat(Gaussian.cdf(x)).as("Φ(%s)", x).isCloseTo(expected, within(expected * 1e-12));
    }
  }

  @Test
  void cdfHandlesTheEnds() {
    assertThat(Gaussian.cdf(0)).isEqualTo(0.5);
    assertThat(Gaussian.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Gaussian.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Gaussian.cdf(-40)).isEqualTo(0.0);
    assertThat(Gaussian.cdf(Double.NaN)).isNaN();
  }

  @Test
  void quantileMatchesCommonsMathWhereItsErfInvIsExact() {
    // commons-math3's erfInv loses digits below p ≈ 1e−5 (1.3e−8 off at 1e−10): tails below.
    double[] ps = {
      1e-5,
      1e-5 / Math.E * 10,
      0.001,
      0.02425,
      0.0243,
      0.1,
      0.3,
      0.5,
      0.7,
      0.9,
      0.975,
      0.97575,
      0.999,
      1 - 1e-5,
      1 - 1.0 / (1e4 * Math.E)
    };
    for (double p : ps) {
      double expected = NORMAL.inverseCumulativeProbability(p);
      assertThat(Gaussian.quantile(p))
          .as("Φ⁻¹(%s)", p)
          .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
  }

  /**
   * Deep tails against 60-digit values from mpmath (Newton's method on ln Φ(x) − ln p with {@code
   * mpmath.ncdf}, mp.dps = 60), rounded to 20 digits.
   */
  @Test
  void quantileMatchesHighPrecisionValuesInTheTails() {
    double[][] cases = {
      {1e-300, -37.047096299361199237},
      {1e-100, -21.273453560965324295},
      {1e-20, -9.2623400897984075737},
      {1e-10, -6.3613409024040562047},
      {1e-8, -5.6120012441747887315},
      {1e-6, -4.7534243088228989482},
    };
    for (double[] c : cases) {
      assertThat(Gaussian.quantile(c[0]))
          .as("Φ⁻¹(%s)", c[0])
          .isCloseTo(c[1], within(1e-12 * -c[1]));
    }
    // 1 − 1e−10 is not exact in binary; the upper tail is computed from q = 1 − p, which is.
    assertThat(Gaussian.quantile(1 - 1e-10)).isEqualTo(-Gaussian.quantile(1 - (1 - 1e-10)));
  }

  @Test
  void quantileInvertsTheCdf() {
    for (double p = 0.0005; p < 1; p += 0.0011) {
      assertThat(Gaussian.cdf(Gaussian.quantile(p)))
          .as("Φ(Φ⁻¹(%s))", p)
          .isCloseTo(p, within(1e-15 + 1e-14 * p));
    }
  }

  @Test
  void quantileHandlesTheEndsAndRejectsNonProbabilities() {
    assertThat(Gaussian.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Gaussian.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Gaussian.quantile(0.5)).isEqualTo(0.0);
    assertThatThrownBy(() -> Gaussian.quantile(1.5))
        .hasMessage("Invalid probability: 1.5 (must be in [0, 1])");
    assertThatThrownBy(() -> Gaussian.quantile(Double.NaN))
        .hasMessage("Invalid probability: NaN (must be in [0, 1])");
  }
}
