package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.metrics.ReturnMoments;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.engine.stats.BenchmarkRelative;
import io.backgrid.engine.stats.BenchmarkSeries;
import io.backgrid.engine.stats.ConfigurationFigures;
import io.backgrid.engine.stats.DrawdownPeriod;
import io.backgrid.engine.stats.DrawdownPeriods;
import io.backgrid.engine.stats.YearFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * The figures a run accumulates through its {@link ReturnObserver} equal those computed afterwards
 * from the run's stored NAV paths (Detail.FULL), the benchmark-relative ones against
 * commons-math3's OLS regression and correlation on the paired returns.
 */
class ConfigurationFiguresTest {
  static final int P = 252;
  static final double RF = 0.03;

  /** Random walks over about 2.4 years (3 calendar years), random configurations. */
  @Test
  void streamedFiguresEqualThoseOfTheStoredPaths() {
    for (long seed = 1; seed <= 5; seed++) {
      MarketPanel market = Markets.randomWalks(seed, 5, 620);
      BenchmarkSeries benchmark =
          BenchmarkPortfolio.of("S00").series(market); // S00 lists on the first bar
      PortfolioConfig config = RandomPortfolios.random(seed, 5).withRiskFree(RF);
      ConfigurationFigures figures = new ConfigurationFigures(3, P, RF, benchmark);
      SimulationResult result = new Simulator(market).run(config, Detail.FULL, figures);
      check(market, benchmark, result, figures);
    }
  }

  /** A run observed with Detail.SUMMARY gives the same metrics as one not observed. */
  @Test
  void observingChangesNothing() {
    MarketPanel market = Markets.randomWalks(9, 5, 300);
    PortfolioConfig config = RandomPortfolios.random(9, 5);
    SimulationResult plain = new Simulator(market).run(config, Detail.SUMMARY);
    SimulationResult observed =
        new Simulator(market).run(config, Detail.SUMMARY, new ConfigurationFigures(2, P, 0, null));
    assertThat(observed.metrics()).isEqualTo(plain.metrics());
    assertThat(observed.finalNavCents()).isEqualTo(plain.finalNavCents());
  }

  private static void check(
      MarketPanel market,
      BenchmarkSeries benchmark,
      SimulationResult result,
      ConfigurationFigures figures) {
    long[] nav = result.navCents();
    int bars = nav.length;
    LocalDate[] dates = result.dates().toArray(LocalDate[]::new);
    double[] index = new double[bars];
    index[0] = 1;
    List<Double> portfolio = new ArrayList<>();
    List<Double> bench = new ArrayList<>();
    MetricsAccumulator moments = new MetricsAccumulator(bars, P, RF);
    moments.start(0);
    for (int t = 1; t < bars; t++) {
      double r = Math.max(-1, (double) nav[t] / nav[t - 1] - 1);
      index[t] = index[t - 1] * (1 + r);
      portfolio.add(r);
      bench.add(market.price(0, t) / market.price(0, t - 1) - 1);
      moments.add(t, r, 0);
    }
    // Sharpe inference from the four moments: the same moments as the metrics' accumulator.
    ReturnMoments expected = moments.moments();
    ReturnMoments actual = figures.moments();
    assertThat(actual.count()).isEqualTo(expected.count());
    assertThat(actual.std()).isCloseTo(expected.std(), within(1e-15));
    assertThat(actual.skewness()).isCloseTo(expected.skewness(), within(1e-9));
    assertThat(actual.kurtosis()).isCloseTo(expected.kurtosis(), within(1e-8));
    assertThat(figures.sharpe().annualisedSharpe())
        .isCloseTo(result.metrics().sharpe(), within(1e-12));

    // drawdown periods of the return index, and the deepest is the max drawdown
    List<DrawdownPeriod> fromPath = DrawdownPeriods.of(dates, index, 5);
    assertThat(figures.drawdowns()).hasSameSizeAs(fromPath);
    for (int k = 0; k < fromPath.size(); k++) {
      DrawdownPeriod a = figures.drawdowns().get(k);
      DrawdownPeriod b = fromPath.get(k);
      assertThat(a.peak()).isEqualTo(b.peak());
      assertThat(a.trough()).isEqualTo(b.trough());
      assertThat(a.recovery()).isEqualTo(b.recovery());
      assertThat(a.depth()).isCloseTo(b.depth(), within(1e-12));
    }
    if (!fromPath.isEmpty()) {
      assertThat(figures.drawdowns().get(0).depth())
          .isCloseTo(result.metrics().maxDrawdown(), within(1e-12));
    }

    // years: the return of each calendar year from the index at the year's ends
    List<YearFigures> years = figures.years();
    assertThat(years).hasSize(3);
    double yearOpen = 1;
    for (YearFigures y : years) {
      int last = -1;
      for (int t = 0; t < bars; t++) {
        if (dates[t].getYear() == y.year()) {
          last = t;
        }
      }
      assertThat(y.totalReturn()).isCloseTo(index[last] / yearOpen - 1, within(1e-12));
      yearOpen = index[last];
    }

    // benchmark-relative: OLS of excess returns, correlation, by commons-math3
    double rf = Math.pow(1 + RF, 1.0 / P) - 1;
    SimpleRegression ols = new SimpleRegression(true);
    double[] x = new double[portfolio.size()];
    double[] y = new double[portfolio.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = bench.get(i) - rf;
      y[i] = portfolio.get(i) - rf;
      ols.addData(x[i], y[i]);
    }
    BenchmarkRelative rel = figures.portfolioRelative();
    assertThat(rel.periods()).isEqualTo(bars - 1);
    assertThat(rel.beta()).isCloseTo(ols.getSlope(), within(1e-10));
    assertThat(rel.alpha()).isCloseTo(ols.getIntercept() * P, within(1e-10));
    assertThat(rel.correlation())
        .isCloseTo(new PearsonsCorrelation().correlation(x, y), within(1e-10));
    for (int i = 0; i < result.sleeves().size(); i++) {
      assertThat(figures.sleeveRelative(i).periods())
          .isEqualTo(result.sleeves().get(i).metrics().periods());
    }
  }
}
