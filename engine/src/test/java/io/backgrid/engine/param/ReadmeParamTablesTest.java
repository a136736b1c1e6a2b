package io.backgrid.engine.param;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's parameter tables are the plug-ins' declarations: each table in the README equals
 * {@link ParamTable#markdown} of the registered plug-ins, so a parameter cannot change in code
 * without its documentation.
 */
class ReadmeParamTablesTest {
  static final Path README = Path.of("..", "README.md");

  @Test
  void theAlgorithmTableIsTheDeclarations() throws IOException {
    Map<String, Declared> algorithms = new LinkedHashMap<>();
    AllocationRegistry.names()
        .forEach(n -> algorithms.put(n, AllocationRegistry.traits(n).params()));
    assertThat(Files.readString(README))
        .contains(String.join("\n", ParamTable.markdown("algorithm", algorithms)) + "\n");
  }

  @Test
  void theStrategyTableIsTheDeclarations() throws IOException {
    Map<String, Declared> strategies = new LinkedHashMap<>();
    StrategyRegistry.names().forEach(n -> strategies.put(n, StrategyRegistry.params(n)));
    assertThat(Files.readString(README))
        .contains(String.join("\n", ParamTable.markdown("strategy", strategies)) + "\n");
  }
}
