package io.backgrid.spark.job;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints, every few seconds while a study runs, the configurations done / total, the rate and the
 * time left. Counts come from an accumulator, updated as tasks finish.
 */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private final long total;
  private final long before;
  private final LongSupplier done;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private final boolean terminal = Terminal.interactive();
  private long lastPrinted = -1;

  Progress(PrintStream out, long total, long alreadyDone, LongSupplier done, long everySeconds) {
    this.out = out;
    this.total = total;
    this.before = alreadyDone;
    this.done = done;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backgrid-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::print, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  /** Seconds since the start. */
  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Prints the progress line; on output that is not a terminal (a log, a pipe) only when the count
   * moved since the last line, so a log does not fill with the same line.
   */
  synchronized void print() {
    long computed = done.getAsLong();
    if (computed == lastPrinted && !terminal) {
      return;
    }
    lastPrinted = computed;
    out.println(line(computed));
  }

  String line(long computed) {
    double seconds = elapsedSeconds();
    double rate = seconds > 0 ? computed / seconds : 0;
    // Tasks retried after a lost executor count twice in the accumulator: never show more than the
    // total.
    long finished = Math.min(total, before + computed);
    long left = Math.max(0, total - finished);
    String eta = rate > 0 ? formatDuration(left / rate) : "?";
    return String.format(
        Locale.ROOT,
        "[backgrid] %,d / %,d configurations (%.1f%%), %.0f/s, %s elapsed, ETA %s",
        finished,
        total,
        total == 0 ? 100.0 : 100.0 * finished / total,
        rate,
        formatDuration(seconds),
        eta);
  }

  static String formatDuration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
