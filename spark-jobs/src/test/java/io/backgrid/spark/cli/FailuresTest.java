package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console line of a failure: backgrid's own message as it is, anything else by its root cause.
 */
class FailuresTest {
  @AfterEach
  void reset() {
    Failures.working(null, false);
  }

  @Test
  void aFullDiskInATaskIsNamedByItsCauseWithWhatIsKept() {
    Failures.working("study 'demo'", true);
    SparkException e =
        new SparkException(
            "Job aborted due to stage failure: Task 3 in stage 2.0 failed 1 times, most recent"
                + " failure: Lost task 3.0 (TID 9): java.io.IOException: No space left on device\n"
                + "\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)",
            new IOException("No space left on device"));
    assertThat(Failures.message(e))
        .isEqualTo(
            "Cannot finish study 'demo': No space left on device; finished batches are kept: "
                + "fix the cause and rerun the same command to resume");
  }

  @Test
  void aMessageOfBackgridsOwnIsPrintedAsItIsAlsoWhenSparkWrappedIt() {
    IllegalStateException held =
        new IllegalStateException(
            "Cannot run study 'demo': it is held by run 20261125T1200Z-1a on host vm (pid 4242)"
                + " since 2026-11-25 12:00:03 UTC");
    assertThat(Failures.message(held)).isEqualTo(held.getMessage());
    UncheckedIOException gone =
        new UncheckedIOException(
            "Cannot write batch 3: the work directory /r/.demo.work was deleted "
                + "while the study ran; rerun the same command",
            new IOException("No such file or directory"));
    assertThat(Failures.message(new SparkException("Job aborted", gone)))
        .isEqualTo(gone.getMessage());
  }

  @Test
  void aLongMessageIsCutToTwoLines() {
    IllegalStateException e =
        new IllegalStateException(
            "first line\nsecond line\n\tat x.y.Z(Z.java:1)\n\tat a.b.C(C.java:2)");
    assertThat(Failures.message(e)).isEqualTo("first line\nsecond line");
  }

  @Test
  void anUnknownFailureNamesItsClassAndDoesNotPromiseAResumeWhenThereIsNone() {
    Failures.working("the query on /r/demo", false);
    RuntimeException e = new RuntimeException("wrapped", new ArithmeticException("/ by zero"));
    assertThat(Failures.message(e))
        .isEqualTo("Cannot finish the query on /r/demo: ArithmeticException: / by zero");
  }
}
