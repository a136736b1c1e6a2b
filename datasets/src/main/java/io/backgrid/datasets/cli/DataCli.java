package io.backgrid.datasets.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -cp <classpath> io.backgrid.datasets.cli.DataCli <command> ...}; {@code --help} on
 * any command prints its usage. Exit codes: 0 ok, 1 bad input data (the message names file, line
 * and value), 2 usage error.
 */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    version = "backgrid datasets 0.1.0",
    description =
        "Price tables for backgrid: ingest CSV/Parquet, generate synthetic markets, describe a"
            + " table.",
    subcommands = {IngestCommand.class, GenerateCommand.class, DescribeCommand.class})
public final class DataCli implements Runnable {
  /** Exit code for bad input data. */
  public static final int EXIT_BAD_DATA = 1;

  /** Exit code for a usage error. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs a command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new DataCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
            line.getErr().println(e.getMessage());
            return EXIT_BAD_DATA;
          }
          throw e;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: ingest, generate or describe");
  }
}
