package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.StudyConfiguration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A study on the demo data whose only axis is a pause rule's drawdown threshold: its configurations
 * differ only there, and their rows differ by it — the configs table shows each rule with its
 * threshold, the lifecycle events fire (or not) where each threshold is first crossed, and the
 * results follow.
 */
class LifecycleThresholdStudyTest {
  private static final String STUDY =
      """
      study {
        name = thresholds
        data = datasets/demo
        execution.fractional-shares = true
        sleeves = [
          { id = momentum, strategy = momentum, universe = [EQ01, EQ02, EQ03, EQ04, EQ05, EQ06], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02], params { weights = [0.6, 0.4] } }
        ]
        allocation { algorithm = fixed, weights = [0.5, 0.5] }
        rebalance.frequency = never
        lifecycle = [{ sleeve = momentum, action = pause, when = "drawdown > 0.05" }]
        grid { "lifecycle[0].threshold" = [0.05, 0.10, 0.95] }
      }
      """;

  @Test
  void rowsDifferByThresholdAndEachPauseFiresWhereItsThresholdIsFirstCrossed() {
    List<StudyConfiguration> configurations =
        GridExpander.expand(StudyLoader.load(STUDY, "thresholds.conf"));
    assertThat(configurations).hasSize(3);

    ConfigsTable table = ConfigsTable.of(configurations);
    List<String> columns = Arrays.asList(table.schema().fieldNames());
    List<Object> lifecycleColumn = new ArrayList<>();
    List<Object> axisColumn = new ArrayList<>();
    table
        .rows(configurations)
        .forEach(
            r -> {
              lifecycleColumn.add(r[columns.indexOf("lifecycle")]);
              axisColumn.add(r[columns.indexOf("lifecycle_0_threshold")]);
            });
    assertThat(lifecycleColumn)
        .containsExactly(
            "[{\"action\":\"pause\",\"sleeve\":\"momentum\",\"when\":\"drawdown > 0.05\"}]",
            "[{\"action\":\"pause\",\"sleeve\":\"momentum\",\"when\":\"drawdown > 0.1\"}]",
            "[{\"action\":\"pause\",\"sleeve\":\"momentum\",\"when\":\"drawdown > 0.95\"}]");
    assertThat(axisColumn).containsExactly(0.05, 0.10, 0.95);

    List<JobConfiguration> jobs = new ArrayList<>();
    configurations.forEach(c -> jobs.add(new JobConfiguration(c.configId(), c.config())));
    MarketPanel panel = StudyJob.loadPanel(DemoConfigurations.DATA, jobs);
    Simulator simulator = new Simulator(panel);
    List<List<Object[]>> events = new ArrayList<>();
    List<Long> finalNav = new ArrayList<>();
    List<LocalDate> firstCrossing = new ArrayList<>();
    for (JobConfiguration c : jobs) {
      FigureSetup.Outcome outcome = FigureSetup.of(panel, null).run(simulator, c);
      SimulationResult result = outcome.result();
      List<Object[]> mine = new ArrayList<>();
      ResultRows.of(
          c.configId(),
          outcome,
          (t, values) -> {
            if (t == Tables.PER_CONFIG.indexOf(Tables.LIFECYCLE_EVENTS)) {
              mine.add(values);
            }
          });
      events.add(mine);
      finalNav.add(result.finalNavCents());
    }
    // the unpaused momentum sleeve's drawdown path, from the run whose rule never fires
    SimulationResult never = simulator.run(configurations.get(2).config(), Detail.FULL);
    for (double threshold : new double[] {0.05, 0.10}) {
      firstCrossing.add(firstDateAbove(never, threshold));
    }

    assertThat(events.get(2)).isEmpty();
    for (int k = 0; k < 2; k++) {
      assertThat(events.get(k)).as("threshold %s", axisColumn.get(k)).hasSize(1);
      Object[] row = events.get(k).get(0);
      assertThat(row[0]).isEqualTo(configurations.get(k).configId());
      assertThat(row[1]).isEqualTo(firstCrossing.get(k));
      assertThat(row[2]).isEqualTo("momentum");
      assertThat(row[3]).isEqualTo("pause");
      assertThat((String) row[4])
          .startsWith("drawdown ")
          .endsWith(" > " + (k == 0 ? "0.05" : "0.1"));
    }
    assertThat(firstCrossing.get(0)).isBefore(firstCrossing.get(1));
    assertThat(finalNav).doesNotHaveDuplicates();
  }

  /**
   * The first date the momentum sleeve's drawdown from its peak NAV exceeds {@code threshold}
   * (without rebalances no capital flows, so its NAV is its flow-adjusted value).
   */
  private static LocalDate firstDateAbove(SimulationResult r, double threshold) {
    long[] nav = r.sleeveNavCents()[0];
    long peak = 0;
    for (int t = 0; t < nav.length; t++) {
      peak = Math.max(peak, nav[t]);
      if (1 - (double) nav[t] / peak > threshold) {
        return r.dates().get(t);
      }
    }
    throw new AssertionError("drawdown never exceeds " + threshold);
  }
}
