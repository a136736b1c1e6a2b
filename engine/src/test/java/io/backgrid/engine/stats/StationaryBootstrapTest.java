package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/** The stationary bootstrap's Sharpe interval: reproducible, calibrated, and block-aware. */
class StationaryBootstrapTest {
  static final int P = 252;

  static double sharpe(double[] r) {
    return new Mean().evaluate(r) / new StandardDeviation(true).evaluate(r) * Math.sqrt(P);
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
    double[] r = Returns.normal(new SplittableRandom(1), 1_000, 0.0005, 0.01);
    BootstrapInterval a = new StationaryBootstrap(500, 10, 7).sharpeInterval(r, 0, P);
    BootstrapInterval b = new StationaryBootstrap(500, 10, 7).sharpeInterval(r, 0, P);
    BootstrapInterval c = new StationaryBootstrap(500, 10, 8).sharpeInterval(r, 0, P);
    assertThat(b).isEqualTo(a);
    assertThat(c.low()).isNotEqualTo(a.low());
    assertThat(a.defined()).isEqualTo(500);
  }

  @Test
  void onIidReturnsTheIntervalAgreesWithTheAnalyticStandardError() {
    // An independent route to the same interval: Lo's SE for normal returns, √((1 + SR²/2)/T).
    double[] r = Returns.normal(new SplittableRandom(2), 2_000, 0.0006, 0.01);
    BootstrapInterval interval = new StationaryBootstrap(4_000, 1, 3).sharpeInterval(r, 0, P);
    double sr = sharpe(r) / Math.sqrt(P);
    double halfWidth = 1.959964 * Math.sqrt((1 + sr * sr / 2) / r.length) * Math.sqrt(P);
    assertThat((interval.high() - interval.low()) / 2)
        .isCloseTo(halfWidth, within(0.06 * halfWidth));
    assertThat((interval.high() + interval.low()) / 2)
        .isCloseTo(sharpe(r), within(0.1 * halfWidth));
  }

  @Test
  void blocksWidenTheIntervalOfAnAutocorrelatedSeries() {
    // AR(1) with φ = 0.5: the mean's variance is (1 + φ)/(1 − φ) = 3 times the IID one, which only
    // resampling in blocks sees; the IID bootstrap (L = 1) cannot.
    SplittableRandom random = new SplittableRandom(4);
    double[] r = new double[3_000];
    double previous = 0;
    for (int t = 0; t < r.length; t++) {
      previous = 0.5 * previous + 0.01 * Returns.gaussian(random);
      r[t] = 0.0003 + previous;
    }
    BootstrapInterval iid = new StationaryBootstrap(2_000, 1, 5).sharpeInterval(r, 0, P);
    BootstrapInterval blocks = new StationaryBootstrap(2_000, 30, 5).sharpeInterval(r, 0, P);
    double ratio = (blocks.high() - blocks.low()) / (iid.high() - iid.low());
    assertThat(ratio).isBetween(1.4, 2.0); // √3 ≈ 1.73
  }

  @Test
  void withBlocksLongerThanTheSeriesEveryResampleIsARotationWithTheSameSharpe() {
    double[] r = Returns.normal(new SplittableRandom(6), 300, 0.001, 0.01);
    BootstrapInterval interval = new StationaryBootstrap(200, 1e12, 9).sharpeInterval(r, 0, P);
    assertThat(interval.low()).isCloseTo(sharpe(r), within(1e-9));
    assertThat(interval.high()).isCloseTo(sharpe(r), within(1e-9));
  }

  @Test
  void aConstantSeriesHasNoIntervalAndBadSettingsAreRejected() {
    BootstrapInterval flat =
        new StationaryBootstrap(100, 5, 1).sharpeInterval(new double[] {0.01, 0.01, 0.01}, 0, P);
    assertThat(flat.low()).isNaN();
    assertThat(flat.defined()).isZero();
    assertThatThrownBy(() -> new StationaryBootstrap(10, 5, 1))
        .hasMessage("Invalid bootstrap resamples: 10 (must be in [100, 1000000])");
    assertThatThrownBy(() -> new StationaryBootstrap(100, 0.5, 1))
        .hasMessage("Invalid bootstrap mean block length: 0.5 (must be finite and >= 1)");
    assertThatThrownBy(() -> new StationaryBootstrap(100, 5, 1).sharpeInterval(new double[1], 0, P))
        .hasMessage("Invalid series for the bootstrap: 1 returns (must be >= 2)");
  }
}
