package io.backgrid.spark.job;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * Per-phase timestamps of a command, for profiling the research loop (issue 15): with the
 * environment variable {@code BACKGRID_TIMINGS=1} (or {@code -Dbackgrid.timings=true}) each {@link
 * #mark} prints one line on standard error, {@code [backgrid] timing 12.34 s (+1.20 s) publish:
 * equity}: seconds since the process started (the JVM's start included), and since the previous
 * mark. Off by default: then a mark costs one boolean test.
 */
public final class Timings {
  private static final boolean ON =
      "1".equals(System.getenv("BACKGRID_TIMINGS")) || Boolean.getBoolean("backgrid.timings");

  /** The process start, in ms since the epoch (the JVM's own start when unknown). */
  private static final long START =
      ON
          ? ProcessHandle.current()
              .info()
              .startInstant()
              .map(Instant::toEpochMilli)
              .orElse(System.currentTimeMillis())
          : 0;

  private static long last = START;

  private Timings() {}

  /** Whether marks print. */
  public static boolean on() {
    return ON;
  }

  /** Prints the time at which {@code phase} ended (when on). */
  public static void mark(String phase) {
    if (ON) {
      print(System.err, phase);
    }
  }

  private static synchronized void print(PrintStream err, String phase) {
    long now = System.currentTimeMillis();
    err.printf(
        Locale.ROOT,
        "[backgrid] timing %6.2f s (+%5.2f s) %s%n",
        (now - START) / 1000.0,
        (now - last) / 1000.0,
        phase);
    err.flush();
    last = now;
  }
}
