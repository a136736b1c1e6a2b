package io.backgrid.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairsTest {
  /** The spread path ln A − β ln B the prices below are built to follow. */
  private static final double[] SPREAD = {0.1, 0, 0.05, 0.35, 0.35, 0.25, 0.3};

  private static final Params PARAMS =
      Params.of(Map.of("lookback", 3, "entry-z", 1, "exit-z", 0.5));

  @Test
  void shortsARichSpreadFlipsWhenItTurnsCheapAndExitsNearTheMean() {
    // B = 100, A = 100 e^x: spread = ln A - ln B = x
    double[] a = new double[SPREAD.length];
    double[] b = new double[SPREAD.length];
    for (int t = 0; t < SPREAD.length; t++) {
      b[t] = 100;
      a[t] = 100 * Math.exp(SPREAD[t]);
    }
    Bars.Run run = Bars.run(new Pairs(PARAMS, 2), Bars.panel(a, b));

    // bar 2: [.1,0,.05] mean .05, z = 0 -> stays flat
    // bar 3: [0,.05,.35] mean .1333, squares .0178+.0069+.0469 = .0717, s = sqrt(.0358) = .1893,
    //        z = .2167/.1893 = 1.145 > 1 -> short A, long B
    // bar 4: [.05,.35,.35] mean .25, squares .04+.01+.01 = .06, s = .1732, z = .1/.1732 = .577:
    //        between .5 and 1 -> hold
    // bar 5: [.35,.35,.25] mean .3167, squares .0011+.0011+.0044 = .0067, s = .0577,
    //        z = -.0667/.0577 = -1.155 < -1 -> long A, short B
    // bar 6: [.35,.25,.3] mean .3, z = 0 < .5 -> flat
    assertThat(run.decisionBars()).containsExactly(3, 5, 6);
    assertThat(run.targets()[2]).containsExactly(0.0, 0.0);
    assertThat(run.targets()[3]).containsExactly(-0.5, 0.5);
    assertThat(run.targets()[4]).containsExactly(-0.5, 0.5);
    assertThat(run.targets()[5]).containsExactly(0.5, -0.5);
    assertThat(run.targets()[6]).containsExactly(0.0, 0.0);
  }

  @Test
  void appliesTheHedgeRatioToTheLogPriceOfB() {
    // beta = 2, B = 10 + t, A = e^x B^2: spread = ln A - 2 ln B = x, the same path as above
    double[] a = new double[SPREAD.length];
    double[] b = new double[SPREAD.length];
    for (int t = 0; t < SPREAD.length; t++) {
      b[t] = 10 + t;
      a[t] = Math.exp(SPREAD[t]) * b[t] * b[t];
    }
    Params withBeta =
        Params.of(Map.of("lookback", 3, "entry-z", 1, "exit-z", 0.5, "hedge-ratio", 2));

    Bars.Run run = Bars.run(new Pairs(withBeta, 2), Bars.panel(a, b));

    assertThat(run.decisionBars()).containsExactly(3, 5, 6);
    assertThat(run.targets()[3]).containsExactly(-0.5, 0.5);
    assertThat(run.targets()[5]).containsExactly(0.5, -0.5);
  }

  @Test
  void needsExactlyTwoSymbols() {
    assertThatThrownBy(() -> new Pairs(Params.EMPTY, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid universe for strategy pairs: 3 symbols (must be exactly 2: A in slot 0, B in"
                + " slot 1)");
  }

  @Test
  void warmupIsLookbackMinusOne() {
    assertThat(new Pairs(Params.EMPTY, 2).warmupBars()).isEqualTo(59);
  }
}
