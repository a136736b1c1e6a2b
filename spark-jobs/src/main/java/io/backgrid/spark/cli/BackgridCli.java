package io.backgrid.spark.cli;

import io.backgrid.spark.config.StudyConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code backgrid run|validate|query ...}; {@code --help} on any command prints its usage. Exit
 * codes: 0 done, 1 bad input (a study, data or query that cannot run — the message says why and
 * where), 2 usage error.
 */
@Command(name = "backgrid", mixinStandardHelpOptions = true, version = "backgrid 0.1.0",
    description = "Allocation-algorithm studies on Spark.",
    subcommands = {RunCommand.class, ValidateCommand.class, QueryCommand.class, io.backgrid.spark.report.ReportCommand.class})
public final class BackgridCli implements Runnable {
  public static final int EXIT_BAD_INPUT = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs a command line; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new BackgridCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof StudyConfigException c) {
            line.getErr().println("Invalid study (" + c.problems().size() + " problem" + (c.problems().size() == 1 ? "" : "s") + "):");
            c.problems().forEach(p -> line.getErr().println("  " + p));
            return EXIT_BAD_INPUT;
          }
          if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
              || e instanceof org.apache.spark.sql.AnalysisException) {
            line.getErr().println(e.getMessage());
            return EXIT_BAD_INPUT;
          }
          throw e;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, validate or query");
  }
}
