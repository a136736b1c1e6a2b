package io.backgrid.spark.job;

import io.backgrid.engine.stats.BenchmarkPortfolio;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The driver-side steps of {@link StudyJob} before any simulation: loading the prices the
 * configurations need, and deciding what earlier runs left that this one keeps.
 */
final class RunPreparation {
  private final Configuration hadoop;
  private final PrintStream console;

  RunPreparation(Configuration hadoop, PrintStream console) {
    this.hadoop = hadoop;
    this.console = console;
  }

  /** Step 2: the price panel the configurations need, and its fingerprint. */
  void load(RunState run) {
    console.println("[backgrid] loading prices from " + run.spec.data());
    run.panel = StudyJob.loadPanel(run.spec.data(), run.configurations.panelRequest(), hadoop);
    WeightFiles weights = WeightFiles.read(run.configurations, run.panel, hadoop);
    run.configurations = weights.configurations();
    BenchmarkPortfolio benchmark = run.spec.benchmark();
    run.figures =
        FigureSetup.of(
            run.panel,
            benchmark == null
                ? null
                : benchmark.series(
                    BenchmarkData.panel(run.panel, run.spec.data(), benchmark, hadoop)));
    run.dataFingerprint =
        BenchmarkData.fingerprint(weights.dataFingerprint(), run.figures.benchmark());
    WindowSumRows.folds(run.spec.decision(), run.panel); // refuses data shorter than train
  }

  /**
   * Step 3: what earlier runs left that this one keeps: the published OK rows of configurations
   * still in the study (when the data did not change) and the finished batches of an interrupted
   * attempt at the same configurations; what is left is to compute.
   */
  void resume(RunState run) {
    JobSpec spec = run.spec;
    StudyOutput output = run.output;
    run.previous = PreviousRuns.read(output, hadoop);
    run.workFingerprint = output.workFingerprint();
    run.interrupted = output.attempts();
    Set<String> reused = new HashSet<>();
    String[] work = run.workFingerprint == null ? null : run.workFingerprint.split(" ", 2);
    if (spec.fresh()) {
      output.discardWork();
    } else {
      refuseChanged(spec, work == null ? null : work[0], run.dataFingerprint, "an interrupted run");
      refuseChanged(
          spec, run.previous.dataFingerprint(), run.dataFingerprint, "the published results");
      reused.addAll(run.previous.okIds());
    }
    String fingerprint = run.dataFingerprint + " " + run.configFingerprint;
    if (work != null && !spec.fresh() && !fingerprint.equals(run.workFingerprint)) {
      // the same data, another set of configurations (a grid that grew or shrank): keep the
      // finished batches whose configurations are all still in the study
      for (Path batch : output.finishedBatches()) {
        for (String id : PreviousRuns.ids(output, List.of(batch), hadoop)) {
          if (run.configurations.indexOf(id) < 0) {
            output.discardBatch(Integer.parseInt(batch.getName()));
            break;
          }
        }
      }
      output.retagWork(fingerprint);
    }
    output.startWork(fingerprint);
    run.batches = output.finishedBatches();
    Set<String> inBatches = PreviousRuns.ids(output, run.batches, hadoop);
    run.todo = new PendingBatches(run.configurations, reused, inBatches);
    run.reused = run.todo.reused();
    run.toCompute = run.todo.size();
    int size = run.configurations.size();
    console.printf(
        Locale.ROOT,
        "[backgrid] study %s: %,d configurations, %,d to compute, %,d from earlier runs; %s%n",
        spec.study(),
        size,
        run.todo.size(),
        size - run.todo.size(),
        run.panel);
    if (!run.interrupted.isEmpty() && !inBatches.isEmpty()) {
      console.printf(
          Locale.ROOT,
          "[backgrid] resuming after %d interrupted attempt(s): %,d configurations in finished"
              + " batches%n",
          run.interrupted.size(),
          inBatches.size());
    }
  }

  private static void refuseChanged(JobSpec spec, String before, String now, String what) {
    if (before != null && !before.equals(now)) {
      throw new IllegalArgumentException(
          "Cannot resume study '"
              + spec.study()
              + "': the data it reads changed since "
              + what
              + " (data fingerprint "
              + before
              + ", now "
              + now
              + "; a changed price file, other symbols or dates, a changed weights file or"
              + " study.benchmark); rerun"
              + " with --fresh to recompute everything");
    }
  }
}
