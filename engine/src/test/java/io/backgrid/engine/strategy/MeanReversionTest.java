package io.backgrid.engine.strategy;

import static io.backgrid.engine.strategy.Bars.NA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeanReversionTest {
  private static final Params PARAMS =
      Params.of(Map.of("lookback", 3, "entry-z", 1.0, "exit-z", 0.5));

  @Test
  void entersBelowMinusEntryZAndExitsAboveMinusExitZ() {
    Bars.Run run =
        Bars.run(
            new MeanReversion(PARAMS, 2),
            Bars.panel(new double[] {10, 10, 10, 7, 7, 9}, new double[] {20, 20, 20, 20, 14, 14}));

    // S0 bar 2: [10,10,10] std 0 -> no signal
    // S0 bar 3: [10,10,7] mean 9, squares 1+1+4 = 6, s = sqrt(6/2) = 1.732, z = (7-9)/1.732 =
    // -1.155 < -1 -> enter
    // S0 bar 4: [10,7,7] mean 8, squares 4+1+1 = 6, s = 1.732, z = (7-8)/1.732 = -0.577 <= -0.5 ->
    // hold
    // S0 bar 5: [7,7,9] mean 7.667, squares 0.444+0.444+1.778 = 2.667, s = 1.155, z = 1.155 > -0.5
    // -> exit
    // S1 bar 4: [20,20,14] mean 18, squares 4+4+16 = 24, s = sqrt(12) = 3.464, z = -4/3.464 =
    // -1.155 -> enter
    // S1 bar 5: [20,14,14] mean 16, squares 16+4+4 = 24, s = 3.464, z = -2/3.464 = -0.577 -> hold
    assertThat(run.decisionBars()).containsExactly(3, 4, 5);
    assertThat(run.targets()[2]).containsExactly(0.0, 0.0);
    // weight 1/n = 1/2 per held symbol; S1's entry does not resize S0
    assertThat(run.targets()[3]).containsExactly(0.5, 0.0);
    assertThat(run.targets()[4]).containsExactly(0.5, 0.5);
    assertThat(run.targets()[5]).containsExactly(0.0, 0.5);
  }

  @Test
  void countsTheWindowFromTheSymbolsFirstPrice() {
    Bars.Run run =
        Bars.run(new MeanReversion(PARAMS, 1), Bars.panel(new double[] {NA, NA, 10, 10, 7}));

    // window full at bar 4 = its 3rd price: [10,10,7] z = -1.155 -> enter at 1/n = 1
    assertThat(run.decisionBars()).containsExactly(4);
    assertThat(run.targets()[4]).containsExactly(1.0);
  }

  @Test
  void warmupIsLookbackMinusOne() {
    assertThat(new MeanReversion(PARAMS, 1).warmupBars()).isEqualTo(2);
    assertThat(new MeanReversion(Params.EMPTY, 1).warmupBars()).isEqualTo(19);
  }

  @Test
  void refusesExitZNotBelowEntryZAndANonPositiveEntryZ() {
    assertThatThrownBy(() -> new MeanReversion(Params.of(Map.of("exit-z", 3)), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid params.exit-z: 3 (must be < entry-z = 2.0)");
    assertThatThrownBy(() -> new MeanReversion(Params.of(Map.of("entry-z", 0)), 1))
        .hasMessage("Invalid params.entry-z: 0 (must be > 0)");
    assertThatThrownBy(() -> new MeanReversion(Params.of(Map.of("entry-z", -1)), 1))
        .hasMessage("Invalid params.entry-z: -1 (must be > 0)");
    // the default exit-z 0.5 is not below a smaller entry-z
    assertThatThrownBy(() -> new MeanReversion(Params.of(Map.of("entry-z", 0.4)), 1))
        .hasMessage("Invalid params.exit-z: 0.5 (must be < entry-z = 0.4)");
    assertThatThrownBy(() -> new MeanReversion(Params.of(Map.of("exit-z", -0.5)), 1))
        .hasMessage("Invalid params.exit-z: -0.5 (must be >= 0)");
    assertThatThrownBy(() -> new MeanReversion(Params.of(Map.of("lookback", 1)), 1))
        .hasMessage("Invalid params.lookback: 1 (must be >= 2)");
  }
}
