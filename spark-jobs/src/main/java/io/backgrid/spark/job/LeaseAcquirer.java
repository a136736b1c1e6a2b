package io.backgrid.spark.job;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Takes a study's lease for a run ({@link StudyLease#acquire}): creates generation 0 of a free
 * study, or generation {@code g + 1} over a stale lease {@code g}, and refuses a study another run
 * holds, naming that run.
 */
final class LeaseAcquirer {
  private LeaseAcquirer() {}

  /** See {@link StudyLease#acquire}. */
  static StudyLease acquire(
      FileSystem fs,
      Path root,
      String study,
      String runId,
      StudyLease.Times times,
      PrintStream console) {
    FileSystem files = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    LeaseHolder me = LeaseHolder.current(study, runId);
    try {
      files.mkdirs(root);
      for (int tries = 0; tries < 20; tries++) {
        long top = LeaseFiles.newest(files, root, study);
        if (top < 0) {
          if (ExclusiveFiles.create(files, LeaseFiles.path(root, study, 0), me.bytes())) {
            if (LeaseFiles.newest(files, root, study) == 0) {
              return StudyLease.start(files, root, study, 0, me, times);
            }
            files.delete(
                LeaseFiles.path(root, study, 0),
                false); // a taker of a lease released meanwhile won: it holds the study
          }
          continue;
        }
        Path lease = LeaseFiles.path(root, study, top);
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
        long age = System.currentTimeMillis() - LeaseFiles.lastBeat(files, lease);
        boolean gone = holder != null && holder.host().equals(me.host()) && !alive(holder.pid());
        if (age < times.stale().toMillis() && !gone) {
          throw new IllegalStateException(held(study, holder, age, lease, times));
        }
        if (ExclusiveFiles.create(files, LeaseFiles.path(root, study, top + 1), me.bytes())) {
          files.delete(lease, false);
          LeaseFiles.deleteBeats(files, lease);
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
          return StudyLease.start(files, root, study, top + 1, me, times);
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

  private static String held(
      String study, LeaseHolder holder, long age, Path lease, StudyLease.Times times) {
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
}
