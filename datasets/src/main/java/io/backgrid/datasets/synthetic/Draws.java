package io.backgrid.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * Random draws built only on {@link SplittableRandom#nextLong()} and {@link StrictMath}, so a seed
 * gives the same numbers on every JVM and platform (the JDK's {@code nextGaussian} and {@code
 * Math.log} are allowed to differ).
 */
final class Draws {
  /** Student-t degrees of freedom: ν = 5, kurtosis 9. */
  static final int NU = 5;

  private static final double T_SCALE = StrictMath.sqrt((NU - 2.0) / NU);

  private final SplittableRandom rng;
  private double spare;
  private boolean hasSpare;

  Draws(SplittableRandom rng) {
    this.rng = rng;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double uniform() {
    return (rng.nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Standard normal, Box–Muller (pairs, the second kept for the next call). */
  double normal() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u1 = 1.0 - uniform(); // (0, 1]
    double u2 = uniform();
    double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
    double angle = 2.0 * StrictMath.PI * u2;
    spare = r * StrictMath.sin(angle);
    hasSpare = true;
    return r * StrictMath.cos(angle);
  }

  /** Student-t with ν = {@value #NU}, scaled to unit variance: Z / √(χ²_ν/ν) · √((ν−2)/ν). */
  double studentT() {
    double z = normal();
    double chi2 = 0;
    for (int i = 0; i < NU; i++) {
      double n = normal();
      chi2 += n * n;
    }
    return z / StrictMath.sqrt(chi2 / NU) * T_SCALE;
  }
}
