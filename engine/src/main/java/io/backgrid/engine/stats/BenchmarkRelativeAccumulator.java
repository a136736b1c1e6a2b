package io.backgrid.engine.stats;

/**
 * One-pass benchmark-relative figures ({@link BenchmarkRelative}) from a portfolio's and a
 * benchmark's returns on the same dates.
 *
 * <p>Notation: r_p and r_b the periodic simple returns, rf_p the per-period risk-free rate, x = r_b
 * − rf_p and y = r_p − rf_p the excess returns, a = r_p − r_b the active return, P periods per
 * year; S_xy = Σ(x − x̄)(y − ȳ) etc. Formulas:
 *
 * <ul>
 *   <li>beta β = S_xy / S_xx and alpha = (ȳ − β·x̄)·P: the OLS regression y = α + β·x + ε (the
 *       single-index model, Jensen 1968), intercept annualised arithmetically as the project's
 *       other means are (empyrical compounds it instead: (1 + α)^P − 1); NaN when n &lt; 2 or S_xx
 *       = 0;
 *   <li>correlation S_xy / √(S_xx·S_yy); NaN when a variance is 0;
 *   <li>tracking error TE = √(S_aa / (n − 1))·√P; information ratio IR = ā·P / TE (Grinold &amp;
 *       Kahn, Active Portfolio Management, 2000, ch. 5); IR NaN when TE = 0;
 *   <li>capture, as empyrical's {@code up_capture}/{@code down_capture} (pyfolio): the up state is
 *       r_b &gt; 0, the down state r_b &lt; 0 (r_b = 0 is neither); over the k periods of a state,
 *       G(r) = exp(P/k·Σ ln(1 + r)) − 1 is the annualised geometric return, and the capture is
 *       G(r_p) / G(r_b); NaN when the state has no period or G(r_b) = 0.
 * </ul>
 *
 * <p>Moments by Welford's update (co-moment by the bivariate form), so no catastrophic
 * cancellation; {@link #add} allocates nothing. Not thread-safe.
 */
public final class BenchmarkRelativeAccumulator {
  private final int periodsPerYear;
  private final double riskFreePerPeriod;
  private int n;
  private double meanX;
  private double meanY;
  private double meanA;
  private double sxx;
  private double syy;
  private double sxy;
  private double saa;
  private int ups;
  private double upLogP;
  private double upLogB;
  private int downs;
  private double downLogP;
  private double downLogB;

  /**
   * Products of (1 + r) not yet folded into the log sums: a logarithm per {@link #FOLD} periods
   * instead of one per period (the products of at most 64 factors stay far inside a double's
   * range).
   */
  private static final int FOLD = 64;

  private double upProductP = 1;
  private double upProductB = 1;
  private int upPending;
  private double downProductP = 1;
  private double downProductB = 1;
  private int downPending;

  /**
   * @param periodsPerYear P, ≥ 1
   * @param riskFreePerPeriod rf_p, the per-period risk-free rate, finite and &gt; −1
   */
  public BenchmarkRelativeAccumulator(int periodsPerYear, double riskFreePerPeriod) {
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException(
          "Invalid periodsPerYear: " + periodsPerYear + " (must be >= 1)");
    }
    if (!Double.isFinite(riskFreePerPeriod) || riskFreePerPeriod <= -1) {
      throw new IllegalArgumentException(
          "Invalid riskFreePerPeriod: " + riskFreePerPeriod + " (must be finite and > -1)");
    }
    this.periodsPerYear = periodsPerYear;
    this.riskFreePerPeriod = riskFreePerPeriod;
  }

  /** The figures of two whole aligned series. */
  public static BenchmarkRelative of(
      double[] portfolio, double[] benchmark, int periodsPerYear, double riskFreePerPeriod) {
    if (portfolio.length != benchmark.length) {
      throw new IllegalArgumentException(
          "Invalid series: "
              + portfolio.length
              + " portfolio returns and "
              + benchmark.length
              + " benchmark returns (must be aligned, equal lengths)");
    }
    BenchmarkRelativeAccumulator acc =
        new BenchmarkRelativeAccumulator(periodsPerYear, riskFreePerPeriod);
    for (int t = 0; t < portfolio.length; t++) {
      acc.add(portfolio[t], benchmark[t]);
    }
    return acc.snapshot();
  }

  /** Forgets every pair added. */
  public void reset() {
    n = 0;
    meanX = 0;
    meanY = 0;
    meanA = 0;
    sxx = 0;
    syy = 0;
    sxy = 0;
    saa = 0;
    ups = 0;
    upLogP = 0;
    upLogB = 0;
    downs = 0;
    downLogP = 0;
    downLogB = 0;
    upProductP = 1;
    upProductB = 1;
    upPending = 0;
    downProductP = 1;
    downProductB = 1;
    downPending = 0;
  }

  /**
   * Adds one period.
   *
   * @param portfolio r_p, finite and ≥ −1
   * @param benchmark r_b, finite and ≥ −1
   */
  public void add(double portfolio, double benchmark) {
    if (!(portfolio >= -1)
        || !(benchmark >= -1)
        || portfolio == Double.POSITIVE_INFINITY
        || benchmark == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid returns at period #"
              + (n + 1)
              + ": portfolio "
              + portfolio
              + ", benchmark "
              + benchmark
              + " (must be finite and >= -1)");
    }
    n++;
    double inverse = 1.0 / n;
    double x = benchmark - riskFreePerPeriod;
    double y = portfolio - riskFreePerPeriod;
    double a = portfolio - benchmark;
    double dx = x - meanX;
    double dy = y - meanY;
    double da = a - meanA;
    meanX += dx * inverse;
    meanY += dy * inverse;
    meanA += da * inverse;
    sxx += dx * (x - meanX);
    syy += dy * (y - meanY);
    sxy += dx * (y - meanY);
    saa += da * (a - meanA);
    if (benchmark > 0) {
      ups++;
      upProductP *= 1 + portfolio;
      upProductB *= 1 + benchmark;
      if (++upPending == FOLD) {
        upLogP += Math.log(upProductP);
        upLogB += Math.log(upProductB);
        upProductP = 1;
        upProductB = 1;
        upPending = 0;
      }
    } else if (benchmark < 0) {
      downs++;
      downProductP *= 1 + portfolio;
      downProductB *= 1 + benchmark;
      if (++downPending == FOLD) {
        downLogP += Math.log(downProductP);
        downLogB += Math.log(downProductB);
        downProductP = 1;
        downProductB = 1;
        downPending = 0;
      }
    }
  }

  /** The figures of the pairs added so far; does not change the accumulator. */
  public BenchmarkRelative snapshot() {
    double nan = Double.NaN;
    double p = periodsPerYear;
    boolean enough = n >= 2;
    double beta = enough && sxx > 0 ? sxy / sxx : nan;
    double alpha = (meanY - beta * meanX) * p;
    double correlation = enough && sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : nan;
    double trackingError = enough ? Math.sqrt(saa / (n - 1)) * Math.sqrt(p) : nan;
    double informationRatio = trackingError > 0 ? meanA * p / trackingError : nan;
    return new BenchmarkRelative(
        n,
        alpha,
        beta,
        Math.max(-1, Math.min(1, correlation)),
        trackingError,
        informationRatio,
        capture(ups, upLogP + Math.log(upProductP), upLogB + Math.log(upProductB)),
        capture(downs, downLogP + Math.log(downProductP), downLogB + Math.log(downProductB)));
  }

  private double capture(int k, double logPortfolio, double logBenchmark) {
    if (k == 0) {
      return Double.NaN;
    }
    double scale = (double) periodsPerYear / k;
    double benchmark = Math.expm1(logBenchmark * scale);
    // a benchmark whose moves of the state compound to exactly 0 has no capture (not ±infinity)
    return benchmark == 0 ? Double.NaN : Math.expm1(logPortfolio * scale) / benchmark;
  }
}
