package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/** What one run of {@link StudyJob} knows as its steps go (each step fills in its part). */
final class RunState {
  final JobSpec spec;
  StudyConfigurations configurations; // with the weight files read in load()
  final String configFingerprint;
  final StudyOutput output;
  final String runId;
  final long started;
  MarketPanel panel;
  FigureSetup figures;
  String dataFingerprint;
  PreviousRuns previous;
  String workFingerprint;
  List<Attempt> interrupted;
  List<Path> batches;
  PendingBatches todo;
  Set<String> reused;
  int toCompute;
  Attempt attempt;
  int updates;
  BestRows best;

  RunState(
      JobSpec spec,
      StudyConfigurations configurations,
      String configFingerprint,
      StudyOutput output,
      String runId,
      long started) {
    this.spec = spec;
    this.configurations = configurations;
    this.configFingerprint = configFingerprint;
    this.output = output;
    this.runId = runId;
    this.started = started;
  }
}
