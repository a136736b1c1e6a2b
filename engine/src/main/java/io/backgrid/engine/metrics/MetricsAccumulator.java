package io.backgrid.engine.metrics;

/**
 * Mutable one-pass accumulator over one series of periodic simple returns (the portfolio, or one
 * sleeve); {@link #snapshot()} turns it into {@link PerformanceMetrics}, whose javadoc gives every
 * formula.
 *
 * <p>Use: {@link #start(long)} with the date of V_0, then {@link #add(long, double, double)} once
 * per return, dates strictly ascending, then {@link #snapshot()} (any number of times). {@link
 * #reset()} makes it ready for the next configuration. All state is preallocated in the
 * constructor: {@code add} allocates nothing, boxes nothing and runs in amortised O(1) (the
 * VaR/CVaR tail keeps only the smallest returns: {@link TailRisk}).
 *
 * <p>Moments use the numerically stable one-pass update of Welford/Terriberry; the sums behind
 * profit factor, downside risk and turnover are compensated ({@link CompensatedSums}). Not
 * thread-safe: one accumulator per series per thread.
 */
public final class MetricsAccumulator {
  /** Days per year used by CAGR. */
  static final double DAYS_PER_YEAR = 365.25;

  private static final int POSITIVE = 0;
  private static final int NEGATIVE = 1;
  private static final int DOWNSIDE_SQUARES = 2;
  private static final int TURNOVER = 3;

  private final int capacity;
  private final int periodsPerYear;
  private final double riskFreePerPeriod;
  private final TailRisk tail;
  private final CompensatedSums sums = new CompensatedSums(4);
  private final DrawdownTracker drawdown = new DrawdownTracker();

  private boolean started;
  private long startDay;
  private long lastDay;
  private int n;
  private double mean;
  private double m2;
  private double m3;
  private double m4;
  private int wins;
  private double best;
  private double worst;

  /**
   * @param capacity the most returns this accumulator will see between resets, ≥ 0 (sizes the
   *     VaR/CVaR tail buffer; a series of B bars has B − 1 returns)
   * @param periodsPerYear P, the annualisation factor, ≥ 1 (252 for daily bars)
   * @param riskFreeAnnual rf, the annual risk-free rate as a fraction (0.02 = 2%), finite and &gt;
   *     −1; the per-period rate is rf_p = (1 + rf)^(1/P) − 1
   */
  public MetricsAccumulator(int capacity, int periodsPerYear, double riskFreeAnnual) {
    if (capacity < 0) {
      throw new IllegalArgumentException("Invalid capacity: " + capacity + " (must be >= 0)");
    }
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException(
          "Invalid periodsPerYear: " + periodsPerYear + " (must be >= 1)");
    }
    if (!Double.isFinite(riskFreeAnnual) || riskFreeAnnual <= -1) {
      throw new IllegalArgumentException(
          "Invalid riskFreeAnnual: " + riskFreeAnnual + " (must be finite and > -1)");
    }
    this.capacity = capacity;
    this.periodsPerYear = periodsPerYear;
    this.riskFreePerPeriod = riskFreePerPeriod(riskFreeAnnual, periodsPerYear);
    this.tail = new TailRisk(capacity);
    reset();
  }

  /**
   * The per-period rate compounding to an annual rate: rf_p = (1 + rf)^(1/P) − 1, the risk-free
   * return every Sharpe-like figure of backgrid subtracts from a period's return.
   *
   * @param annual rf, 0.02 = 2 % a year (> −1)
   * @param periodsPerYear P (252 for daily bars)
   */
  public static double riskFreePerPeriod(double annual, int periodsPerYear) {
    return Math.pow(1.0 + annual, 1.0 / periodsPerYear) - 1.0;
  }

  /** The per-period risk-free rate rf_p = (1 + rf)^(1/P) − 1. */
  public double riskFreePerPeriod() {
    return riskFreePerPeriod;
  }

  /** Number of returns added since the last reset. */
  public int periods() {
    return n;
  }

  /** Forgets everything added, without allocating; {@link #start(long)} must be called again. */
  public void reset() {
    started = false;
    startDay = 0;
    lastDay = 0;
    n = 0;
    mean = 0;
    m2 = 0;
    m3 = 0;
    m4 = 0;
    wins = 0;
    best = Double.NEGATIVE_INFINITY;
    worst = Double.POSITIVE_INFINITY;
    drawdown.reset(0);
    sums.clear();
    tail.clear();
  }

  /**
   * Starts the series: the date of V_0, where the return index is 1.0 (bar 0).
   *
   * @param epochDay days since 1970-01-01 ({@code LocalDate.toEpochDay()})
   * @throws IllegalStateException if already started since the last reset
   */
  public void start(long epochDay) {
    if (started) {
      throw new IllegalStateException(
          "Cannot start at epoch day "
              + epochDay
              + ": already started at epoch day "
              + startDay
              + " (call reset() first)");
    }
    started = true;
    startDay = epochDay;
    lastDay = epochDay;
    drawdown.reset(epochDay);
  }

  /**
   * Adds one period.
   *
   * @param epochDay the date of the bar at which r is observed, after the previous bar's (or the
   *     start's) date
   * @param r the flow-adjusted simple return r_t = V_t / (V_{t−1} + flow_t) − 1, finite and ≥ −1
   * @param turnover the bar's turnover fraction min(buys, sells) / NAV, finite and ≥ 0 (0 if
   *     nothing traded)
   * @throws IllegalStateException before {@link #start(long)} or beyond the capacity
   * @throws IllegalArgumentException for a date out of order or an invalid r or turnover
   */
  public void add(long epochDay, double r, double turnover) {
    int t = n + 1;
    if (!started) {
      throw new IllegalStateException("Cannot add return #" + t + ": start(epochDay) not called");
    }
    if (n == capacity) {
      throw new IllegalStateException(
          "Cannot add return #"
              + t
              + " at epoch day "
              + epochDay
              + ": capacity "
              + capacity
              + " exceeded (construct the accumulator with a larger capacity)");
    }
    if (epochDay <= lastDay) {
      throw new IllegalArgumentException(
          "Invalid epoch day "
              + epochDay
              + " for return #"
              + t
              + " (must be after the previous date "
              + lastDay
              + ")");
    }
    if (!(r >= -1.0) || r == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid return "
              + r
              + " at epoch day "
              + epochDay
              + " (return #"
              + t
              + "; must be finite and >= -1; skip bars without a return)");
    }
    if (!(turnover >= 0.0) || turnover == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid turnover "
              + turnover
              + " at epoch day "
              + epochDay
              + " (return #"
              + t
              + "; must be finite and >= 0)");
    }
    n = t;
    lastDay = epochDay;
    updateMoments(r);
    if (r > 0) {
      wins++;
      sums.add(POSITIVE, r);
    } else if (r < 0) {
      sums.add(NEGATIVE, r);
    }
    double excess = r - riskFreePerPeriod;
    if (excess < 0) {
      sums.add(DOWNSIDE_SQUARES, excess * excess);
    }
    sums.add(TURNOVER, turnover);
    best = Math.max(best, r);
    worst = Math.min(worst, r);
    tail.offer(r);
    drawdown.add(t, epochDay, r);
  }

  /** Terriberry's one-pass update of the mean and the central moment sums m2, m3, m4. */
  private void updateMoments(double x) {
    double count = n;
    double delta = x - mean;
    double deltaN = delta / count;
    double deltaN2 = deltaN * deltaN;
    double term1 = delta * deltaN * (count - 1);
    mean += deltaN;
    m4 += term1 * deltaN2 * (count * count - 3 * count + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
    m3 += term1 * deltaN * (count - 2) - 3 * deltaN * m2;
    m2 += term1;
  }

  /** The metrics of the returns added so far; does not change the accumulator. */
  public PerformanceMetrics snapshot() {
    if (n == 0) {
      double nan = Double.NaN;
      return new PerformanceMetrics(
          0, nan, nan, nan, nan, nan, nan, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
          nan);
    }
    double p = periodsPerYear;
    double index = drawdown.index();
    double totalReturn = index - 1.0;
    long calendarDays = lastDay - startDay;
    double cagr = Math.pow(index, DAYS_PER_YEAR / calendarDays) - 1.0;
    double std = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    double volatility = std * Math.sqrt(p);
    double excessMean = mean - riskFreePerPeriod;
    double sharpe = n < 2 || m2 == 0 ? Double.NaN : excessMean / std * Math.sqrt(p);
    double downsideRisk = Math.sqrt(sums.total(DOWNSIDE_SQUARES) / n) * Math.sqrt(p);
    double sortino = n < 2 ? Double.NaN : excessMean * p / downsideRisk;
    double maxDrawdown = drawdown.maxDrawdown();
    double calmar = maxDrawdown == 0 ? Double.NaN : cagr / Math.abs(maxDrawdown);
    double gains = sums.total(POSITIVE);
    double losses = Math.abs(sums.total(NEGATIVE));
    double profitFactor = gains == 0 && losses == 0 ? Double.NaN : gains / losses;
    double turnover = sums.total(TURNOVER) / n * p;
    return new PerformanceMetrics(
        n,
        totalReturn,
        cagr,
        volatility,
        sharpe,
        sortino,
        maxDrawdown,
        drawdown.worstBars(n),
        drawdown.worstDays(lastDay),
        calmar,
        (double) wins / n,
        profitFactor,
        turnover,
        skew(),
        kurtosis(),
        tail.valueAtRisk(n),
        tail.conditionalValueAtRisk(n),
        best,
        worst,
        mean);
  }

  /**
   * The mean, sample standard deviation and population skewness and kurtosis of the returns added
   * so far, from the same one-pass sums as {@link #snapshot()}; does not change the accumulator.
   */
  public ReturnMoments moments() {
    return ReturnMoments.ofCentralSums(n, mean, m2, m3, m4);
  }

  private double skew() {
    if (n < 3 || m2 == 0) {
      return Double.NaN;
    }
    double count = n;
    return count * Math.sqrt(count - 1) / (count - 2) * (m3 / Math.pow(m2, 1.5));
  }

  private double kurtosis() {
    if (n < 4 || m2 == 0) {
      return Double.NaN;
    }
    double count = n;
    double denominator = (count - 2) * (count - 3);
    return count * (count + 1) * (count - 1) * m4 / (denominator * m2 * m2)
        - 3 * (count - 1) * (count - 1) / denominator;
  }
}
