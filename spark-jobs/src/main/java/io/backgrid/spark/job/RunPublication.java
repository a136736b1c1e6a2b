package io.backgrid.spark.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Step 5 of {@link StudyJob}: assembles the next publication (reused rows, finished batches,
 * configs, equity paths, runs), checks it and makes it the published tables at once.
 */
final class RunPublication {
  private final Supplier<SparkSession> spark;
  private final Configuration hadoop;
  private final String master;

  /**
   * @param master the master the session runs on (recorded in the runs table)
   */
  RunPublication(Supplier<SparkSession> spark, Configuration hadoop, String master) {
    this.spark = spark;
    this.hadoop = hadoop;
    this.master = master;
  }

  /**
   * Publishes the run's tables.
   *
   * @return the configurations with status FAILED in the published tables
   */
  long publish(RunState run, Iterable<Object[]> configRows, StructType configSchema) {
    StudyOutput output = run.output;
    Path next = output.publication(run.runId);
    Publisher publisher = new Publisher(hadoop, output, next);
    List<Path> allBatches = output.finishedBatches();
    Map<String, Long> batchRows = output.batchRows(allBatches);
    allBatches.forEach(output::unmarkDone);
    for (String table : Tables.PER_CONFIG) {
      publisher.perConfigTable(table, run.reused, allBatches);
    }
    Timings.mark("publish: per-configuration tables");
    publisher.configs(configRows, configSchema);
    BenchmarkData.publish(run.figures.benchmark(), hadoop, output, next);
    Timings.mark("publish: configs");
    EquitySelection selection = run.spec.equity();
    run.best = new BestRows(publisher.metrics(BestRows.columns(selection.by())));
    List<JobConfiguration> selected = new ArrayList<>();
    for (String id : run.best.select(selection)) {
      selected.add(run.configurations.get(run.configurations.indexOf(id)));
    }
    publisher.equity(selected, run.panel, !run.spec.fresh());
    Timings.mark("publish: equity");
    MonthRows.publish(output, hadoop, next); // from the equity files, before the walk-forward NAV
    new DecisionStatistics(output.fs(), hadoop, next, run.spec.study())
        .publish(run.spec.decision(), run.panel, run.configurations);
    Timings.mark("publish: decision statistics");
    long failed = run.best.failed();
    List<Object[]> runs = new ArrayList<>(run.previous.runs());
    Set<String> recorded = new HashSet<>();
    runs.forEach(r -> recorded.add((String) r[0]));
    String[] before =
        run.workFingerprint == null
            ? new String[] {run.dataFingerprint, run.configFingerprint}
            : run.workFingerprint.split(" ", 2);
    for (Attempt a : run.interrupted) {
      if (!a.runId().equals(run.runId) && recorded.add(a.runId())) {
        runs.add(a.row(before[0], before.length > 1 ? before[1] : null));
      }
    }
    int size = run.configurations.size();
    int computed = run.toCompute;
    publisher.runs(
        runs,
        new Tables.RunRow(
            run.runId,
            run.started,
            System.currentTimeMillis(),
            size,
            computed,
            size - computed,
            failed,
            run.dataFingerprint,
            run.configFingerprint,
            Publisher.version(),
            master,
            RunStatus.OK));
    check(
        output,
        next,
        run.spec.study(),
        batchRows,
        Map.of(
            Tables.PORTFOLIO_METRICS,
            (long) size,
            Tables.CONFIGS,
            (long) size,
            Tables.RUNS,
            runs.size() + 1L));
    output.publish(next, run.runId);
    output.discardWork();
    return failed;
  }

  /** Checks a publication before it replaces the published tables; a refused one is deleted. */
  private void check(
      StudyOutput output,
      Path next,
      String study,
      Map<String, Long> batchRows,
      Map<String, Long> tableRows) {
    try {
      PublicationCheck.verify(output.fs(), hadoop, next, study, batchRows, tableRows);
    } catch (IllegalStateException e) {
      output.discardPublication(next);
      throw e;
    }
  }
}
