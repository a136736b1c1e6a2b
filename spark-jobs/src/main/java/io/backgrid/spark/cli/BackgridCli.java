package io.backgrid.spark.cli;

import io.backgrid.spark.config.StudyConfigException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code backgrid run|validate|query ...}; {@code --help} on any command prints its usage. Exit
 * codes: 0 done (a study some of whose configurations FAILED included: a warning line says so), 1
 * bad input or a failed command (the message says why and where; the detail is in the log file it
 * names), 2 usage error, 3 a study none of whose configurations is OK, 130 interrupted (Ctrl-C).
 * Failures never print a stack trace on the console ({@link Failures}).
 */
@Command(
    name = "backgrid",
    mixinStandardHelpOptions = true,
    version = "backgrid 0.1.0",
    description = "Allocation-algorithm studies on Spark.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      QueryCommand.class,
      io.backgrid.spark.report.ReportCommand.class
    })
public final class BackgridCli implements Runnable {
  public static final int EXIT_BAD_INPUT = 1;
  public static final int EXIT_NOTHING_OK = 3;

  /** 128 + SIGINT, what a shell reports for a command ended by Ctrl-C. */
  public static final int EXIT_INTERRUPTED = 130;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether this JVM exits after its command ({@link #main}), not a warm JVM or a test's. */
  private static volatile boolean exitsAfterCommand;

  public static void main(String[] args) {
    io.backgrid.spark.job.Timings.mark("main: JVM started");
    exitsAfterCommand = true;
    installInterruptHook();
    int code =
        runCommand(
            new PrintWriter(System.out, true), new PrintWriter(System.err, true), () -> {}, args);
    CommandLog.divertStandardError(); // what Spark's threads print while the JVM exits
    System.exit(code);
  }

  /**
   * Whether this JVM exits after its one command ({@link #main}): a command may then leave work it
   * started for the exit to end (a Spark start for a study it refuses, see {@code RunCommand}).
   */
  static boolean exitsAfterCommand() {
    return exitsAfterCommand;
  }

  /** The command running in this JVM, for Ctrl-C's line; null before the first. */
  private static volatile Running running;

  private record Running(PrintWriter out, CountDownLatch returned, Runnable afterInterrupt) {}

  /**
   * Runs a command as {@link #main} does, in a JVM that may run several ({@link WarmServer}): if
   * the JVM is stopped (Ctrl-C) while it runs, the hook of {@link #installInterruptHook} prints its
   * interrupt line on {@code out}, then runs {@code afterInterrupt}.
   *
   * @return the exit code
   */
  static int runCommand(PrintWriter out, PrintWriter err, Runnable afterInterrupt, String... args) {
    Failures.started();
    Running command = new Running(out, new CountDownLatch(1), afterInterrupt);
    running = command;
    try {
      return run(out, err, args);
    } finally {
      io.backgrid.spark.job.Timings.mark("main: command returned");
      command.returned().countDown();
      Failures.finished();
    }
  }

  /**
   * Ctrl-C: the JVM runs its shutdown hooks and exits with 130; this one says what is kept. It
   * waits (briefly) for the command to return, which it does once Spark's own hook has stopped the
   * job, so that its line comes after the last progress line.
   */
  static void installInterruptHook() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Running command = running;
                  if (command != null && Failures.onShutdown() != null) {
                    // Spark's threads print what they were stopped doing (Scala futures report a
                    // rejected task's stack trace on standard error): into the log file, so the
                    // console keeps the one line that says what is kept
                    CommandLog.divertStandardError();
                    try {
                      command.returned().await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    // read after the command returned: a batch whose _DONE was being written when
                    // the signal came is counted once it is written
                    command.out().println();
                    command.out().println(Failures.interruptedLine());
                    command.out().flush();
                    command.afterInterrupt().run();
                  }
                },
                "backgrid-interrupt"));
  }

  /** Runs a command line; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(new CommandLine(new BackgridCli()), out, err, args);
  }

  /** Runs a command line on {@code cli} (tests add commands of their own to it). */
  static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    // a statement may start with a SQL comment ("-- ..."): query reads it as its SQL, and refuses
    // a word that only looks like an option itself (QueryCommand.call)
    cli.getSubcommands().get("query").setUnmatchedOptionsArePositionalParams(true);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof StudyConfigException c) {
            line.getErr()
                .println(
                    "Invalid study ("
                        + c.problems().size()
                        + " problem"
                        + (c.problems().size() == 1 ? "" : "s")
                        + "):");
            c.problems().forEach(p -> line.getErr().println("  " + p));
            return EXIT_BAD_INPUT;
          }
          return Failures.report(e, line.getErr());
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: run, validate or query");
  }
}
