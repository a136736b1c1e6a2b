package io.backgrid.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the built-in algorithms declare about themselves, asked through the registry. */
class AlgorithmTraitsTest {
  @Test
  void onlyFixedReadsNoLookback() {
    for (String name : AllocationRegistry.names()) {
      assertThat(AllocationRegistry.traits(name).readsLookback())
          .as(name)
          .isEqualTo(!name.equals("fixed"));
    }
  }

  @Test
  void adaptiveNamesItsBenchmarkAsASymbolItReadsTheOthersNone() {
    Params block = Params.of(Map.of("benchmark", "SPY", "vol-threshold", 0.3));
    assertThat(AllocationRegistry.traits("adaptive").symbols(block)).containsExactly("SPY");
    assertThat(AllocationRegistry.traits("adaptive").symbols(Params.EMPTY)).isEmpty();
    assertThat(AllocationRegistry.traits("kelly").symbols(block)).isEmpty();
  }

  @Test
  void anUnknownAlgorithmHasNoTraits() {
    assertThatThrownBy(() -> AllocationRegistry.traits("kely"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown allocation algorithm 'kely'; known: adaptive, drawdown, dynamic, erc, fixed,"
                + " kelly, risk-parity");
  }
}
