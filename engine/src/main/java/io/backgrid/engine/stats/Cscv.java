package io.backgrid.engine.stats;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV):
 * Bailey, Borwein, López de Prado &amp; Zhu, "The Probability of Backtest Overfitting", Journal of
 * Computational Finance 20(4), 2017 (SSRN 2326253, 2015), with the conventions of issue 13.
 *
 * <p>Input: N configurations' returns cut into S blocks of m returns ({@link BlockSums}, {@link
 * BlockSumMatrix}). For each of the C(S, S/2) ways to choose S/2 blocks as in-sample (IS), the
 * others out-of-sample (OOS):
 *
 * <ol>
 *   <li>the metric of configuration i in a half is its per-period Sharpe ratio mean / std (sample
 *       std, n − 1) over the half's n = S/2·m returns concatenated, from the block sums: s = Σr, q
 *       = Σr², mean = s/n, std = √((q − s²/n) / (n − 1)); no risk-free rate;
 *   <li>n* = the IS best (ties: the smallest index);
 *   <li>ω = (rank of n* OOS, ascending, 1-based, ties averaged) / (N + 1); λ = ln(ω / (1 − ω));
 * </ol>
 *
 * PBO = #(λ ≤ 0) / C(S, S/2) (λ ≤ 0 ⇔ ω ≤ 1/2). The degradation is the OLS regression of the
 * selections' OOS Sharpe on their IS Sharpe across combinations; the probability of loss is the
 * share of combinations whose selection has a negative OOS mean.
 *
 * <p>A configuration with zero variance in a half (q − s²/n ≤ 1e−10·q, i.e. below the rounding
 * error of the sums, which covers a series of zeros) has no Sharpe there: it ranks below every
 * defined value, tied with the other undefined ones.
 *
 * <p>Cost: a combination and its complement are evaluated together (the IS of one is the OOS of the
 * other), in lexicographic (Gosper) order of the bitmasks so that consecutive splits differ in few
 * blocks and the IS sums are updated, not recomputed: O(N) per combination, N·C(S, S/2) in total,
 * with no comparison sort (the rank of one value is a count). The updates add and subtract the same
 * block sums, so duplicate configurations stay exactly tied; the drift of a sum over the C(S − 1,
 * S/2) steps is a few hundred ulps at most. Memory: the matrix plus 4·N doubles.
 */
public final class Cscv {
  /** A half's m2 = q − s²/n below this fraction of q is rounding noise: zero variance. */
  static final double ZERO_VARIANCE = 1e-10;

  /**
   * The most logits a result keeps (C(20, 10) = 184,756 fit: 1.5 MB); beyond, none are kept (S &gt;
   * 20 blocks), as the report's histogram does not need millions of them.
   */
  static final int LOGITS_KEPT = 200_000;

  private Cscv() {}

  /** C(S, S/2), the number of in-sample/out-of-sample splits of S blocks. */
  public static int combinations(int blocks) {
    long c = 1;
    for (int k = 1; k <= blocks / 2; k++) {
      c = c * (blocks / 2 + k) / k;
    }
    return Math.toIntExact(c);
  }

  /** Runs CSCV on the matrix; see the class javadoc. */
  public static ProbabilityOfOverfitting evaluate(BlockSumMatrix matrix) {
    int n = matrix.configurations();
    int blocks = matrix.blocks();
    double count = (double) (blocks / 2) * matrix.returnsPerBlock();
    double[] totalSums = new double[n];
    double[] totalSquares = new double[n];
    double[] sums = new double[n];
    double[] squares = new double[n];
    int mask = (1 << (blocks / 2)) - 1;
    for (int b = 0; b < blocks; b++) {
      column(matrix, b, totalSums, totalSquares, 1);
      if ((mask & (1 << b)) != 0) {
        column(matrix, b, sums, squares, 1);
      }
    }
    double inverseCount = 1.0 / count;
    Tally tally = new Tally(count, combinations(blocks));
    int top = 1 << (blocks - 1);
    while (true) {
      // Half A = the blocks in mask, half B = the others. Pass 1: the IS best of each half.
      int bestA = 0;
      int bestB = 0;
      double numBestA = numerator(sums[0], squares[0], inverseCount);
      double denBestA = denominator(sums[0], squares[0], inverseCount);
      double numBestB =
          numerator(totalSums[0] - sums[0], totalSquares[0] - squares[0], inverseCount);
      double denBestB =
          denominator(totalSums[0] - sums[0], totalSquares[0] - squares[0], inverseCount);
      for (int i = 1; i < n; i++) {
        double s = sums[i];
        double q = squares[i];
        double numA = numerator(s, q, inverseCount);
        double denA = denominator(s, q, inverseCount);
        if (numA * denBestA > numBestA * denA) {
          numBestA = numA;
          denBestA = denA;
          bestA = i;
        }
        double sB = totalSums[i] - s;
        double qB = totalSquares[i] - q;
        double numB = numerator(sB, qB, inverseCount);
        double denB = denominator(sB, qB, inverseCount);
        if (numB * denBestB > numBestB * denB) {
          numBestB = numB;
          denBestB = denB;
          bestB = i;
        }
      }
      // Pass 2: the OOS rank of each selection, A's selection among the B values and vice versa.
      double sSelA = totalSums[bestA] - sums[bestA];
      double qSelA = totalSquares[bestA] - squares[bestA];
      double numOosA = numerator(sSelA, qSelA, inverseCount);
      double denOosA = denominator(sSelA, qSelA, inverseCount);
      double numOosB = numerator(sums[bestB], squares[bestB], inverseCount);
      double denOosB = denominator(sums[bestB], squares[bestB], inverseCount);
      int lessA = 0;
      int equalA = 0;
      int lessB = 0;
      int equalB = 0;
      for (int i = 0; i < n; i++) {
        double s = sums[i];
        double q = squares[i];
        double numA = numerator(s, q, inverseCount);
        double denA = denominator(s, q, inverseCount);
        double sB = totalSums[i] - s;
        double qB = totalSquares[i] - q;
        double numB = numerator(sB, qB, inverseCount);
        double denB = denominator(sB, qB, inverseCount);
        // key_i ⋚ key_t ⇔ num_i·den_t ⋚ num_t·den_i (dens ≥ 0); duplicates give equal products.
        double left = numB * denOosA;
        double right = numOosA * denB;
        lessA += left < right ? 1 : 0;
        equalA += left == right ? 1 : 0;
        left = numA * denOosB;
        right = numOosB * denA;
        lessB += left < right ? 1 : 0;
        equalB += left == right ? 1 : 0;
      }
      double sA = sums[bestA];
      double qA = squares[bestA];
      tally.add(lessA + (equalA + 1) / 2.0, n, sA, qA, sSelA, qSelA);
      double sB = sums[bestB];
      double qB = squares[bestB];
      tally.add(
          lessB + (equalB + 1) / 2.0, n, totalSums[bestB] - sB, totalSquares[bestB] - qB, sB, qB);
      int next = nextMask(mask);
      if (next >= top) {
        break;
      }
      int changed = mask ^ next;
      for (int b = 0; b < blocks; b++) {
        if ((changed & (1 << b)) != 0) {
          column(matrix, b, sums, squares, (next & (1 << b)) != 0 ? 1 : -1);
        }
      }
      mask = next;
    }
    return tally.result(n, blocks);
  }

  /** Gosper's hack: the next larger int with the same number of set bits. */
  static int nextMask(int mask) {
    int lowest = mask & -mask;
    int ripple = mask + lowest;
    return (((ripple ^ mask) >>> 2) / lowest) | ripple;
  }

  /** Adds (sign 1) or subtracts (−1) block b's column into the running sums. */
  private static void column(
      BlockSumMatrix matrix, int b, double[] sums, double[] squares, int sign) {
    int n = matrix.configurations();
    int offset = b * n;
    double[] s = matrix.sums;
    double[] q = matrix.squares;
    if (sign > 0) {
      for (int i = 0; i < n; i++) {
        sums[i] += s[offset + i];
        squares[i] += q[offset + i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        sums[i] -= s[offset + i];
        squares[i] -= q[offset + i];
      }
    }
  }

  /*
   * The ranking key of a half with sums s, q over n returns is the fraction sign(s)·s² / m2, m2 =
   * q − s²/n: it equals n²/(n − 1)·sign(SR)·SR², strictly increasing in the Sharpe ratio SR,
   * so it ranks as SR does with no square root, and comparing two fractions by cross products
   * needs no division either. Zero variance is the fraction −1/0, below every other (the products
   * with it are −den and ±0) and equal to itself.
   */

  private static boolean zeroVariance(double m2, double q) {
    return !(m2 > ZERO_VARIANCE * q);
  }

  /** sign(s)·s², or −1 for zero variance. */
  private static double numerator(double s, double q, double inverseCount) {
    return zeroVariance(q - s * s * inverseCount, q) ? -1.0 : s * Math.abs(s);
  }

  /** m2 = q − s²/n, or 0 for zero variance. */
  private static double denominator(double s, double q, double inverseCount) {
    double m2 = q - s * s * inverseCount;
    return zeroVariance(m2, q) ? 0.0 : m2;
  }

  /** The per-period Sharpe ratio from the sums of a half; NaN for zero variance. */
  static double sharpe(double s, double q, double count) {
    double m2 = q - s * s / count;
    return zeroVariance(m2, q) ? Double.NaN : s / count / Math.sqrt(m2 / (count - 1));
  }

  /** The running counts and the degradation regression over the evaluated combinations. */
  private static final class Tally {
    private final double count;
    private final double[] logits;
    private int combinations;
    private int overfit;
    private int losses;
    private int pairs;
    private double meanX;
    private double meanY;
    private double sxx;
    private double sxy;

    Tally(double count, int expected) {
      this.count = count;
      this.logits = new double[expected <= LOGITS_KEPT ? expected : 0];
    }

    /** One combination: the OOS rank of the selection and its IS and OOS sums. */
    void add(double rank, int n, double isSum, double isSquares, double oosSum, double oosSquares) {
      double omega = rank / (n + 1);
      if (combinations < logits.length) {
        logits[combinations] = Math.log(omega / (1 - omega));
      }
      combinations++;
      // λ = ln(ω / (1 − ω)) ≤ 0 exactly when ω ≤ 1/2; comparing ω avoids the logarithm's rounding.
      if (omega <= 0.5) {
        overfit++;
      }
      if (oosSum < 0) {
        losses++;
      }
      double x = sharpe(isSum, isSquares, count);
      double y = sharpe(oosSum, oosSquares, count);
      if (Double.isFinite(x) && Double.isFinite(y)) {
        pairs++;
        double dx = x - meanX;
        meanX += dx / pairs;
        meanY += (y - meanY) / pairs;
        sxx += dx * (x - meanX);
        sxy += dx * (y - meanY);
      }
    }

    ProbabilityOfOverfitting result(int n, int blocks) {
      double slope = pairs < 2 || sxx == 0 ? Double.NaN : sxy / sxx;
      return new ProbabilityOfOverfitting(
          n,
          blocks,
          combinations,
          (double) overfit / combinations,
          slope,
          meanY - slope * meanX,
          (double) losses / combinations,
          logits.length == combinations ? logits : new double[0]);
    }
  }
}
