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
  private static volatile boolean on =
      "1".equals(System.getenv("BACKGRID_TIMINGS")) || Boolean.getBoolean("backgrid.timings");

  /** The process start, in ms since the epoch (the JVM's own start when unknown). */
  private static long start =
      on
          ? ProcessHandle.current()
              .info()
              .startInstant()
              .map(Instant::toEpochMilli)
              .orElse(System.currentTimeMillis())
          : 0;

  private static long last = start;

  private Timings() {}

  /** Whether marks print. */
  public static boolean on() {
    return on;
  }

  /**
   * A command of a warm JVM ({@code WarmServer}) that started (the client's process) at {@code
   * startMillis}, ms since the epoch: its marks count from there, when {@code enabled}.
   */
  public static synchronized void command(boolean enabled, long startMillis) {
    on = enabled;
    start = startMillis;
    last = startMillis;
  }

  /** Prints the time at which {@code phase} ended (when on). */
  public static void mark(String phase) {
    if (on) {
      print(System.err, phase);
    }
  }

  private static synchronized void print(PrintStream err, String phase) {
    long now = System.currentTimeMillis();
    err.printf(
        Locale.ROOT,
        "[backgrid] timing %6.2f s (+%5.2f s) %s%n",
        (now - start) / 1000.0,
        (now - last) / 1000.0,
        phase);
    err.flush();
    last = now;
  }
}
