package io.backgrid.engine.stats;

import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.metrics.ReturnMoments;
import io.backgrid.engine.simulation.ReturnObserver;
import java.util.List;

/**
 * The per-configuration decision figures of one simulation, accumulated from the returns as the bar
 * loop computes them ({@link ReturnObserver}), none of the series stored: the portfolio's Sharpe
 * inference ({@link SharpeInference}, from the four moments), its calendar years ({@link
 * CalendarPeriods}), its {@value #DRAWDOWNS} deepest drawdown periods of the return index ({@link
 * DrawdownPeriods}) and, with a benchmark, the portfolio's and each sleeve's figures relative to it
 * ({@link BenchmarkRelativeAccumulator}, each return paired with the benchmark's on the same date).
 *
 * <p>Moments by the one-pass update of Welford / Terriberry (T. Terriberry, "Computing higher-order
 * moments online", 2008). One instance per configuration (its risk-free rate fixes rf_p); nothing
 * is allocated per return. Not thread-safe.
 */
public final class ConfigurationFigures implements ReturnObserver {
  /** The drawdown periods kept per configuration. */
  public static final int DRAWDOWNS = 5;

  private final int periodsPerYear;
  private final double riskFreePerPeriod;
  private final BenchmarkSeries benchmark;
  private final CalendarPeriods calendar;
  private final DrawdownPeriods drawdowns = new DrawdownPeriods(DRAWDOWNS);
  private BenchmarkRelativeAccumulator portfolioRelative;
  private BenchmarkRelativeAccumulator[] sleeveRelative = new BenchmarkRelativeAccumulator[0];
  private int cursor;
  private long lastDay = Long.MIN_VALUE;
  private double lastReturn;
  private int n;
  private double mean;
  private double m2;
  private double m3;
  private double m4;

  /**
   * @param maxYears the most calendar years a configuration spans, ≥ 1
   * @param periodsPerYear P, ≥ 1
   * @param riskFreeAnnual rf, the configuration's annual risk-free rate; rf_p = (1 + rf)^(1/P) − 1
   * @param benchmark the study's benchmark path, or null without one
   */
  public ConfigurationFigures(
      int maxYears, int periodsPerYear, double riskFreeAnnual, BenchmarkSeries benchmark) {
    this.periodsPerYear = periodsPerYear;
    this.riskFreePerPeriod = MetricsAccumulator.riskFreePerPeriod(riskFreeAnnual, periodsPerYear);
    this.benchmark = benchmark;
    this.calendar = new CalendarPeriods(maxYears, periodsPerYear, riskFreePerPeriod);
  }

  @Override
  public void start(long epochDay, int sleeves) {
    calendar.start(epochDay);
    drawdowns.start(epochDay, 1.0);
    if (benchmark != null) {
      portfolioRelative = new BenchmarkRelativeAccumulator(periodsPerYear, riskFreePerPeriod);
      sleeveRelative = new BenchmarkRelativeAccumulator[sleeves];
      for (int i = 0; i < sleeves; i++) {
        sleeveRelative[i] = new BenchmarkRelativeAccumulator(periodsPerYear, riskFreePerPeriod);
      }
      int at = benchmark.indexOf(epochDay);
      cursor = at >= 0 ? at : -at - 1;
      lastDay = Long.MIN_VALUE;
    }
  }

  @Override
  public void portfolio(long epochDay, double r) {
    calendar.add(epochDay, r);
    drawdowns.addReturn(epochDay, r);
    n++;
    double delta = r - mean;
    double deltaN = delta / n;
    double deltaN2 = deltaN * deltaN;
    double term1 = delta * deltaN * (n - 1);
    mean += deltaN;
    m4 += term1 * deltaN2 * ((double) n * n - 3.0 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
    m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
    m2 += term1;
    if (benchmark != null) {
      double b = benchmarkReturn(epochDay);
      if (!Double.isNaN(b)) {
        portfolioRelative.add(r, b);
      }
    }
  }

  @Override
  public void sleeve(int sleeve, long epochDay, double r) {
    if (benchmark != null) {
      double b = benchmarkReturn(epochDay);
      if (!Double.isNaN(b)) {
        sleeveRelative[sleeve].add(r, b);
      }
    }
  }

  /**
   * The benchmark's return on a date (dates come in ascending order); NaN when it has none. The
   * portfolio's and the sleeves' returns of one bar share one lookup.
   */
  private double benchmarkReturn(long epochDay) {
    if (epochDay == lastDay) {
      return lastReturn;
    }
    while (cursor < benchmark.size() && benchmark.epochDay(cursor) < epochDay) {
      cursor++;
    }
    lastDay = epochDay;
    lastReturn =
        cursor < benchmark.size() && benchmark.epochDay(cursor) == epochDay
            ? benchmark.returnAt(cursor)
            : Double.NaN;
    return lastReturn;
  }

  /**
   * The portfolio returns' moments (population skewness and kurtosis, see {@link ReturnMoments}).
   */
  public ReturnMoments moments() {
    return ReturnMoments.ofCentralSums(n, mean, m2, m3, m4);
  }

  /** The portfolio's Sharpe inference, PSR against a Sharpe of 0. */
  public SharpeInference sharpe() {
    return SharpeInference.of(moments(), riskFreePerPeriod, periodsPerYear, 0.0);
  }

  /** The portfolio's calendar years, in date order. */
  public List<YearFigures> years() {
    return calendar.years();
  }

  /** The portfolio's calendar months, in date order. */
  public List<MonthReturn> months() {
    return calendar.months();
  }

  /** The {@value #DRAWDOWNS} deepest drawdown periods of the portfolio's return index. */
  public List<DrawdownPeriod> drawdowns() {
    return drawdowns.deepest();
  }

  /** The portfolio's figures relative to the benchmark; null without a benchmark. */
  public BenchmarkRelative portfolioRelative() {
    return benchmark == null ? null : portfolioRelative.snapshot();
  }

  /** Sleeve {@code i}'s figures relative to the benchmark; null without a benchmark. */
  public BenchmarkRelative sleeveRelative(int i) {
    return benchmark == null ? null : sleeveRelative[i].snapshot();
  }
}
