package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.StudyConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link RunNeeds} gathers, asked of the algorithms' traits rather than their names. */
class RunNeedsTest {
  @Test
  void onlyAlgorithmsThatReadALookbackNeedOneAndTheBenchmarkIsASymbolToLoad() {
    Study study =
        StudyFixtures.load(
            "allocation { lookback = 21, adaptive { benchmark = MKT } }\n"
                + "grid { \"allocation.algorithm\" = [fixed, adaptive] }");
    RunNeeds needs = new RunNeeds(study);
    List<StudyConfiguration> configurations = GridExpander.expand(study);
    configurations.forEach(c -> needs.add(c.configId(), c.config()));

    // fixed reads no window (its lookback is 1 bar); adaptive reads 21 bars
    List<Lookback> lookbacks = new ArrayList<>();
    needs.lookbacks.forEach(e -> lookbacks.add(e.getValue()));
    assertThat(lookbacks).containsExactly(Lookback.ofBars(21));
    assertThat(needs.symbols.get("MKT")).isEqualTo(new RunNeeds.User(-1, "adaptive", "benchmark"));
    assertThat(needs.symbols.get("EQ01")).isEqualTo(new RunNeeds.User(0, "mom", null));
  }
}
