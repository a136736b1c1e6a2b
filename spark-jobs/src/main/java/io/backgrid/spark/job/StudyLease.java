package io.backgrid.spark.job;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
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
    this.lease = path(root, study, generation);
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

  /** Generation {@code g} of a study's lease file under an output root. */
  static Path path(Path root, String study, long g) {
    return new Path(root, "." + study + ".lease-" + g);
  }

  /**
   * Takes the study for this run, taking over a stale lease (and saying so on {@code console}).
   *
   * @throws IllegalStateException naming the holder, its host and pid, since when it holds the
   *     study and its last heartbeat, when another run holds it
   */
  static StudyLease acquire(
      FileSystem fs, Path root, String study, String runId, Times times, PrintStream console) {
    FileSystem files = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    LeaseHolder me = LeaseHolder.current(study, runId);
    try {
      files.mkdirs(root);
      for (int tries = 0; tries < 20; tries++) {
        long top = newest(files, root, study);
        if (top < 0) {
          if (ExclusiveFiles.create(files, path(root, study, 0), me.bytes())) {
            if (newest(files, root, study) == 0) {
              return start(files, root, study, 0, me, times);
            }
            files.delete(
                path(root, study, 0),
                false); // a taker of a lease released meanwhile won: it holds the study
          }
          continue;
        }
        Path lease = path(root, study, top);
        byte[] seen = ExclusiveFiles.read(files, lease);
        if (seen == null) {
          continue; // released or taken over meanwhile: look again
        }
        LeaseHolder holder = LeaseHolder.parse(seen, study);
        if (holder == null && !LeaseHolder.isPrefix(seen, study)) {
          throw new IllegalStateException(
              "Cannot run study '"
                  + study
                  + "': "
                  + Ownership.display(lease)
                  + " exists and is not a backgrid lease of this study; move it away");
        }
        if (holder == null && tries < 10) {
          Thread.sleep(
              100); // a lease being written (visible before its content on some filesystems): read
          // it again
          continue;
        }
        long age = System.currentTimeMillis() - lastBeat(files, lease);
        boolean gone = holder != null && holder.host().equals(me.host()) && !alive(holder.pid());
        if (age < times.stale().toMillis() && !gone) {
          throw new IllegalStateException(held(study, holder, age, lease, times));
        }
        if (ExclusiveFiles.create(files, path(root, study, top + 1), me.bytes())) {
          files.delete(lease, false);
          deleteBeats(files, lease);
          if (holder != null) {
            console.printf(
                Locale.ROOT,
                "[backgrid] took over the lease of study %s from run %s (host %s, pid %d): %s%n",
                study,
                holder.runId(),
                holder.host(),
                holder.pid(),
                gone ? "its process is gone" : "no heartbeat for " + age / 1000 + " s");
          }
          return start(files, root, study, top + 1, me, times);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot take the lease of study '"
              + study
              + "' in "
              + Ownership.display(root)
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Cannot run study '" + study + "': interrupted while taking its lease", e);
    }
    throw new IllegalStateException(
        "Cannot run study '"
            + study
            + "': its lease in "
            + Ownership.display(root)
            + " changed hands while this run tried to take it; retry");
  }

  private static StudyLease start(
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
      deleteBeats(fs, lease);
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
      try (FSDataOutputStream out = fs.create(beatFile(lease, beat + 1), true)) {
        out.write(Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
      }
      if (beat > 0) {
        fs.delete(beatFile(lease, beat), false);
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
      long top = newest(fs, root, study);
      if (top > generation) {
        byte[] text = ExclusiveFiles.read(fs, path(root, study, top));
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

  private static String held(String study, LeaseHolder holder, long age, Path lease, Times times) {
    String who =
        holder == null
            ? "another run (starting now)"
            : "run "
                + holder.runId()
                + " (host "
                + holder.host()
                + ", pid "
                + holder.pid()
                + ") since "
                + LeaseHolder.time(holder.started());
    return "Cannot run study '"
        + study
        + "': it is held by "
        + who
        + ", last heartbeat "
        + age / 1000
        + " s ago (lease "
        + Ownership.display(lease)
        + "); wait until that run ends, or if it was killed, rerun once its lease is "
        + times.stale().toSeconds()
        + " s without a heartbeat";
  }

  /**
   * Whether a process of this host runs (a killed run's lease is free at once, not after {@code
   * stale}).
   */
  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The highest generation of the study's lease files, or -1 without one. */
  private static long newest(FileSystem fs, Path root, String study) throws IOException {
    Pattern name = Pattern.compile(Pattern.quote("." + study + ".lease-") + "(\\d{1,18})");
    long top = -1;
    FileStatus[] found = fs.globStatus(new Path(root, "." + study + ".lease-*"));
    for (FileStatus f : found == null ? new FileStatus[0] : found) {
      Matcher m = name.matcher(f.getPath().getName());
      if (m.matches()) {
        top = Math.max(top, Long.parseLong(m.group(1)));
      }
    }
    return top;
  }

  /**
   * When a lease's holder last showed it is alive: its newest heartbeat, or the lease's creation.
   */
  private static long lastBeat(FileSystem fs, Path lease) throws IOException {
    long last;
    try {
      last = fs.getFileStatus(lease).getModificationTime();
    } catch (FileNotFoundException e) {
      return System.currentTimeMillis();
    }
    FileStatus[] beats = fs.globStatus(beatFile(lease, -1));
    for (FileStatus b : beats == null ? new FileStatus[0] : beats) {
      last = Math.max(last, b.getModificationTime());
    }
    return last;
  }

  private static void deleteBeats(FileSystem fs, Path lease) throws IOException {
    FileStatus[] beats = fs.globStatus(beatFile(lease, -1));
    for (FileStatus b : beats == null ? new FileStatus[0] : beats) {
      fs.delete(b.getPath(), false);
    }
  }

  /** Heartbeat {@code n} of a lease ({@code n < 0}: the pattern of all of them). */
  private static Path beatFile(Path lease, long n) {
    return new Path(
        lease.getParent(), lease.getName() + ".beat-" + (n < 0 ? "*" : Long.toString(n)));
  }

  /** For tests: when the holder last renewed its heartbeat, epoch ms. */
  long lastBeat() {
    return lastBeat;
  }
}
