package io.backgrid.spark.job;

import io.backgrid.engine.stats.BenchmarkPortfolio;
import java.util.Objects;

/**
 * Where a study reads and writes, and how it is spread.
 *
 * @param study the study's name (the output directory's name)
 * @param data the price table: a Hadoop filesystem URI or a local path
 * @param output the output root: tables go to {@code <output>/<study>/<table>/}
 * @param partitions how many partitions to spread the configurations over, or 0 for automatic
 *     (about four per core, at most one per configuration)
 * @param equity which configurations get the equity table
 * @param fresh true to ignore previous results of the study and recompute everything
 * @param batchSize configurations per batch, the unit a resumed study keeps (a batch cut short is
 *     recomputed), or 0 for automatic: 2,000 (memory stays flat in the study size)
 * @param decision the walk-forward and overfitting statistics to compute (issue 13)
 * @param benchmark {@code study.benchmark}, or null without one: the benchmark-relative columns,
 *     the {@code benchmark} and {@code benchmark_metrics} tables
 */
public record JobSpec(
    String study,
    String data,
    String output,
    int partitions,
    EquitySelection equity,
    boolean fresh,
    int batchSize,
    DecisionSpec decision,
    BenchmarkPortfolio benchmark) {
  /** A spec without decision statistics or a benchmark. */
  public JobSpec(
      String study,
      String data,
      String output,
      int partitions,
      EquitySelection equity,
      boolean fresh,
      int batchSize) {
    this(study, data, output, partitions, equity, fresh, batchSize, DecisionSpec.NONE, null);
  }

  /** A spec with automatic batches, without decision statistics or a benchmark. */
  public JobSpec(
      String study,
      String data,
      String output,
      int partitions,
      EquitySelection equity,
      boolean fresh) {
    this(study, data, output, partitions, equity, fresh, 0);
  }

  public JobSpec {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(decision, "decision");
    if (partitions < 0) {
      throw new IllegalArgumentException(
          "Invalid partitions: " + partitions + " (must be >= 0; 0 = automatic)");
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException(
          "Invalid batch size: " + batchSize + " (must be >= 0; 0 = automatic)");
    }
  }
}
