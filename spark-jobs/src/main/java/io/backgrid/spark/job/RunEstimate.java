package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.spark.grid.GridPlan;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * How long a study's simulation will take, from a timed sample of its grid run in this JVM (what
 * {@code validate --estimate} prints): the mean time of a configuration, times the grid, spread
 * over the cores. Spark's start-up and the publication come on top (seconds for a small study).
 *
 * @param sampled configurations timed
 * @param millisPerConfiguration mean wall time of one, on one core, in milliseconds
 * @param configurations the grid's size
 * @param cores the cores the estimate spreads the work over
 */
public record RunEstimate(
    int sampled, double millisPerConfiguration, int configurations, int cores) {

  /**
   * Times up to {@code sample} configurations spread evenly over the grid (after one untimed run,
   * which loads and compiles the engine's code).
   */
  public static RunEstimate of(GridPlan plan, String data, Configuration hadoop, int sample) {
    MarketPanel panel = StudyJob.loadPanel(data, plan.needs().request(), hadoop);
    Simulator simulator = new Simulator(panel);
    int n = Math.max(1, Math.min(sample, plan.size()));
    run(simulator, plan, 0);
    long start = System.nanoTime();
    for (int k = 0; k < n; k++) {
      run(simulator, plan, (int) ((long) k * plan.size() / n));
    }
    double millis = (System.nanoTime() - start) / 1e6 / n;
    return new RunEstimate(n, millis, plan.size(), Runtime.getRuntime().availableProcessors());
  }

  private static void run(Simulator simulator, GridPlan plan, int position) {
    try {
      simulator.run(plan.configuration(position).config(), Detail.SUMMARY);
    } catch (RuntimeException e) {
      // a configuration that fails is timed as it fails: the run records it as FAILED
    }
  }

  /** The simulation's estimated wall time in seconds, on {@link #cores} cores. */
  public double seconds() {
    return millisPerConfiguration * configurations / 1000.0 / Math.max(1, cores);
  }

  /** One line for the console. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "estimate: %.1f ms per configuration (%d timed), so about %s of simulation for %,d"
            + " configurations on %d cores, plus Spark's start and the publication (seconds)",
        millisPerConfiguration,
        sampled,
        Progress.formatDuration(Math.max(1, seconds())),
        configurations,
        cores);
  }
}
