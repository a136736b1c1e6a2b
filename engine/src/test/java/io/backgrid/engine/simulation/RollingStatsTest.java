package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.market.MarketPanel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rolling volatility and Sharpe: by hand, against a two-pass computation, and in a result. */
class RollingStatsTest {
  private static final double P = Math.sqrt(252);

  @Test
  void threeReturnsByHand() {
    RollingStats s = new RollingStats(3, 5, 0.0);
    s.add(0, Double.NaN);
    s.add(1, 0.01);
    s.add(2, 0.02);
    s.add(3, 0.03); // mean .02, s = .01
    s.add(4, Double.NaN); // no return: the window stands

    assertThat(s.volatility()[2]).isNaN();
    assertThat(s.volatility()[3]).isCloseTo(0.01 * P, within(1e-15));
    assertThat(s.sharpe()[3]).isCloseTo(2 * P, within(1e-12));
    assertThat(s.sharpe()[4]).isEqualTo(s.sharpe()[3]);
  }

  @Test
  void matchesATwoPassComputationAtEveryBarOverManyWindows() {
    SplittableRandom random = new SplittableRandom(3);
    int bars = 3_000;
    int window = 252;
    double rf = 0.0001;
    double[] r = new double[bars];
    RollingStats s = new RollingStats(window, bars, rf);
    for (int t = 0; t < bars; t++) {
      r[t] = 0.0004 + 0.012 * random.nextGaussian();
      s.add(t, r[t]);
    }
    for (int t = window - 1; t < bars; t++) {
      double mean = 0;
      for (int k = t - window + 1; k <= t; k++) {
        mean += r[k] / window;
      }
      double squares = 0;
      for (int k = t - window + 1; k <= t; k++) {
        squares += (r[k] - mean) * (r[k] - mean);
      }
      double sd = Math.sqrt(squares / (window - 1));
      assertThat(s.volatility()[t]).isCloseTo(sd * P, within(1e-12));
      assertThat(s.sharpe()[t]).isCloseTo((mean - rf) / sd * P, within(1e-9));
    }
    assertThat(s.volatility()[window - 2]).isNaN();
  }

  @Test
  void aFullResultHasTheRollingFiguresOfItsPortfolioReturns() {
    MarketPanel market = Markets.randomWalks(5, 5, 300);
    SimulationResult result = Simulator.run(market, RandomPortfolios.random(5, 5));
    long[] nav = result.navCents();
    RollingStats expected = new RollingStats(252, nav.length, 0.0);
    for (int t = 1; t < nav.length; t++) {
      expected.add(t, (double) nav[t] / nav[t - 1] - 1);
    }
    assertThat(result.rolling().portfolioVolatility()).containsExactly(expected.volatility());
    assertThat(result.rolling().portfolioVolatility()[299]).isPositive();
    assertThat(result.rolling().sleeveSharpe()).hasNumberOfRows(result.sleeves().size());
    assertThat(
            new Simulator(market)
                .run(RandomPortfolios.random(5, 5), Detail.SUMMARY)
                .rolling()
                .portfolioVolatility())
        .isEmpty();
  }
}
