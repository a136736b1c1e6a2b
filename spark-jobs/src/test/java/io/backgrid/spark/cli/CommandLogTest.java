package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Function1;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Promise;
import scala.concurrent.Promise$;
import scala.util.Try;

/**
 * What Spark's driver prints on standard error while it stops (not through its logging) goes to the
 * command's log file, not to the console. The report is made as Spark makes it: an executor's reply
 * whose callback runs on a Scala execution context over a thread pool that {@code
 * SparkContext.stop} already shut down (the block manager master endpoint's ask pool), which Scala
 * reports by printing the {@code RejectedExecutionException}'s stack trace on {@link System#err}.
 */
class CommandLogTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream ownErr;

  @BeforeEach
  void captureStandardError() {
    ownErr = System.err;
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(ownErr);
    CommandLog.end();
  }

  /** An executor's reply arriving after the stop shut the endpoint's pool down. */
  private static void lateReply() {
    ExecutorService pool = Executors.newCachedThreadPool();
    pool.shutdownNow();
    Promise<String> reply = Promise$.MODULE$.apply();
    Function1<Try<String>, Object> callback = result -> null;
    reply.future().onComplete(callback, ExecutionContext.fromExecutorService(pool));
    reply.success("removed");
  }

  private String consoleText() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRejectedCallbackIsPrintedOnStandardErrorByScala() {
    // what the console showed: the report bypasses log4j (and so the log file's routing)
    CommandLog.start(dir.toString(), "demo");
    lateReply();
    assertThat(consoleText()).contains("java.util.concurrent.RejectedExecutionException");
    assertThat(CommandLog.written()).isNull();
  }

  @Test
  void whatIsPrintedWhileSparkStopsGoesToTheLogFileNotTheConsole() throws Exception {
    PrintStream before = System.err;
    Path log = CommandLog.start(dir.toString(), "demo");
    CommandLog.quietly(CommandLogTest::lateReply);
    assertThat(consoleText()).isEmpty();
    assertThat(CommandLog.written()).isEqualTo(log);
    assertThat(Files.readString(log))
        .contains("java.util.concurrent.RejectedExecutionException")
        .contains("rejected from java.util.concurrent.ThreadPoolExecutor");
    assertThat(System.err).isSameAs(before); // the console's again afterwards
    System.err.println("[backgrid] a line after the stop");
    assertThat(consoleText())
        .isEqualTo("[backgrid] a line after the stop" + System.lineSeparator());
  }

  @Test
  void aQuietStopLeavesNoLogFile() {
    CommandLog.start(dir.toString(), "demo");
    CommandLog.quietly(() -> System.err.flush());
    assertThat(CommandLog.written()).isNull();
    assertThat(dir.resolve(CommandLog.DIR)).isEmptyDirectory();
  }

  @Test
  void withoutALogFileWhatIsPrintedWhileSparkStopsIsDropped() {
    CommandLog.quietly(CommandLogTest::lateReply);
    assertThat(consoleText()).isEmpty();
  }

  @Test
  void afterTheCommandStandardErrorGoesToTheLogFileUntilTheJvmExits() throws Exception {
    Path log = CommandLog.start(dir.toString(), "demo");
    CommandLog.divertStandardError();
    lateReply();
    assertThat(consoleText()).isEmpty();
    assertThat(Files.readString(log)).contains("java.util.concurrent.RejectedExecutionException");
  }

  @Test
  void whatIsLoggedWhileHeldStaysOffTheConsoleAndGoesToTheLogFileOnceItIsKnown() throws Exception {
    CommandLog.hold();
    LogManager.getLogger("org.apache.spark.SparkContext").warn("a line Spark logs as it starts");
    assertThat(consoleAppenders()).isEmpty();
    assertThat(dir.resolve(CommandLog.DIR)).doesNotExist();

    Path log = CommandLog.start(dir.toString(), "demo");
    LogManager.getLogger("org.apache.spark.SparkContext").warn("a later line");

    assertThat(CommandLog.written()).isEqualTo(log);
    assertThat(Files.readString(log))
        .containsSubsequence(
            "WARN org.apache.spark.SparkContext: a line Spark logs as it starts",
            "WARN org.apache.spark.SparkContext: a later line");
    assertThat(consoleAppenders()).isEmpty();
  }

  @Test
  void aCommandThatEndsWhileHoldingLeavesNoLogFileAndGivesTheConsoleBack() {
    CommandLog.hold();
    LogManager.getLogger("org.apache.spark.SparkContext").warn("a line of a refused study's run");
    CommandLog.end();
    assertThat(dir.resolve(CommandLog.DIR)).doesNotExist();
    assertThat(consoleAppenders()).isNotEmpty();
  }

  /** The console appenders the root logger writes to. */
  private static List<Appender> consoleAppenders() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    return context.getConfiguration().getRootLogger().getAppenders().values().stream()
        .filter(a -> a instanceof ConsoleAppender)
        .toList();
  }
}
