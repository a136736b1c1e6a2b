package io.backgrid.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The incremental strategies against a naive oracle that recomputes every mean and deviation from
 * scratch at every bar, over 5,000 bars of seeded random walks (with flat stretches).
 */
class NaiveRecomputationTest {
  private static final int BARS = 5_000;
  private static final double[] A =
      RollingWindowTest.walkWithFlatStretches(11L, BARS, 100.0, 0.015);
  private static final double[] B = RollingWindowTest.walkWithFlatStretches(12L, BARS, 50.0, 0.015);
  private static final double[] C = RollingWindowTest.walkWithFlatStretches(13L, BARS, 20.0, 0.03);

  @Test
  void meanReversionMatchesANaiveZScoreAtEveryBar() {
    int lookback = 20;
    double entry = 1.5;
    double exit = 0.25;
    Bars.Run run =
        Bars.run(
            new MeanReversion(
                Params.of(Map.of("lookback", lookback, "entry-z", entry, "exit-z", exit)), 3),
            Bars.panel(A, B, C));

    double[][] series = {A, B, C};
    boolean[] held = new boolean[3];
    int changes = 0;
    for (int t = 0; t < BARS; t++) {
      boolean changed = false;
      for (int i = 0; i < 3; i++) {
        double z = naiveZ(series[i], t, lookback);
        boolean before = held[i];
        if (!held[i] && z < -entry) {
          held[i] = true;
        } else if (held[i] && z > -exit) {
          held[i] = false;
        }
        changed |= held[i] != before;
        assertThat(run.targets()[t][i])
            .as("bar %d slot %d", t, i)
            .isEqualTo(held[i] ? 1.0 / 3 : 0.0);
      }
      assertThat(run.decisions()[t]).as("decision at bar %d", t).isEqualTo(changed);
      changes += changed ? 1 : 0;
    }
    assertThat(changes)
        .as("the oracle must see trades for the test to mean something")
        .isGreaterThan(50);
  }

  @Test
  void trendFollowingMatchesNaiveMovingAveragesAtEveryBar() {
    int fast = 10;
    int slow = 40;
    Bars.Run run =
        Bars.run(
            new TrendFollowing(Params.of(Map.of("fast", fast, "slow", slow)), 3),
            Bars.panel(A, B, C));

    double[][] series = {A, B, C};
    int longBars = 0;
    for (int t = 0; t < BARS; t++) {
      for (int i = 0; i < 3; i++) {
        boolean held = t >= slow - 1 && mean(series[i], t, fast) > mean(series[i], t, slow);
        assertThat(run.targets()[t][i]).as("bar %d slot %d", t, i).isEqualTo(held ? 1.0 / 3 : 0.0);
        longBars += held ? 1 : 0;
      }
    }
    assertThat(longBars).isBetween(1000, 14_000);
  }

  @Test
  void pairsMatchesANaiveSpreadZScoreAtEveryBar() {
    int lookback = 30;
    double beta = 0.8;
    Params params =
        Params.of(Map.of("lookback", lookback, "entry-z", 1.5, "exit-z", 0.3, "hedge-ratio", beta));
    MarketPanel panel = Bars.panel(A, B);
    Bars.Run run = Bars.run(new Pairs(params, 2), panel);

    double[] spread = new double[BARS];
    for (int t = 0; t < BARS; t++) {
      spread[t] = Math.log(A[t]) - beta * Math.log(B[t]);
    }
    int state = 0;
    int changes = 0;
    for (int t = 0; t < BARS; t++) {
      double z = naiveZ(spread, t, lookback);
      int before = state;
      if (z > 1.5) {
        state = -1;
      } else if (z < -1.5) {
        state = 1;
      } else if (Math.abs(z) < 0.3) {
        state = 0;
      }
      assertThat(run.targets()[t])
          .as("bar %d", t)
          .containsExactly(state == 0 ? 0.0 : 0.5 * state, state == 0 ? 0.0 : -0.5 * state);
      assertThat(run.decisions()[t]).as("decision at bar %d", t).isEqualTo(state != before);
      changes += state != before ? 1 : 0;
    }
    assertThat(changes).isGreaterThan(50);
  }

  /** z of the last value over the window ending at t, NaN when short of history or flat. */
  private static double naiveZ(double[] x, int t, int length) {
    if (t < length - 1) {
      return Double.NaN;
    }
    double m = mean(x, t, length);
    double squares = 0;
    boolean flat = true;
    for (int j = t - length + 1; j <= t; j++) {
      squares += (x[j] - m) * (x[j] - m);
      flat &= x[j] == x[t];
    }
    return flat ? Double.NaN : (x[t] - m) / Math.sqrt(squares / (length - 1));
  }

  /**
   * Mean of the window ending at t; exactly x[t] when the window is flat (as the strategies say).
   */
  private static double mean(double[] x, int t, int length) {
    double sum = 0;
    boolean flat = true;
    for (int j = t - length + 1; j <= t; j++) {
      sum += x[j];
      flat &= x[j] == x[t];
    }
    return flat ? x[t] : sum / length;
  }
}
