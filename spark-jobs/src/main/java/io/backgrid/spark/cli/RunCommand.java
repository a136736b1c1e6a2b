package io.backgrid.spark.cli;

import io.backgrid.spark.config.RunChecks;
import io.backgrid.spark.config.RunNeeds;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.GridPlan;
import io.backgrid.spark.job.ConfigsTable;
import io.backgrid.spark.job.EquitySelection;
import io.backgrid.spark.job.Fingerprints;
import io.backgrid.spark.job.JobReport;
import io.backgrid.spark.job.JobSpec;
import io.backgrid.spark.job.Locations;
import io.backgrid.spark.job.SparkSessions;
import io.backgrid.spark.job.StudyConfigurations;
import io.backgrid.spark.job.StudyJob;
import io.backgrid.spark.job.Timings;
import io.backgrid.spark.report.ReportCommand;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a study on Spark and writes its tables. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a study: simulate every configuration of its grid on Spark and write the result tables"
          + " to",
      "<output>/<study>/. A rerun of the same study and data computes only what has no OK row yet."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "STUDY.conf", description = "the study file (HOCON)")
  Path file;

  @Option(names = "--data", description = "price table to use instead of study.data (path or URI)")
  String data;

  @Option(names = "--output", description = "output root instead of study.output (path or URI)")
  String output;

  @Option(
      names = "--partitions",
      description =
          "partitions to spread configurations over (default: study.job.partitions, else 4 per"
              + " core)")
  Integer partitions;

  @Option(
      names = "--batch-size",
      description = "configurations per batch: what an interrupted run keeps (default: 2000)")
  int batchSize;

  @Option(
      names = "--fresh",
      description = "discard earlier results of this study and recompute everything")
  boolean fresh;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      description = "Spark master when not started by spark-submit (default: ${DEFAULT-VALUE})")
  String master;

  @Option(
      names = "--report",
      description =
          "after the run, write the study's report to <output>/<study>-report.html (as 'backgrid"
              + " report' does)")
  boolean writeReport;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Study study = StudyLoader.load(file);
    Timings.mark("run: study read");
    Failures.working("study '" + study.name() + "'", true);
    // Spark starts only if the study has something to compute (a rerun may have nothing), or
    // early, while the grid is planned and the data checked, when it surely has
    SparkSessions.Lazy spark = new SparkSessions.Lazy("backgrid " + study.name(), master);
    if (startsSparkEarly(study)) {
      CommandLog.hold(); // Spark's lines wait for the log file: a refused study shows none
      spark.startEarly();
    }
    RunNeeds needs = new RunNeeds(study);
    GridPlan plan = GridExpander.plan(study, needs::add);
    Timings.mark("run: grid planned");
    // the data checks validate makes (RunChecks), before any Spark start-up: the same refusals,
    // word for word
    String location = data != null ? data : study.data();
    Configuration hadoop = SparkSessions.hadoopConfiguration();
    RunChecks.Outcome checked =
        RunChecks.check(study, needs, location, Locations.uri(location), hadoop);
    if (checked.skipped()) {
      out.println("[backgrid] " + checked.line());
    }
    Timings.mark("run: data checked");
    // Spark's log lines go to a file under the output root from here on (not before: a study
    // refused by
    // the checks above leaves nothing behind)
    CommandLog.start(output != null ? output : study.output(), study.name());
    ConfigsTable configs = ConfigsTable.of(plan);
    JobSpec job =
        new JobSpec(
            study.name(),
            data != null ? data : study.data(),
            output != null ? output : study.output(),
            partitions != null
                ? partitions
                : study.job().partitions() == null ? 0 : study.job().partitions(),
            new EquitySelection(study.equity().top(), study.equity().by(), study.equity().ids()),
            fresh,
            batchSize,
            study.decision(),
            study.benchmark());
    try {
      JobReport report =
          new StudyJob(spark, hadoop, spark.master(), System.out)
              .onKept(Failures::kept)
              .run(
                  job,
                  StudyConfigurations.of(plan),
                  configs.rows(plan),
                  configs.schema(),
                  Fingerprints.ids(plan.sortedIds()));
      out.printf(
          Locale.ROOT,
          "%n[backgrid] study %s done in %.1f s: %,d configurations (%,d OK, %,d FAILED), %,d"
              + " computed now, %,d from earlier runs%n",
          study.name(),
          report.seconds(),
          report.configurations(),
          report.configurations() - report.failed(),
          report.failed(),
          report.computed(),
          report.reused());
      out.println("[backgrid] best by Sharpe:");
      for (int i = 0; i < report.best().size(); i++) {
        out.println("  " + report.best().get(i));
        String axes = axes(plan, report.bestIds().get(i));
        if (!axes.isEmpty()) {
          out.println("      " + axes);
        }
      }
      out.println(
          "[backgrid] tables: "
              + report.tables()
              + "/{configs,portfolio_metrics,sleeve_metrics,sleeve_correlations,rebalances,lifecycle_events,period_returns,drawdowns,equity,runs"
              + (study.benchmark() == null ? "" : ",benchmark,benchmark_metrics")
              + (study.decision().any()
                  ? ",window_sums,walk_forward,walk_forward_summary,overfitting}"
                  : "}"));
      out.println(
          "[backgrid] query them: submit-scripts/query.sh " + report.tables() + " \"SELECT ...\"");
      if (writeReport) {
        ReportCommand.write(report.tables(), null, "sharpe", 10, out);
        Timings.mark("run: report");
      } else {
        out.println("[backgrid] report: submit-scripts/report.sh " + report.tables());
      }
      out.flush();
      return outcome(report, spec.commandLine().getErr());
    } finally {
      // what Spark's driver prints on standard error while it stops goes to the log file
      CommandLog.quietly(spark::close);
    }
  }

  /**
   * Whether to start Spark in the background while the grid is planned and the data checked (issue
   * 15: its ~1.6 s start, more on a busy machine, leaves the critical path): only in a JVM of its
   * own ({@link BackgridCli#main}, whose exit ends a start for a study then refused; a warm JVM has
   * its session), and only when the run surely computes: {@code --fresh}, or nothing of the study
   * under its (local) output root yet.
   */
  private boolean startsSparkEarly(Study study) {
    if (!BackgridCli.exitsAfterCommand()) {
      return false;
    }
    if (fresh) {
      return true;
    }
    try {
      URI root = Locations.uri(output != null ? output : study.output());
      return "file".equals(root.getScheme())
          && !Files.exists(Paths.get(root).resolve(study.name()));
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return false; // the run reports the output root's problem itself
    }
  }

  /** A configuration's grid axis values as validate lists them: "path=value ..." (or empty). */
  static String axes(GridPlan plan, String id) {
    int position = plan.indexOf(id);
    if (position < 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    plan.axisValues(position)
        .forEach(
            (path, value) -> {
              if (value != null) {
                parts.add(path + "=" + value);
              }
            });
    return String.join("  ", parts);
  }

  /**
   * The exit code of a finished study: 0, with a warning line when some configurations FAILED;
   * {@link BackgridCli#EXIT_NOTHING_OK} when none is OK (a study that produced nothing usable is
   * not a success for a script or a scheduler). Also names the log file when Spark logged there.
   */
  static int outcome(JobReport report, PrintWriter err) {
    java.nio.file.Path log = CommandLog.written();
    String errors =
        "submit-scripts/query.sh "
            + report.tables()
            + " \"SELECT config_id, error FROM portfolio_metrics WHERE status = 'FAILED'\"";
    int code = 0;
    if (report.configurations() > 0 && report.failed() == report.configurations()) {
      err.printf(
          Locale.ROOT,
          "[backgrid] no configuration is OK: all %,d FAILED; their errors: %s%n",
          report.failed(),
          errors);
      code = BackgridCli.EXIT_NOTHING_OK;
    } else if (report.failed() > 0) {
      err.printf(
          Locale.ROOT,
          "[backgrid] warning: %,d of %,d configurations FAILED; their errors: %s%n",
          report.failed(),
          report.configurations(),
          errors);
    }
    if (log != null) {
      err.println("[backgrid] Spark's warnings: " + log);
    }
    err.flush();
    return code;
  }
}
