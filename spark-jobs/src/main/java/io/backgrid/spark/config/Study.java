package io.backgrid.spark.config;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.spark.job.DecisionSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bound study: everything {@code study { ... }} says, as plain values.
 *
 * @param name {@code [A-Za-z0-9_-]+}; tables go to {@code <output>/<name>/}
 * @param data the Parquet price table (a file, a directory or a URI), as written
 * @param output the output root, as written
 * @param axes the grid's axes, sorted by path (the order of the cartesian product: the last axis
 *     varies fastest)
 * @param sample optional sampling of the expanded grid
 * @param equity which configurations get the equity table
 * @param job Spark job settings
 * @param template the configuration the axes vary
 * @param source the study file's name, for messages
 * @param decision {@code walk-forward} and {@code overfitting} (issue 13); {@link
 *     DecisionSpec#NONE} when the study has neither
 * @param benchmark {@code study.benchmark}, or null without one
 */
public record Study(
    String name,
    String data,
    String output,
    List<GridAxis> axes,
    GridSample sample,
    EquitySpec equity,
    JobOptions job,
    StudyTemplate template,
    String source,
    DecisionSpec decision,
    BenchmarkPortfolio benchmark) {
  public Study {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    axes = List.copyOf(axes);
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(decision, "decision");
  }

  /**
   * The configuration as written, without any axis.
   *
   * @throws StudyConfigException when it is not valid on its own (an axis may be what makes the
   *     study valid, e.g. a grid of algorithms over a base block one of them refuses)
   */
  public PortfolioConfig baseConfig() {
    StudyTemplate.Resolution r = template.resolve(Map.of());
    if (!r.ok()) {
      throw new StudyConfigException(source, r.problems());
    }
    return r.config();
  }
}
