package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyConfigException;
import io.backgrid.spark.config.StudyLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridExpanderTest {
  /** Three sleeves; {@code %s} is the grid and anything else a test adds. */
  static final String THREE_SLEEVES =
      """
      study {
        name = grid-test
        data = datasets/demo
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = rev, strategy = mean-reversion, universe = [EQ04, EQ05] }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02] }
        ]
        allocation { algorithm = fixed, lookback = 63 }
        %s
      }
      """;

  static Study study(String extra) {
    return StudyLoader.load(THREE_SLEEVES.formatted(extra), "grid.conf");
  }

  @Test
  void noAxesGiveTheStudyAsWritten() {
    GridExpander.Expansion e = GridExpander.expandWithCounts(study(""));

    assertThat(e.combinations()).isEqualTo(1);
    assertThat(e.configurations())
        .singleElement()
        .satisfies(c -> assertThat(c.axisValues()).isEmpty());
  }

  @Test
  void plainAxesMultiply() {
    Study s =
        study(
            """
            grid {
              "rebalance.frequency" = [monthly, quarterly, yearly]
              "costs.slippage-bps" = [0, 2]
              "sleeves.mom.params.lookback" = [20, 60, 120, 250]
            }\
            """);

    List<StudyConfiguration> configs = GridExpander.expand(s);

    // 3 x 2 x 4 = 24, all distinct
    assertThat(configs).hasSize(24);
    // axes sorted by path, the last varies fastest
    assertThat(configs.get(0).axisValues())
        .containsExactly(
            Map.entry("costs.slippage-bps", 0L),
            Map.entry("rebalance.frequency", "monthly"),
            Map.entry("sleeves.mom.params.lookback", 20L));
    assertThat(configs.get(1).axisValues()).containsEntry("sleeves.mom.params.lookback", 60L);
    assertThat(configs.get(1).config().sleeves().get(0).params().asMap())
        .containsEntry("lookback", 60L);
  }

  @Test
  void algorithmSpecificAxesDoNotMultiplyOtherAlgorithms() {
    Study s =
        study(
            """
            grid {
              "allocation.algorithm" = [fixed, risk-parity, kelly]
              "allocation.kelly.fraction" = [0.25, 0.5, 1]
            }\
            """);

    GridExpander.Expansion e = GridExpander.expandWithCounts(s);

    // 3 x 3 = 9 combinations; fixed 1 + risk-parity 1 + kelly 3 = 5 configurations
    assertThat(e.combinations()).isEqualTo(9);
    assertThat(e.configurations()).hasSize(5);
    StudyConfiguration fixed = e.configurations().get(0);
    assertThat(fixed.axisValues())
        .containsEntry("allocation.algorithm", "fixed")
        .containsEntry("allocation.kelly.fraction", null);
    assertThat(e.configurations().get(4).config().rebalancing().algorithmParams().asMap())
        .containsEntry("fraction", 1L);
  }

  @Test
  void fixedIsNotDuplicatedAcrossLookbacks() {
    Study s =
        study(
            """
            grid {
              "allocation.algorithm" = [fixed, dynamic]
              "allocation.lookback" = [21, 63, 126]
            }\
            """);

    List<StudyConfiguration> configs = GridExpander.expand(s);

    // fixed reads no lookback: 1 + dynamic 3 = 4
    assertThat(configs).hasSize(4);
    assertThat(configs.get(0).axisValues()).containsEntry("allocation.lookback", null);
  }

  @Test
  void valuesThatNormaliseAlikeAreKeptOnce() {
    // 60 and 60.0 are the same parameter; "every 1 bar" is daily
    Study s =
        study(
            """
            grid {
              "sleeves.mom.params.lookback" = [60, 60.0, 20]
              "rebalance.frequency" = [daily, "every 1 bar"]
            }\
            """);

    GridExpander.Expansion e = GridExpander.expandWithCounts(s);

    assertThat(e.combinations()).isEqualTo(6);
    assertThat(e.distinct()).isEqualTo(2);
  }

  @Test
  void simplexStepQuarterOnThreeSleevesGivesFifteenVectors() {
    Study s = study("grid { \"allocation.weights\" = { simplex-step = 0.25 } }");

    List<StudyConfiguration> configs = GridExpander.expand(s);

    // compositions of 4 quarters into 3 parts: C(4 + 2, 2) = 15
    assertThat(configs).hasSize(15);
    assertThat(configs.get(0).config().weights()).containsExactly(1.0, 0.0, 0.0);
    assertThat(configs.get(1).config().weights()).containsExactly(0.75, 0.25, 0.0);
    assertThat(configs.get(14).config().weights()).containsExactly(0.0, 0.0, 1.0);
    for (StudyConfiguration c : configs) {
      assertThat(Arrays.stream(c.config().weights()).sum()).isEqualTo(1.0);
    }
  }

  @Test
  void randomWeightDrawsAreCountedAndSeeded() {
    List<StudyConfiguration> a =
        GridExpander.expand(study("grid { \"allocation.weights\" = { random = 20, seed = 7 } }"));
    List<StudyConfiguration> b =
        GridExpander.expand(study("grid { \"allocation.weights\" = { random = 20, seed = 7 } }"));
    List<StudyConfiguration> c =
        GridExpander.expand(study("grid { \"allocation.weights\" = { random = 20, seed = 8 } }"));

    assertThat(a).hasSize(20);
    assertThat(ids(a)).isEqualTo(ids(b)).doesNotContainAnyElementsOf(ids(c));
    for (StudyConfiguration x : a) {
      double[] w = x.config().weights();
      assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(Arrays.stream(w).min().getAsDouble()).isGreaterThan(0);
    }
  }

  @Test
  void samplingKeepsASeededSubsetInGridOrder() {
    String grid =
        """
        grid {
          "rebalance.frequency" = [monthly, quarterly]
          "sleeves.mom.params.lookback" = [10, 20, 30, 40, 50]
        }
        grid-sample { size = 4, seed = %d }\
        """;
    List<StudyConfiguration> all =
        GridExpander.expand(study(grid.formatted(1).replaceAll("grid-sample.*", "")));
    GridExpander.Expansion a = GridExpander.expandWithCounts(study(grid.formatted(3)));
    List<StudyConfiguration> b = GridExpander.expand(study(grid.formatted(3)));

    assertThat(a.distinct()).isEqualTo(10);
    assertThat(a.configurations()).hasSize(4);
    assertThat(ids(a.configurations())).isEqualTo(ids(b));
    List<Integer> positions = new ArrayList<>();
    for (StudyConfiguration c : a.configurations()) {
      positions.add(ids(all).indexOf(c.configId()));
    }
    assertThat(positions).doesNotContain(-1).isSorted();
    assertThat(new HashSet<>(positions)).hasSize(4);
  }

  @Test
  void invalidCombinationsAreReportedTogetherWithTheirAxisValues() {
    Study s =
        study(
            """
            grid {
              "allocation.algorithm" = [fixed, kelly, adaptive]
              "allocation.kelly.fraction" = [0.5, 3]
              "sleeves.mom.params.top" = [2, 4]
            }\
            """);

    StudyConfigException e =
        catchThrowableOfType(StudyConfigException.class, () -> GridExpander.expand(s));

    assertThat(e.problems())
        .containsExactly(
            "Invalid study.sleeves[0].params.top: 4 (must be in [1, 3]) (grid.conf line 13, axis"
                + " sleeves.mom.params.top) [in 4 configurations, e.g. {allocation.algorithm=fixed,"
                + " allocation.kelly.fraction=null, sleeves.mom.params.top=4}]",
            "Invalid study.allocation.kelly.fraction: 3 (must be in (0, 1]) (grid.conf line 12,"
                + " axis allocation.kelly.fraction) [in 2 configurations, e.g."
                + " {allocation.algorithm=kelly, allocation.kelly.fraction=3.0,"
                + " sleeves.mom.params.top=2}]",
            "Missing study.allocation.adaptive.benchmark (required: a symbol of the price data,"
                + " e.g. SPY) (grid.conf line 11, axis allocation.algorithm) [in 2"
                + " configurations, e.g. {allocation.algorithm=adaptive,"
                + " allocation.kelly.fraction=null, sleeves.mom.params.top=2}]");
  }

  @Test
  void gridsBeyondTheLimitAreRefusedBeforeExpanding() {
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      values.append(i).append(i < 1000 ? ", " : "");
    }
    Study s =
        study(
            """
            grid {
              "sleeves.mom.params.lookback" = [%1$s]
              "sleeves.rev.params.lookback" = [%1$s]
              "rebalance.cooldown" = [%1$s]
            }\
            """
                .formatted(values));

    StudyConfigException e =
        catchThrowableOfType(StudyConfigException.class, () -> GridExpander.expand(s));

    // 1000 x 1000 x 1000 = 1e9 > 5e7
    assertThat(e.problems())
        .containsExactly(
            "Invalid study.grid: more than 50000000 configurations (rebalance.cooldown (1000) x"
                + " sleeves.mom.params.lookback (1000) x sleeves.rev.params.lookback (1000) ="
                + " 1000000000); use fewer axis values, or split the study (grid-sample draws from"
                + " the expanded grid, so it does not help)");
  }

  @Test
  void theLimitCountsConfigurationsOnceAxesThatDoNotApplyAreLeftOut() {
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 10_000; i++) {
      values.append(i).append(i < 10_000 ? ", " : "");
    }
    // kelly: 10,000 x 10,000 = 1e8; fixed reads no lookback: 10,000 cooldowns; 100,010,000 > 5e7
    Study over =
        study(
            """
            grid {
              "allocation.algorithm" = [fixed, kelly]
              "allocation.lookback" = [%1$s]
              "rebalance.cooldown" = [%1$s]
            }\
            """
                .formatted(values));
    // fixed 1 + dynamic 10,000 = 10,001 configurations of 2 x 10,000 = 20,000 combinations
    Study under =
        study(
            """
            grid {
              "allocation.algorithm" = [fixed, dynamic]
              "allocation.lookback" = [%s]
            }\
            """
                .formatted(values));

    StudyConfigException e =
        catchThrowableOfType(StudyConfigException.class, () -> GridExpander.combinations(over));

    assertThat(e.problems())
        .containsExactly(
            "Invalid study.grid: more than 50000000 configurations (allocation.algorithm (2) x"
                + " allocation.lookback (10000) x rebalance.cooldown (10000) = 200000000, 100010000"
                + " once axes that do not apply are left out); use fewer axis values, or split the"
                + " study (grid-sample draws from the expanded grid, so it does not help)");
    assertThat(GridExpander.combinations(under)).isEqualTo(20_000);
  }

  @Test
  void summaryShowsAxesCountsAndFirstConfigurations() {
    Study s =
        study(
            """
            grid {
              "allocation.algorithm" = [fixed, dynamic]
              "allocation.lookback" = [21, 63]
            }\
            """);

    String text = StudySummary.validate(s, 2);

    List<StudyConfiguration> configs = GridExpander.expand(s);
    assertThat(text)
        .contains(
            "Study grid-test (grid.conf)",
            "  data:    datasets/demo",
            "    mom: momentum [EQ01, EQ02, EQ03] {lookback=60, top=2}",
            "    allocation.algorithm: 2 values [fixed, dynamic]",
            "    allocation.lookback: 2 values [21, 63]",
            "  grid:    4 combinations, 3 distinct configurations, 3 to run",
            "  first 2 configurations:",
            "    "
                + configs.get(0).configId()
                + "  allocation.algorithm=fixed  allocation.lookback=-",
            "    "
                + configs.get(1).configId()
                + "  allocation.algorithm=dynamic  allocation.lookback=21");
    assertThat(text).doesNotContain(configs.get(2).configId());
  }

  static List<String> ids(List<StudyConfiguration> configs) {
    List<String> ids = new ArrayList<>();
    for (StudyConfiguration c : configs) {
      ids.add(c.configId());
    }
    return ids;
  }
}
