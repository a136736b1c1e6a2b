package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.config.AxisValue;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyTemplate;
import io.backgrid.spark.job.ConfigsTable;
import io.backgrid.spark.job.Fingerprints;
import io.backgrid.spark.job.StudyConfigurations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridPlanTest {
  /**
   * Grids with axes that do not apply, before and after the algorithm axis, duplicates and samples.
   */
  static final List<String> GRIDS =
      List.of(
          "",
          """
          grid {
            "allocation.adaptive.benchmark" = [BD01, BD02]
            "allocation.algorithm" = [fixed, adaptive, kelly, dynamic]
            "allocation.kelly.fraction" = [0.25, 0.5, 1]
            "allocation.lookback" = [21, 63]
            "rebalance.frequency" = [monthly, quarterly]
          }\
          """,
          """
          grid {
            "sleeves.mom.params.lookback" = [60, 60.0, 20]
            "rebalance.frequency" = [daily, "every 1 bar", weekly]
            "allocation.algorithm" = [fixed, dynamic]
            "allocation.lookback" = [21, 63]
          }
          grid-sample { size = 7, seed = 5 }\
          """,
          """
          grid {
            "allocation.weights" = { random = 40, seed = 3 }
            "allocation.algorithm" = [risk-parity, fixed]
            "allocation.lookback" = [21, 63, 126]
          }
          grid-sample { size = 25, seed = 9 }\
          """,
          GridFixtures.FULL_WITH_GRID);

  @Test
  void planHasTheConfigurationsIdsAndOrderOfListingTheWholeGrid() {
    for (String grid : GRIDS) {
      Study s =
          grid.startsWith("study")
              ? io.backgrid.spark.config.StudyLoader.load(grid, "full.conf")
              : GridExpanderTest.study(grid);
      List<StudyConfiguration> expected = listed(s);

      GridPlan plan = GridExpander.plan(s);

      assertThat(plan.size()).as(grid).isEqualTo(expected.size());
      for (int i = 0; i < plan.size(); i++) {
        StudyConfiguration c = plan.configuration(i);
        assertThat(plan.id(i))
            .as(grid)
            .isEqualTo(expected.get(i).configId())
            .isEqualTo(c.configId());
        assertThat(c.axisValues())
            .as(grid)
            .isEqualTo(expected.get(i).axisValues())
            .isEqualTo(plan.axisValues(i));
        assertThat(c.canonicalJson()).as(grid).isEqualTo(expected.get(i).canonicalJson());
        assertThat(plan.indexOf(c.configId())).isEqualTo(i);
      }
    }
  }

  @Test
  void whatTheJobDerivesFromAPlanEqualsWhatItDerivedFromTheListedConfigurations() {
    for (String grid : GRIDS) {
      Study s =
          grid.startsWith("study")
              ? io.backgrid.spark.config.StudyLoader.load(grid, "full.conf")
              : GridExpanderTest.study(grid);
      List<StudyConfiguration> expected = listed(s);
      GridPlan plan = GridExpander.plan(s);

      List<String> ids = new ArrayList<>();
      DataNeeds needs = new DataNeeds();
      for (StudyConfiguration c : expected) {
        ids.add(c.configId());
        needs.add(c.config());
      }
      ids.sort(null);
      assertThat(Fingerprints.ids(plan.sortedIds())).as(grid).isEqualTo(Fingerprints.strings(ids));
      assertThat(plan.needs().request()).as(grid).isEqualTo(needs.request());
      assertThat(ConfigsTable.of(plan).schema())
          .as(grid)
          .isEqualTo(ConfigsTable.of(expected).schema());
      List<Object[]> rows = new ArrayList<>();
      ConfigsTable.of(plan).rows(plan).forEach(rows::add);
      List<Object[]> listedRows = new ArrayList<>();
      ConfigsTable.of(expected).rows(expected).forEach(listedRows::add);
      assertThat(rows).as(grid).usingRecursiveComparison().isEqualTo(listedRows);
    }
  }

  @Test
  void aPlanKeepsEachConfigurationAsPlanningResolvedItAndTheJobGetsThatOne() {
    for (String grid : GRIDS) {
      Study s =
          grid.startsWith("study")
              ? io.backgrid.spark.config.StudyLoader.load(grid, "full.conf")
              : GridExpanderTest.study(grid);
      GridPlan plan = GridExpander.plan(s);
      StudyConfigurations job = StudyConfigurations.of(plan);

      for (int i = 0; i < plan.size(); i++) {
        assertThat(plan.config(i))
            .as(grid)
            .isSameAs(plan.config(i))
            .isSameAs(plan.configuration(i).config())
            .isSameAs(job.get(i).config());
      }
    }
  }

  @Test
  void oneWriterForAGridWritesEachConfigurationAsToJsonDoes() {
    for (String grid : GRIDS) {
      Study s =
          grid.startsWith("study")
              ? io.backgrid.spark.config.StudyLoader.load(grid, "full.conf")
              : GridExpanderTest.study(grid);
      CanonicalConfig.Writer writer = new CanonicalConfig.Writer();
      // the listed configurations do not share sleeves across the writer's uses as a plan's do
      for (StudyConfiguration c : listed(s)) {
        assertThat(writer.toJson(c.config()))
            .as(grid)
            .isEqualTo(CanonicalConfig.toJson(c.config()));
      }
    }
  }

  @Test
  void anIdThatIsNotThePlansIsNotFound() {
    GridPlan plan =
        GridExpander.plan(GridExpanderTest.study("grid { \"rebalance.cooldown\" = [0, 1] }"));

    assertThat(plan.indexOf("0123456789abcdef")).isEqualTo(-1);
    assertThat(plan.indexOf("not-an-id")).isEqualTo(-1);
    assertThat(plan.indexOf(plan.id(1).toUpperCase())).isEqualTo(-1);
  }

  /**
   * The oracle, the expansion as it was before plans: every combination of the product built in
   * grid order, kept when its applying axis values and then its canonical JSON are new, then the
   * seeded draw over the list.
   */
  static List<StudyConfiguration> listed(Study study) {
    List<GridAxis> axes = study.axes();
    StudyTemplate template = study.template();
    int algorithmAxis = -1;
    long total = 1;
    for (int a = 0; a < axes.size(); a++) {
      algorithmAxis = axes.get(a).path().equals("allocation.algorithm") ? a : algorithmAxis;
      total *= axes.get(a).size();
    }
    int[] index = new int[axes.size()];
    Set<String> seenKeys = new HashSet<>();
    Set<String> seenJson = new HashSet<>();
    List<StudyConfiguration> out = new ArrayList<>();
    for (long c = 0; c < total; c++) {
      String algorithm =
          algorithmAxis < 0
              ? template.baseAlgorithm()
              : (String) axes.get(algorithmAxis).values().get(index[algorithmAxis]).typed();
      StringBuilder key = new StringBuilder();
      Map<String, Object> axisValues = new LinkedHashMap<>();
      Map<String, AxisValue> overrides = new LinkedHashMap<>();
      for (int a = 0; a < axes.size(); a++) {
        GridAxis axis = axes.get(a);
        boolean applies = AxisRules.applies(axis.path(), algorithm);
        key.append(applies ? index[a] : "-").append(',');
        axisValues.put(axis.path(), applies ? axis.values().get(index[a]).value() : null);
        if (applies) {
          overrides.put(axis.path(), axis.values().get(index[a]));
        }
      }
      if (seenKeys.add(key.toString())) {
        String json = CanonicalConfig.toJson(template.resolve(overrides).config());
        if (seenJson.add(json)) {
          out.add(
              new StudyConfiguration(
                  CanonicalConfig.configId(json),
                  axisValues,
                  template.resolve(overrides).config()));
        }
      }
      for (int a = index.length - 1; a >= 0 && ++index[a] == axes.get(a).size(); a--) {
        index[a] = 0;
      }
    }
    Integer size = study.sample().size();
    if (size == null || size >= out.size()) {
      return out;
    }
    int[] positions = new int[out.size()];
    Arrays.setAll(positions, i -> i);
    Random random = new Random(study.sample().seed());
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(positions.length - i);
      int t = positions[i];
      positions[i] = positions[j];
      positions[j] = t;
    }
    int[] chosen = Arrays.copyOf(positions, size);
    Arrays.sort(chosen);
    List<StudyConfiguration> sampled = new ArrayList<>();
    for (int p : chosen) {
      sampled.add(out.get(p));
    }
    return sampled;
  }
}
