package io.backgrid.engine.stats;

/**
 * The standard normal distribution: Φ (the cumulative distribution function) and Φ⁻¹ (its inverse),
 * in double precision with the JDK only.
 *
 * <p>Φ is W. J. Cody's rational Chebyshev approximation (Cody, "Rational Chebyshev approximations
 * for the error function", Math. Comp. 23 (1969) 631–637; the ANORM routine of ACM TOMS Algorithm
 * 715, 1993, as R's {@code pnorm} uses it): three intervals |x| ≤ 0.67448975, ≤ √32, beyond; in the
 * outer two the factor exp(−x²/2) is split as exp(−x̃²/2)·exp(−(x − x̃)(x + x̃)/2) with x̃ = x
 * truncated to 1/16, which keeps the tails accurate in relative terms (Φ(−37.5) ≈ 5e−308).
 *
 * <p>Φ⁻¹ is P. J. Acklam's rational approximation (relative error below 1.15e−9; "An algorithm for
 * computing the inverse normal cumulative distribution function", 2003) followed by one Halley step
 * on Φ(x) − p, which brings it to full double precision. The upper half is computed by symmetry
 * from q = 1 − p (exact in floating point for p ≥ 0.5), so tiny tail areas on either side keep
 * their precision.
 */
public final class Gaussian {
  private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;
  private static final double SQRT_2PI = 2.50662827463100050241576528481;
  private static final double SQRT_32 = 5.656854249492380195206754896838;

  private static final double[] A = {
    2.2352520354606839287,
    161.02823106855587881,
    1067.6894854603709582,
    18154.981253343561249,
    0.065682337918207449113
  };
  private static final double[] B = {
    47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956
  };
  private static final double[] C = {
    0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
    597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
    11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
    6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
    38912.003286093271411, 19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
    0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5
  };

  private static final double[] AQ = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] BQ = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] CQ = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] DQ = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double P_LOW = 0.02425;

  private Gaussian() {}

  /**
   * Φ(x) = P(Z ≤ x) for a standard normal Z.
   *
   * @param x any double; NaN gives NaN, ±∞ give 1 and 0
   * @return in [0, 1]
   */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = x * x;
      double num = A[4] * xsq;
      double den = xsq;
      for (int i = 0; i < 3; i++) {
        num = (num + A[i]) * xsq;
        den = (den + B[i]) * xsq;
      }
      return 0.5 + x * (num + A[3]) / (den + B[3]);
    }
    double tail; // P(Z > |x|)
    if (y <= SQRT_32) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      tail = gaussianFactor(y) * (num + C[7]) / (den + D[7]);
    } else if (y < 37.5193) {
      double xsq = 1.0 / (y * y);
      double num = P[5] * xsq;
      double den = xsq;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * xsq;
        den = (den + Q[i]) * xsq;
      }
      double ratio = (INV_SQRT_2PI - xsq * (num + P[4]) / (den + Q[4])) / y;
      tail = gaussianFactor(y) * ratio;
    } else {
      tail = 0.0;
    }
    return x > 0 ? 1.0 - tail : tail;
  }

  /** exp(−y²/2) without the cancellation of squaring y: y² = ỹ² + (y − ỹ)(y + ỹ). */
  private static double gaussianFactor(double y) {
    double rounded = Math.floor(y * 16) / 16;
    double del = (y - rounded) * (y + rounded);
    return Math.exp(-rounded * rounded * 0.5) * Math.exp(-del * 0.5);
  }

  /**
   * Φ⁻¹(p), the x with Φ(x) = p.
   *
   * @param p a probability in [0, 1]; 0 gives −∞, 1 gives +∞
   * @throws IllegalArgumentException if p is outside [0, 1] or NaN
   */
  public static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("Invalid probability: " + p + " (must be in [0, 1])");
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    // Symmetry Φ⁻¹(p) = −Φ⁻¹(1 − p): work on the lower half, where the area is exact.
    return p > 0.5 ? -lowerQuantile(1.0 - p) : lowerQuantile(p);
  }

  /** Φ⁻¹(p) for p in (0, 0.5]. */
  private static double lowerQuantile(double p) {
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x =
          (((((CQ[0] * q + CQ[1]) * q + CQ[2]) * q + CQ[3]) * q + CQ[4]) * q + CQ[5])
              / ((((DQ[0] * q + DQ[1]) * q + DQ[2]) * q + DQ[3]) * q + 1);
    } else {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((AQ[0] * r + AQ[1]) * r + AQ[2]) * r + AQ[3]) * r + AQ[4]) * r + AQ[5])
              * q
              / (((((BQ[0] * r + BQ[1]) * r + BQ[2]) * r + BQ[3]) * r + BQ[4]) * r + 1);
    }
    // One Halley step on f(x) = Φ(x) − p, f' = φ(x), f'' = −x·φ(x) (Acklam's refinement).
    double e = cdf(x) - p;
    double u = e * SQRT_2PI * Math.exp(x * x / 2);
    // Below p ≈ 1e−300 the factor exp(x²/2) overflows; Acklam's value is then the answer.
    return Double.isFinite(u) ? x - u / (1 + x * u / 2) : x;
  }
}
