package io.backgrid.spark.cli;

import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.StudySummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a study and prints its grid without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a study file and print its grid size and first configurations; runs nothing.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "STUDY.conf", description = "the study file (HOCON)")
  Path file;

  @Option(names = "--first", defaultValue = "10", description = "how many configurations to list (default: ${DEFAULT-VALUE})")
  int first;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Study study = StudyLoader.load(file);
    spec.commandLine().getOut().print(StudySummary.validate(study, first));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
