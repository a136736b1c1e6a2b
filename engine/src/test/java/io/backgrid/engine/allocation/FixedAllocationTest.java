package io.backgrid.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedAllocationTest {
  static final MarketPanel PANEL = Fixtures.panel(3);
  static final UnitReturns FLAT = Fixtures.fromReturns(0, 0);

  @Test
  void returnsTheInitialWeightsEvenWithoutHistoryAndZeroForPausedSleeves() {
    AllocationContext c =
        new AllocationContext(
            PANEL,
            new UnitReturns[] {FLAT, FLAT, FLAT},
            Lookback.ofBars(2).windowStarts(PANEL),
            new double[] {0.5, 0.3, 0.0});
    c.moveTo(0, new boolean[] {true, false, true}, new double[] {0.5, 0.3, 0.0});
    double[] w = new double[3];
    assertThat(AllocationRegistry.create("fixed", Params.EMPTY, 3, PANEL).weights(c, w)).isTrue();
    assertThat(w).containsExactly(0.5, 0.0, 0.0);
  }

  @Test
  void takesNoParameters() {
    assertThatThrownBy(
            () -> AllocationRegistry.create("fixed", Params.of(Map.of("weights", 1)), 1, PANEL))
        .hasMessage("Unknown parameter params.weights for allocation fixed; known: (none)");
  }
}
