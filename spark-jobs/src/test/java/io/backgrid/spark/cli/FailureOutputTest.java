package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What the console shows when a command fails in a way that is not bad input (a full disk in a
 * task, a refusal of backgrid's own that Spark wrapped): one or two lines and the log file's path,
 * no stack trace; the log file holds the detail. A command of the test's own fails as asked.
 */
class FailureOutputTest {
  @TempDir static Path dir;

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @CommandLine.Parameters(index = "0")
    String kind;

    @Override
    public Integer call() throws Exception {
      Failures.working("study 'demo'", true);
      CommandLog.start(dir.toString(), "demo");
      if (kind.equals("disk")) {
        throw new SparkException(
            "Job aborted due to stage failure: Task 1 in stage 3.0 failed 1 times, most recent"
                + " failure: Lost task 1.0 in stage 3.0 (TID 7): java.io.IOException: No space left"
                + " on device\n"
                + "\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)",
            new IOException("No space left on device"));
      }
      throw new SparkException(
          "Job aborted",
          new IllegalStateException(
              "Cannot run study 'demo': another run holds it (run 20261125T170000Z-1a on vm, pid"
                  + " 4242, since 17:00:00 UTC); wait for it or stop it"));
    }
  }

  @AfterEach
  void reset() {
    Failures.working(null, false);
  }

  static BackgridCliTest.Output boom(String kind) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BackgridCli()).addSubcommand("boom", new Boom());
    int exit =
        BackgridCli.run(cli, new PrintWriter(out, true), new PrintWriter(err, true), "boom", kind);
    return new BackgridCliTest.Output(exit, out.toString(), err.toString());
  }

  @Test
  void aFullDiskIsOneLineWithWhatIsKeptAndTheLogFileHoldsTheStackTrace() throws IOException {
    BackgridCliTest.Output o = boom("disk");
    assertThat(o.exit()).isEqualTo(BackgridCli.EXIT_BAD_INPUT);
    Path log = CommandLog.file();
    assertThat(log.getParent()).isEqualTo(dir.resolve(".backgrid-logs"));
    assertThat(o.err())
        .isEqualTo(
            "Cannot finish study 'demo': No space left on device; finished batches are kept: fix"
                + " the cause and rerun the same command to resume\n"
                + "[backgrid] details: "
                + log
                + "\n");
    assertThat(Files.readString(log))
        .contains("ERROR io.backgrid.cli: Cannot finish study 'demo'")
        .contains("org.apache.spark.SparkException: Job aborted due to stage failure")
        .contains("\tat ")
        .contains("Caused by: java.io.IOException: No space left on device");
  }

  @Test
  void aRefusalOfBackgridsOwnIsPrintedAsItIsAlsoInsideASparkException() {
    BackgridCliTest.Output o = boom("held");
    assertThat(o.exit()).isEqualTo(BackgridCli.EXIT_BAD_INPUT);
    assertThat(o.err())
        .isEqualTo(
            "Cannot run study 'demo': another run holds it (run 20261125T170000Z-1a on vm, pid"
                + " 4242, since 17:00:00 UTC); wait for it or stop it\n"
                + "[backgrid] details: "
                + CommandLog.file()
                + "\n");
  }
}
