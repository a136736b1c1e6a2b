package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.stats.BenchmarkSeries;
import io.backgrid.engine.stats.ConfigurationFigures;
import java.io.Serial;
import java.io.Serializable;

/**
 * What the executors need to accumulate each configuration's decision figures ({@link
 * ConfigurationFigures}): the benchmark's daily path, computed once on the driver from the panel
 * and broadcast, and the calendar years the panel spans (which size the per-year arrays).
 *
 * @param benchmark the study's benchmark path, or null without {@code study.benchmark}
 * @param maxYears the calendar years from the panel's first to its last date, ≥ 1
 */
record FigureSetup(BenchmarkSeries benchmark, int maxYears) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Periods per year of the daily figures, as the metrics use. */
  static final int PERIODS_PER_YEAR = 252;

  FigureSetup {
    if (maxYears < 1) {
      throw new IllegalArgumentException("Invalid maxYears: " + maxYears + " (must be >= 1)");
    }
  }

  /**
   * The setup for a panel.
   *
   * @param benchmark the study's benchmark path on the panel's dates, or null
   */
  static FigureSetup of(MarketPanel panel, BenchmarkSeries benchmark) {
    int years = panel.date(panel.barCount() - 1).getYear() - panel.date(0).getYear() + 1;
    return new FigureSetup(benchmark, years);
  }

  /** A configuration's simulation (summary detail) and the figures observed while it ran. */
  record Outcome(SimulationResult result, ConfigurationFigures figures) {}

  /** Runs one configuration, its figures accumulated as the bar loop goes. */
  Outcome run(Simulator simulator, JobConfiguration c) {
    ConfigurationFigures figures =
        new ConfigurationFigures(maxYears, PERIODS_PER_YEAR, c.config().riskFree(), benchmark);
    return new Outcome(simulator.run(c.config(), Detail.SUMMARY, figures), figures);
  }
}
