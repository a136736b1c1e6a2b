package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleStudiesTest {
  private static final Path STUDIES = Path.of("..", "conf", "studies");

  @Test
  void demoStudyParsesAndExpandsToFortyConfigurations() {
    Study study = StudyLoader.load(STUDIES.resolve("demo.conf"));
    assertThat(study.name()).isEqualTo("demo");
    assertThat(study.data()).isEqualTo("datasets/demo");
    assertThat(study.template().sleeveIds())
        .containsExactly("momentum", "reversion", "trend", "core");

    GridExpander.Expansion e = GridExpander.expandWithCounts(study);

    // 3 algorithms x 2 weights x 2 lookbacks x 2 frequencies x 2 momentum lookbacks = 48
    // combinations;
    // fixed ignores the lookback: 8 fixed + 16 risk-parity + 16 kelly = 40 distinct
    assertThat(e.combinations()).isEqualTo(48);
    assertThat(e.distinct()).isEqualTo(40);
    assertThat(e.configurations()).hasSize(40);
    assertThat(ids(e.configurations())).hasSize(40);
  }

  @Test
  void allAlgorithmsStudyCoversEveryAlgorithmAndFrequency() {
    Study study = StudyLoader.load(STUDIES.resolve("all-algorithms.conf"));

    List<StudyConfiguration> configs = GridExpander.expand(study);

    // 7 algorithms x 7 frequencies x 11 weight vectors, each within constraints { max = 0.7 }
    assertThat(configs).hasSize(539);
    Set<String> algorithms = new HashSet<>();
    Set<String> frequencies = new HashSet<>();
    for (StudyConfiguration c : configs) {
      algorithms.add(c.config().rebalancing().algorithm());
      frequencies.add(c.config().rebalancing().schedule().toString());
      for (double w : c.config().weights()) {
        assertThat(w).isLessThanOrEqualTo(c.config().rebalancing().constraints().max(0));
      }
    }
    assertThat(algorithms)
        .containsExactlyInAnyOrder(
            "fixed", "dynamic", "risk-parity", "kelly", "drawdown", "erc", "adaptive");
    assertThat(frequencies)
        .containsExactlyInAnyOrder(
            "never", "daily", "weekly", "monthly", "quarterly", "yearly", "every 10 bars");
  }

  private static Set<String> ids(List<StudyConfiguration> configs) {
    Set<String> ids = new HashSet<>();
    for (StudyConfiguration c : configs) {
      ids.add(c.configId());
    }
    return ids;
  }
}
