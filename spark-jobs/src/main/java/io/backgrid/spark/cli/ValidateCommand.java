package io.backgrid.spark.cli;

import io.backgrid.spark.config.RunChecks;
import io.backgrid.spark.config.RunNeeds;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.GridPlan;
import io.backgrid.spark.grid.StudySummary;
import io.backgrid.spark.job.Locations;
import io.backgrid.spark.job.RunEstimate;
import io.backgrid.spark.job.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a study and prints its grid without running anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a study file and print its grid size and first configurations; runs nothing.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "STUDY.conf", description = "the study file (HOCON)")
  Path file;

  @Option(
      names = "--first",
      defaultValue = "10",
      description = "how many configurations to list (default: ${DEFAULT-VALUE})")
  int first;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      description = "price table to check the study against instead of study.data (path or URI)")
  String data;

  @Option(
      names = "--estimate",
      description =
          "also time a sample of the grid's configurations on the data and estimate the run's"
              + " time")
  boolean estimate;

  @Override
  public Integer call() {
    Study study = StudyLoader.load(file);
    RunNeeds needs = new RunNeeds(study);
    GridPlan grid = GridExpander.plan(study, needs::add);
    // the same checks run makes before computing (one place: RunChecks), so validate refuses what
    // run would
    String location = data != null ? data : study.data();
    Configuration hadoop = SparkSessions.hadoopConfiguration();
    RunChecks.Outcome checked =
        RunChecks.check(study, needs, location, Locations.uri(location), hadoop);
    PrintWriter out = spec.commandLine().getOut();
    out.print(StudySummary.validate(study, grid, first));
    out.println("  " + checked.line());
    if (estimate && !checked.skipped()) {
      out.println("  " + RunEstimate.of(grid, location, hadoop, 20).line());
    } else if (estimate) {
      out.println("  estimate: not made, the data could not be checked");
    }
    out.flush();
    return 0;
  }
}
