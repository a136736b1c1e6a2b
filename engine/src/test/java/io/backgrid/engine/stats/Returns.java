package io.backgrid.engine.stats;

import java.util.SplittableRandom;

/** Seeded synthetic return series for the statistics tests. */
final class Returns {
  private Returns() {}

  /** n normal returns with the given mean and standard deviation, from one seeded generator. */
  static double[] normal(SplittableRandom random, int n, double mean, double std) {
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      r[t] = mean + std * gaussian(random);
    }
    return r;
  }

  /** A fat-tailed, skewed series: normal returns with a rare crash (Student-like tails). */
  static double[] skewed(SplittableRandom random, int n) {
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      double crash = random.nextDouble() < 0.02 ? -0.04 * (1 + random.nextDouble()) : 0.0;
      r[t] = 0.0012 + 0.008 * gaussian(random) + crash;
    }
    return r;
  }

  /** Box–Muller; 1 − u keeps the log argument in (0, 1]. */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
