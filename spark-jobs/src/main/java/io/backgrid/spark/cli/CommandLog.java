package io.backgrid.spark.cli;

import io.backgrid.spark.job.Locations;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The log file of one command: Spark's, Hadoop's and Parquet's log lines (WARN and above, as
 * conf/log4j2.properties sets) and the full detail of a failure go to a file instead of the
 * console, so that the console shows backgrid's own lines only.
 *
 * <p>The file is {@code <output>/.backgrid-logs/<study>-<UTC time>-<pid>.log} for a local output
 * root, next to the study's tables and work area (not inside the work area: a run removes that when
 * it publishes, and the file must outlive a failure that removed it). For an output on another
 * filesystem (hdfs://, s3a://) or a root that cannot be written, it is under {@code
 * java.io.tmpdir}/backgrid-logs. The file is created only when the first line is logged, so a quiet
 * run leaves nothing behind. Every run gets its own file (time and process id in the name), so
 * concurrent runs never write into one another's log. Needs log4j 2 core as the logging backend
 * (Spark's); with another backend logging is left as it is and {@link #file()} is null.
 */
final class CommandLog {
  static final String DIR = ".backgrid-logs";
  private static final String APPENDER = "backgrid-command-log";
  private static final Logger LOG = LogManager.getLogger("io.backgrid.cli");
  private static Path file;

  /** The events logged since {@link #hold()}, until {@link #start} writes them; or null. */
  private static Held held;

  private CommandLog() {}

  /** Keeps log events in memory (immutable copies), for {@link #start} to write to the file. */
  private static final class Held extends AbstractAppender {
    private final List<LogEvent> events = new ArrayList<>();

    Held() {
      super("backgrid-held-log", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public synchronized void append(LogEvent event) {
      events.add(event.toImmutable());
    }

    synchronized List<LogEvent> events() {
      return new ArrayList<>(events);
    }
  }

  /**
   * Keeps what is logged from now on (what Spark logs while it starts early, as a run plans its
   * grid) off the console until {@link #start} knows the file and writes it there: a study refused
   * meanwhile shows its problems only, and leaves no file behind.
   */
  static synchronized void hold() {
    if (held != null || !(LogManager.getContext(false) instanceof LoggerContext context)) {
      return;
    }
    Configuration config = context.getConfiguration();
    Held appender = new Held();
    appender.start();
    config.addAppender(appender);
    route(config, appender);
    context.updateLoggers();
    held = appender;
  }

  /**
   * Routes logging to this command's file.
   *
   * @param outputRoot the study's output root (path or URI), where the logs directory goes
   * @param name what the command works on (the study's name), the file name's start
   * @return the file (not created yet), or null when logging could not be routed
   */
  static synchronized Path start(String outputRoot, String name) {
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      return null;
    }
    Path dir = logDir(outputRoot);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .format(ZonedDateTime.now(ZoneOffset.UTC));
    Path log =
        dir.resolve(
            name.replaceAll("[^A-Za-z0-9._-]", "_")
                + "-"
                + stamp
                + "-"
                + ProcessHandle.current().pid()
                + ".log");
    Configuration config = context.getConfiguration();
    FileAppender appender =
        FileAppender.newBuilder()
            .setName(APPENDER)
            .withFileName(log.toString())
            .withCreateOnDemand(true)
            .setLayout(
                PatternLayout.newBuilder()
                    .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %p %c: %m%n%throwable")
                    .build())
            .setConfiguration(config)
            .build();
    appender.start();
    if (config instanceof AbstractConfiguration c) {
      c.removeAppender(
          APPENDER); // an earlier command's file in this JVM (tests run several): stopped
    }
    config.addAppender(appender);
    route(config, appender);
    if (held != null) { // what was logged meanwhile, in order, before anything later
      held.events().forEach(appender::append);
      held.stop();
      if (config instanceof AbstractConfiguration c) {
        c.removeAppender(held.getName());
      }
      held = null;
    }
    context.updateLoggers();
    file = log;
    return file;
  }

  /**
   * Sends what goes to the console (or is held) to {@code appender} instead, and the root logger's
   * events too.
   */
  private static void route(Configuration config, Appender appender) {
    List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
    loggers.add(config.getRootLogger());
    for (LoggerConfig logger : loggers) {
      boolean console = false;
      for (Appender a : new ArrayList<>(logger.getAppenders().values())) {
        if (a instanceof ConsoleAppender || a instanceof Held) {
          logger.removeAppender(a.getName());
          console = true;
        }
      }
      if (console || logger == config.getRootLogger()) {
        logger.addAppender(appender, null, null);
      }
    }
  }

  /**
   * Ends the command's file: logging goes back to what the configuration file says (a warm JVM's
   * own log between commands, not the last study's file).
   */
  static synchronized void end() {
    if ((file != null || held != null)
        && LogManager.getContext(false) instanceof LoggerContext context) {
      context.reconfigure();
    }
    file = null;
    held = null;
  }

  /** The log file of this command if it has been written to, else null. */
  static synchronized Path written() {
    return file != null && Files.exists(file) ? file : null;
  }

  /** The log file chosen by {@link #start} (it may not exist yet), or null. */
  static synchronized Path file() {
    return file;
  }

  /**
   * Runs {@code action} (stopping Spark) with standard error going to the command's log file, then
   * gives standard error back. Spark's driver reports some failures of its shutdown not through its
   * logging but on {@link System#err}: a reply from an executor that arrives after {@code
   * SparkContext.stop} shut the thread pool of the block manager master's endpoint down makes
   * Scala's {@code ExecutionContext.fromExecutorService} reporter print the {@code
   * RejectedExecutionException}'s stack trace (e.g. the removal of a broadcast destroyed just
   * before the stop, on a loaded {@code spark://} cluster). Backgrid's own lines are unaffected:
   * its error writer holds the console's stream.
   */
  static void quietly(Runnable action) {
    PrintStream console = System.err;
    PrintStream sink = standardErrorSink();
    System.setErr(sink);
    try {
      action.run();
    } finally {
      if (System.err == sink) { // not when Ctrl-C diverted it meanwhile, for the JVM's exit
        System.setErr(console);
      }
      sink.close();
    }
  }

  /**
   * From now on, standard error goes to the command's log file (or nowhere when there is none): for
   * the JVM's last moments (exit, Ctrl-C), when Spark's threads print what they were stopped doing.
   */
  static void divertStandardError() {
    System.setErr(standardErrorSink());
  }

  /** The command's log file as a stream, opened at its first line; nowhere without a file. */
  private static PrintStream standardErrorSink() {
    Path log = file();
    return new PrintStream(
        log == null ? OutputStream.nullOutputStream() : new LogFileOutput(log),
        true,
        StandardCharsets.UTF_8);
  }

  /** Logs a failure with its full detail (stack trace and causes) to the file. */
  static void failure(String summary, Throwable e) {
    LOG.error(summary, e);
  }

  private static Path logDir(String outputRoot) {
    URI uri;
    try {
      uri = Locations.uri(outputRoot);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri != null && "file".equals(uri.getScheme())) {
      Path dir = Paths.get(uri).resolve(DIR);
      try {
        Files.createDirectories(dir);
        if (Files.isWritable(dir)) {
          return dir;
        }
      } catch (java.io.IOException | SecurityException e) {
        // Not writable (a read-only share, or the output root is a file): the temporary directory
        // below.
      }
    }
    return Paths.get(System.getProperty("java.io.tmpdir"), "backgrid-logs");
  }
}
