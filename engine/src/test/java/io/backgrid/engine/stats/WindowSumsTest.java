package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.metrics.PerformanceMetrics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Window sums joined stretch by stretch give the metrics {@link MetricsAccumulator} computes in one
 * pass over the same returns (its own formulas, another code path).
 */
class WindowSumsTest {
  private static final double RF = Math.pow(1.02, 1.0 / 252) - 1;

  @Test
  void stretchesJoinedGiveTheOnePassMetricsOfTheWholeWindow() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + random.nextInt(700);
      double[] r = Returns.skewed(random, n);
      long day0 = 10_000;
      MetricsAccumulator direct = new MetricsAccumulator(n, 252, 0.02);
      direct.start(day0);
      WindowSums joined = new WindowSums();
      WindowSums stretch = new WindowSums();
      long previous = day0;
      for (int t = 0; t < n; t++) {
        long day = previous + 1 + (t % 5 == 4 ? 2 : 0); // weekends
        direct.add(day, r[t], 0);
        stretch.add(previous, day, r[t], RF);
        previous = day;
        if (random.nextInt(40) == 0) {
          joined = joined.then(stretch);
          stretch = new WindowSums();
        }
      }
      joined = joined.then(stretch);
      PerformanceMetrics m = direct.snapshot();
      assertThat(joined.count()).isEqualTo(n);
      assertThat(joined.baseDay()).isEqualTo(day0);
      assertThat(value(WindowMetric.SHARPE, joined)).isCloseTo(m.sharpe(), within(1e-9));
      assertThat(value(WindowMetric.SORTINO, joined)).isCloseTo(m.sortino(), within(1e-9));
      assertThat(value(WindowMetric.TOTAL_RETURN, joined))
          .isCloseTo(m.totalReturn(), within(1e-12));
      assertThat(value(WindowMetric.CAGR, joined)).isCloseTo(m.cagr(), within(1e-12));
      assertThat(value(WindowMetric.VOLATILITY, joined)).isCloseTo(m.volatility(), within(1e-12));
      assertThat(value(WindowMetric.MAX_DRAWDOWN, joined))
          .isCloseTo(m.maxDrawdown(), within(1e-12));
      assertThat(value(WindowMetric.CALMAR, joined)).isCloseTo(m.calmar(), within(1e-9));
    }
  }

  @Test
  void aDrawdownAcrossTheJoinIsFound() {
    // +10% in the first stretch, then −5% and −10% in the second: peak 1.1, trough 0.9405
    WindowSums a = new WindowSums();
    a.add(0, 1, 0.10, 0);
    WindowSums b = new WindowSums();
    b.add(1, 2, -0.05, 0);
    b.add(2, 3, -0.10, 0);
    WindowSums w = a.then(b);
    assertThat(a.maxDrawdown()).isEqualTo(0);
    assertThat(b.maxDrawdown()).isCloseTo(0.855 - 1, within(1e-15));
    assertThat(w.maxDrawdown()).isCloseTo(1.1 * 0.95 * 0.9 / 1.1 - 1, within(1e-15));
    assertThat(w.growth()).isCloseTo(1.1 * 0.95 * 0.9, within(1e-15));
  }

  @Test
  void undefinedMetricsAreNaN() {
    WindowSums flat = new WindowSums();
    flat.add(0, 1, 0.0, 0);
    flat.add(1, 2, 0.0, 0);
    assertThat(value(WindowMetric.SHARPE, flat)).isNaN();
    assertThat(value(WindowMetric.CALMAR, flat)).isNaN();
    assertThat(value(WindowMetric.SHARPE, new WindowSums())).isNaN();
  }

  private static double value(WindowMetric m, WindowSums w) {
    return m.value(w, RF, 252);
  }
}
