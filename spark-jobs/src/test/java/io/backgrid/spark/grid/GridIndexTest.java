package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.config.AxisValue;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GridIndexTest {
  /**
   * Sorted by path: an algorithm-specific axis before the algorithm axis, two after, two for all.
   */
  static final List<String> PATHS =
      List.of(
          "allocation.adaptive.x",
          "allocation.algorithm",
          "allocation.drawdown.y",
          "allocation.kelly.fraction",
          "allocation.lookback",
          "rebalance.cooldown");

  static final List<String> ALGORITHMS =
      List.of("fixed", "adaptive", "drawdown", "kelly", "dynamic");

  @Test
  @Timeout(10)
  void aGridOfFiftyMillionConfigurationsIsCountedAndIndexedWithoutListingOrBuildingThem() {
    Study s =
        GridExpanderTest.study(
            """
            grid {
              "allocation.algorithm" = [kelly, dynamic]
              "allocation.kelly.fraction" = [%s]
              "allocation.lookback" = [%s]
              "rebalance.cooldown" = [%s]
            }\
            """
                .formatted(range(1, 99, 0.01), range(1, 500, 1), range(0, 999, 1)));

    GridIndex index = GridIndex.of(s.axes(), s.template().baseAlgorithm());

    // 2 x 99 x 500 x 1000 = 99,000,000 combinations; kelly reads all axes (49,500,000),
    // dynamic no fraction (500 x 1000)
    assertThat(GridExpander.combinations(s)).isEqualTo(99_000_000L);
    assertThat(index.count()).isEqualTo(50_000_000L);
    assertThat(combination(index, 0, 4)).containsExactly(0, 0, 0, 0);
    assertThat(combination(index, 1_234_567, 4)).containsExactly(0, 2, 234, 567);
    assertThat(combination(index, 49_499_999, 4)).containsExactly(0, 98, 499, 999);
    assertThat(combination(index, 49_500_000, 4)).containsExactly(1, 0, 0, 0);
    assertThat(combination(index, 49_999_999, 4)).containsExactly(1, 0, 499, 999);
    PortfolioConfig last =
        s.template()
            .resolve(GridPlan.overrides(s, index, combination(index, 49_999_999, 4)))
            .config();
    assertThat(last.rebalancing().algorithm()).isEqualTo("dynamic");
    assertThat(last.rebalancing().lookback().bars()).isEqualTo(500);
    assertThat(last.rebalancing().cooldownBars()).isEqualTo(999);
  }

  @Test
  void indexingEqualsListingTheProductAndKeepingFirstOccurrences() {
    Random random = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      List<GridAxis> axes = new ArrayList<>();
      for (String path : PATHS) {
        if (random.nextDouble() < (path.equals("allocation.algorithm") ? 0.8 : 0.6)) {
          axes.add(axis(path, random));
        }
      }
      String base = ALGORITHMS.get(random.nextInt(ALGORITHMS.size()));
      GridIndex index = GridIndex.of(axes, base);
      List<int[]> expected = listed(axes, base);

      assertThat(index.count()).as("trial %d", trial).isEqualTo(expected.size());
      for (int k = 0; k < expected.size(); k++) {
        assertThat(combination(index, k, axes.size()))
            .as("trial %d, configuration %d", trial, k)
            .containsExactly(expected.get(k));
      }
    }
  }

  /**
   * The oracle: every combination of the product in grid order, kept when its values on the axes
   * that apply to its algorithm were not seen before (as the expansion did before indexing).
   */
  private static List<int[]> listed(List<GridAxis> axes, String base) {
    int algorithmAxis = -1;
    long total = 1;
    for (int a = 0; a < axes.size(); a++) {
      algorithmAxis = axes.get(a).path().equals("allocation.algorithm") ? a : algorithmAxis;
      total *= axes.get(a).size();
    }
    List<int[]> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int[] x = new int[axes.size()];
    for (long c = 0; c < total; c++) {
      String algorithm =
          algorithmAxis < 0
              ? base
              : (String) axes.get(algorithmAxis).values().get(x[algorithmAxis]).typed();
      StringBuilder key = new StringBuilder();
      int[] kept = new int[x.length];
      for (int a = 0; a < axes.size(); a++) {
        boolean applies = AxisRules.applies(axes.get(a).path(), algorithm);
        key.append(applies ? x[a] : "-").append(',');
        kept[a] = applies ? x[a] : 0;
      }
      if (seen.add(key.toString())) {
        out.add(kept);
      }
      for (int a = x.length - 1; a >= 0 && ++x[a] == axes.get(a).size(); a--) {
        x[a] = 0;
      }
    }
    return out;
  }

  private static GridAxis axis(String path, Random random) {
    List<AxisValue> values = new ArrayList<>();
    if (path.equals("allocation.algorithm")) {
      List<String> algorithms = new ArrayList<>(ALGORITHMS);
      Collections.shuffle(algorithms, random);
      for (String a : algorithms.subList(0, 1 + random.nextInt(algorithms.size()))) {
        values.add(new AxisValue(a, a, "test"));
      }
    } else {
      for (long v = 0, n = 1 + random.nextInt(4); v < n; v++) {
        values.add(new AxisValue(v, v, "test"));
      }
    }
    return new GridAxis(path, values, null);
  }

  private static int[] combination(GridIndex index, long k, int axes) {
    int[] x = new int[axes];
    index.combination(k, x);
    return x;
  }

  private static String range(int from, int to, double step) {
    StringBuilder values = new StringBuilder();
    for (int i = from; i <= to; i++) {
      values
          .append(values.length() == 0 ? "" : ", ")
          .append(step == 1 ? Integer.toString(i) : Double.toString(i * step));
    }
    return values.toString();
  }
}
