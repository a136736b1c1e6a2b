package io.backgrid.spark.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time per study: a run holds the study while its lease file {@code
 * <output>/.<study>.lease-<g>} is the one with the highest generation {@code g}. The lease names
 * its holder ({@link LeaseHolder}: run id, host, pid, start) and never changes; the holder shows it
 * is alive by a heartbeat, a new file {@code .<study>.lease-<g>.beat-<n>} every {@link
 * Times#heartbeat()} (the previous one deleted after, so one always exists), written by a daemon
 * thread. A lease whose newest heartbeat (or the lease itself, before the first) is older than
 * {@link Times#stale()} belongs to a run that is gone, and so does, at once, a lease of this host
 * whose process is no longer running (a driver killed and rerun at once need not wait).
 *
 * <p>A run takes a free study by creating generation 0, and a stale lease {@code g} by creating
 * generation {@code g + 1} and then deleting {@code g}: the creation is exclusive, so of two runs
 * taking over the same stale lease exactly one wins, and the loser finds the winner's live lease
 * and is refused. Nothing is ever renamed or overwritten, so no run can move or replace a lease it
 * did not judge. A holder that was paused longer than {@code stale} finds a higher generation (or
 * its file gone) at its next {@link #check} and stops. The lease sits beside the work area, not in
 * it: the work area is discarded by {@code --fresh} and after publication while the lease is held.
 *
 * <p>Exclusive creation is what the lease needs. HDFS's {@code create(path, overwrite=false)} is
 * atomic; Hadoop's local filesystem checks, then creates (46 of 200 rounds of four threads had
 * several winners), so local paths are created with the operating system's exclusive create ({@code
 * O_EXCL}). On other filesystems the lease is as exclusive as their {@code create(path, false)}:
 * object stores without conditional writes cannot make it so.
 */
final class StudyLease implements AutoCloseable {
  /**
   * The lease's timing.
   *
   * @param heartbeat how often the holder renews its heartbeat, &gt; 0
   * @param stale how old a heartbeat makes the lease free for another run, ≥ 3 heartbeats (a slow
   *     filesystem or a long GC pause must not look like a dead holder)
   */
  record Times(Duration heartbeat, Duration stale) {
    static final Times DEFAULT = new Times(Duration.ofSeconds(10), Duration.ofSeconds(60));

    Times {
      if (heartbeat.isNegative()
          || heartbeat.isZero()
          || stale.compareTo(heartbeat.multipliedBy(3)) < 0) {
        throw new IllegalArgumentException(
            "Invalid lease times: heartbeat "
                + heartbeat
                + ", stale "
                + stale
                + " (heartbeat must be > 0 and stale >= 3 heartbeats)");
      }
    }
  }

  private final FileSystem fs;
  private final Path root;
  private final String study;
  private final long generation;
  private final Path lease;
  private final LeaseHolder me;
  private final byte[] mine;
  private final Times times;
  private final ScheduledExecutorService beats;
  private long beat;
  private volatile long lastBeat;
  private volatile String lost;
  private volatile String beatError = "";

  private StudyLease(
      FileSystem fs, Path root, String study, long generation, LeaseHolder me, Times times) {
    this.fs = fs;
    this.root = root;
    this.study = study;
    this.generation = generation;
    this.lease = LeaseFiles.path(root, study, generation);
    this.me = me;
    this.mine = me.bytes();
    this.times = times;
    this.lastBeat = System.currentTimeMillis();
    this.beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backgrid-lease-" + study);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Takes the study for this run, taking over a stale lease (and saying so on {@code console}).
   *
   * @throws IllegalStateException naming the holder, its host and pid, since when it holds the
   *     study and its last heartbeat, when another run holds it
   */
  static StudyLease acquire(
      FileSystem fs, Path root, String study, String runId, Times times, PrintStream console) {
    return LeaseAcquirer.acquire(fs, root, study, runId, times, console);
  }

  /** Holds the generation of the study's lease just created, and starts its heartbeat. */
  static StudyLease start(
      FileSystem fs, Path root, String study, long generation, LeaseHolder me, Times times) {
    StudyLease held = new StudyLease(fs, root, study, generation, me, times);
    long period = times.heartbeat().toMillis();
    held.beats.scheduleWithFixedDelay(held::beat, period, period, TimeUnit.MILLISECONDS);
    return held;
  }

  /**
   * Checks that this run still holds the study, before something only the holder may do.
   *
   * @param action what the run is about to do ("publish", "delete the work area of")
   * @throws IllegalStateException saying why the lease was lost, when it was
   */
  void check(String action) {
    String why = lost;
    if (why == null) {
      why = loss();
    }
    long silent = System.currentTimeMillis() - lastBeat;
    if (why == null && silent >= times.stale().toMillis()) {
      why = "its heartbeat failed for " + silent / 1000 + " s (" + beatError + ")";
    }
    if (why != null) {
      throw new IllegalStateException(
          "Cannot "
              + action
              + " study '"
              + study
              + "': this run ("
              + me.runId()
              + ") no longer holds the study's lease "
              + Ownership.display(lease)
              + ": "
              + why
              + "; rerun when no other run holds the study");
    }
  }

  /** Releases the study: stops the heartbeat and deletes the lease if it is still this run's. */
  @Override
  public void close() {
    beats.shutdownNow();
    try {
      beats.awaitTermination(10, TimeUnit.SECONDS);
      if (Arrays.equals(ExclusiveFiles.read(fs, lease), mine)) {
        fs.delete(lease, false);
      }
      LeaseFiles.deleteBeats(fs, lease);
    } catch (IOException | InterruptedException e) {
      // A lease that cannot be deleted goes stale and the next run takes it over: nothing to add
      // to the run's own outcome (which this must not hide).
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Renews the heartbeat (on the daemon thread), or notes that the lease is lost. */
  private void beat() {
    try {
      String why = loss();
      if (why != null) {
        lost = why;
        beats.shutdown();
        return;
      }
      try (FSDataOutputStream out = fs.create(LeaseFiles.beatFile(lease, beat + 1), true)) {
        out.write(Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
      }
      if (beat > 0) {
        fs.delete(LeaseFiles.beatFile(lease, beat), false);
      }
      beat++;
      lastBeat = System.currentTimeMillis();
    } catch (IOException | RuntimeException e) {
      beatError = e.getMessage();
    }
  }

  /** Why this run no longer holds the study, or null while it does. */
  private String loss() {
    try {
      long top = LeaseFiles.newest(fs, root, study);
      if (top > generation) {
        byte[] text = ExclusiveFiles.read(fs, LeaseFiles.path(root, study, top));
        LeaseHolder other = text == null ? null : LeaseHolder.parse(text, study);
        return other == null
            ? "another run is taking it over"
            : "run "
                + other.runId()
                + " (host "
                + other.host()
                + ", pid "
                + other.pid()
                + ") took it over at "
                + LeaseHolder.time(other.started());
      }
      return Arrays.equals(ExclusiveFiles.read(fs, lease), mine)
          ? null
          : "the lease file was deleted";
    } catch (IOException e) {
      return "it cannot be read (" + e.getMessage() + ")";
    }
  }

  /** For tests: when the holder last renewed its heartbeat, epoch ms. */
  long lastBeat() {
    return lastBeat;
  }
}
