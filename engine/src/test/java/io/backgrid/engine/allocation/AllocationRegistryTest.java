package io.backgrid.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationRegistryTest {
  static final MarketPanel PANEL = Fixtures.panel(5);

  @Test
  void listsTheBuiltInsSorted() {
    assertThat(AllocationRegistry.names())
        .containsExactly("adaptive", "drawdown", "dynamic", "erc", "fixed", "kelly", "risk-parity");
  }

  @Test
  void createsEveryBuiltInWithDefaults() {
    for (String name : AllocationRegistry.names()) {
      Params params =
          name.equals("adaptive") ? Params.of(Map.of("benchmark", "SPY")) : Params.EMPTY;
      assertThat(AllocationRegistry.create(name, params, 3, PANEL)).isNotNull();
    }
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> AllocationRegistry.create("kely", Params.EMPTY, 2, PANEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown allocation algorithm 'kely'; known: adaptive, drawdown, dynamic, erc, fixed,"
                + " kelly, risk-parity");
  }

  @Test
  void unknownParameterIsRefusedWithItsPath() {
    Params params = Params.of(Map.of("fractoin", 0.5), "allocation.kelly");
    assertThatThrownBy(() -> AllocationRegistry.create("kelly", params, 2, PANEL))
        .hasMessage(
            "Unknown parameter allocation.kelly.fractoin for allocation kelly; known: estimator,"
                + " fraction, min-variance");
  }

  @Test
  void outOfRangeValuesNameTheParameterValueAndRule() {
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "kelly", Params.of(Map.of("fraction", 1.5), "allocation.kelly"), 2, PANEL))
        .hasMessage("Invalid allocation.kelly.fraction: 1.5 (must be in (0, 1])");
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "kelly", Params.of(Map.of("fraction", 0), "allocation.kelly"), 2, PANEL))
        .hasMessage("Invalid allocation.kelly.fraction: 0 (must be in (0, 1])");
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "dynamic",
                    Params.of(Map.of("min-allocation", 0.3), "allocation.dynamic"),
                    4,
                    PANEL))
        .hasMessage("Invalid allocation.dynamic.min-allocation: 0.3 (must be in [0, 0.25])");
    assertThatThrownBy(
            () ->
                AllocationRegistry.create(
                    "erc", Params.of(Map.of("max-iterations", 2.5), "allocation.erc"), 2, PANEL))
        .hasMessage("Invalid allocation.erc.max-iterations: 2.5 (must be a whole number)");
  }

  @Test
  void refusesASleeveCountBelowOne() {
    assertThatThrownBy(() -> AllocationRegistry.create("fixed", Params.EMPTY, 0, PANEL))
        .hasMessage("Invalid sleeve count 0 for allocation fixed (must be >= 1)");
  }
}
