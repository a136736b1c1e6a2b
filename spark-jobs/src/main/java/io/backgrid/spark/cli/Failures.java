package io.backgrid.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.spark.sql.AnalysisException;

/**
 * How a command that failed or was interrupted ends on the console: one or two lines saying what
 * happened and what to do, the full detail in the command's log file ({@link CommandLog}), whose
 * path is printed. Never a stack trace on the console.
 *
 * <p>backgrid's own code throws {@link IllegalArgumentException}, {@link IllegalStateException} and
 * {@link UncheckedIOException} with a complete user-facing message (the refusal of a second run of
 * a study, a deleted work directory, ...); such a message is printed as it is, also when Spark
 * wrapped it (a task's failure reaches the driver as a {@code SparkException} around it). Anything
 * else (a full disk: an {@code IOException} "No space left on device" in a task) is named by its
 * root cause, with what the command keeps and how to go on.
 */
final class Failures {
  /** What the running command works on, for the messages ("study 'demo'"); null until known. */
  private static volatile String subject;

  /** True when a rerun of the command resumes (a study run keeps its finished batches). */
  private static volatile boolean resumable;

  private static volatile boolean finished;

  /** Configurations whose results a rerun keeps, as the run last reported; -1 until known. */
  private static volatile long kept = -1;

  private Failures() {}

  /** Called as a command starts (a warm JVM runs several, one after the other). */
  static void started() {
    subject = null;
    resumable = false;
    finished = false;
    kept = -1;
  }

  /** Called by a command once it knows what it works on. */
  static void working(String what, boolean canResume) {
    subject = what;
    resumable = canResume;
    finished = false;
    kept = -1;
  }

  /** Called by a study run with the configurations a rerun would keep (after each batch). */
  static void kept(long configurations) {
    kept = configurations;
  }

  /** Called when the command returned: an interrupt after this point is no interruption. */
  static void finished() {
    finished = true;
  }

  /**
   * Prints a failure's lines to {@code err} and its detail to the log file.
   *
   * @return the exit code: {@link BackgridCli#EXIT_INTERRUPTED} when the JVM is shutting down
   *     (Ctrl-C: the interrupt line is printed by {@link #onShutdown}), else {@link
   *     BackgridCli#EXIT_BAD_INPUT}
   */
  static int report(Exception e, PrintWriter err) {
    if (shuttingDown()) {
      // Ctrl-C: Spark's shutdown hook stopped the context under the job, which is no failure of its
      // own (and logging may have shut down already): the hook's interrupt line says it all.
      return BackgridCli.EXIT_INTERRUPTED;
    }
    String message = message(e);
    CommandLog.failure(message, e);
    err.println(message);
    Path log = CommandLog.written();
    if (log != null && !(e instanceof IllegalArgumentException || e instanceof AnalysisException)) {
      err.println("[backgrid] details: " + log);
    }
    err.flush();
    return BackgridCli.EXIT_BAD_INPUT;
  }

  /** The console line of a failure (see the class comment). */
  static String message(Throwable e) {
    if (e instanceof AnalysisException) {
      return e.getMessage();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t instanceof IllegalArgumentException
              || t instanceof IllegalStateException
              || t instanceof UncheckedIOException)
          && t.getMessage() != null) {
        return firstLines(t.getMessage());
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = subject == null ? "the command" : subject;
    String cause =
        (root instanceof IOException ? "" : root.getClass().getSimpleName() + ": ")
            + (root.getMessage() == null
                ? root.getClass().getName()
                : firstLines(root.getMessage()).lines().findFirst().orElse(""));
    return "Cannot finish "
        + what
        + ": "
        + cause
        + (resumable
            ? "; finished batches are kept: fix the cause and rerun the same command to resume"
            : "");
  }

  /** The line Ctrl-C prints (from a shutdown hook), or null when the command had finished. */
  static String onShutdown() {
    return finished ? null : interruptedLine();
  }

  /** What an interrupted command says it kept, as the run last reported it. */
  static String interruptedLine() {
    if (resumable && kept >= 0) {
      return String.format(
          java.util.Locale.ROOT,
          "[backgrid] interrupted: %,d configurations kept; rerun to resume",
          kept);
    }
    return resumable
        ? "[backgrid] interrupted: finished batches are kept; rerun the same command to resume"
        : "[backgrid] interrupted";
  }

  /** True while the JVM runs its shutdown hooks (Ctrl-C, SIGTERM). */
  static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  /** At most the first two lines of a message (a Spark message may carry a whole stack trace). */
  private static String firstLines(String message) {
    String[] lines = message.strip().split("\\R", 3);
    return lines.length <= 2 ? String.join("\n", lines) : lines[0] + "\n" + lines[1];
  }
}
