package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A study's work area {@code <output>/.<study>.work/} (layout in {@link StudyOutput}): the
 * fingerprint of the work it holds, the finished batches with their {@code _DONE} records, and the
 * attempts at the study. It carries the study's {@link Ownership} mark; everything that deletes or
 * replaces first passes the study's guard (the lease still held).
 */
final class WorkArea {
  private static final String DONE = "_DONE";
  private static final String FINGERPRINT = "FINGERPRINT";
  private static final String ATTEMPTS = "attempts";

  private final FileSystem fs;
  private final Path work;
  private final String study;
  private final Ownership owner;
  private final Consumer<String> guard;

  /**
   * The work area {@code work} of {@code study} on {@code fs}.
   *
   * @param guard checks that this run still holds the study before an action ("delete the work area
   *     of"), throwing when it does not
   */
  WorkArea(FileSystem fs, Path work, String study, Ownership owner, Consumer<String> guard) {
    this.fs = fs;
    this.work = work;
    this.study = study;
    this.owner = owner;
    this.guard = guard;
  }

  /**
   * Checks that the work area is still there (a user may delete it while the run uses it).
   *
   * @throws IllegalStateException saying what happened and what to do, when it is gone
   */
  void requireWork() {
    if (!owner.owns(work)) {
      throw new IllegalStateException(
          "Cannot continue study '"
              + study
              + "': its work area "
              + Ownership.display(work)
              + " was deleted while this run was using it; nothing was published; rerun the same"
              + " command to start again");
    }
  }

  /** The fingerprint of the unpublished work, or null when there is none. */
  String workFingerprint() {
    Path file = new Path(work, FINGERPRINT);
    try {
      if (!fs.exists(file)) {
        return null;
      }
      try (var in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Starts a work area with this fingerprint (discarding any other). */
  void startWork(String fingerprint) {
    guard.accept("start the work area of");
    try {
      if (fingerprint.equals(workFingerprint()) && owner.requireOwnedOrAbsent(work)) {
        return;
      }
      // the work area is <output>/.<study>.work (the name [A-Za-z0-9_-]+); it is deleted only when
      // its ownership mark names this study (else this throws), under the study's lease
      if (owner.requireOwnedOrAbsent(work)) {
        StudyOutput.delete(fs, work);
      }
      owner.mark(work);
      try (FSDataOutputStream out = fs.create(new Path(work, FINGERPRINT), true)) {
        out.write(fingerprint.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start work in " + work + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives the work area another fingerprint, keeping its batches: the caller kept only batches
   * valid under it (a grid that changed, on the same data).
   */
  void retagWork(String fingerprint) {
    guard.accept("update the work area of");
    requireWork();
    try (FSDataOutputStream out = fs.create(new Path(work, FINGERPRINT), true)) {
      out.write(fingerprint.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot update " + work + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the work area (if it is this study's). */
  void discardWork() {
    guard.accept("delete the work area of");
    if (owner.requireOwnedOrAbsent(work)) {
      StudyOutput.delete(fs, work);
    }
  }

  /** The directory of batch {@code n} (for a table: {@code batch(n)/<table>}). */
  Path batch(int n) {
    return new Path(new Path(work, "batches"), String.format("%05d", n));
  }

  /** Deletes the files of batch {@code n}, which did not finish. */
  void discardBatch(int n) {
    guard.accept("delete a batch of");
    if (owner.owns(work)) {
      StudyOutput.delete(fs, batch(n));
    }
  }

  /** Marks a batch complete: all its tables are written ({@link BatchFiles#doneText}). */
  void markDone(int n, long configurations, Map<String, Long> rows) {
    requireWork();
    // Written aside and renamed: a _DONE exists whole or not at all, so a driver stopped while
    // writing it (Ctrl-C) leaves an unfinished batch, never one whose record cannot be read.
    Path writing = new Path(batch(n), DONE + ".writing");
    try {
      try (FSDataOutputStream out = fs.create(writing, true)) {
        out.write(BatchFiles.doneText(configurations, rows).getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(writing, new Path(batch(n), DONE))) {
        throw new IOException("rename of " + writing + " refused");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark batch " + n + " done: " + e.getMessage(), e);
    }
  }

  /**
   * Takes back a batch's completion mark, before its files are moved into a publication: a driver
   * that dies mid-move leaves the batch unfinished (recomputed at the next run), never finished and
   * incomplete.
   */
  void unmarkDone(Path batch) {
    StudyOutput.delete(fs, new Path(batch, DONE));
  }

  /**
   * The rows each file of these finished batches holds, by the name it gets in a publication
   * ({@code <table>/part-<batch>-<partition>.parquet}), as their {@code _DONE} files record them.
   */
  Map<String, Long> batchRows(List<Path> batches) {
    Map<String, Long> rows = new java.util.TreeMap<>();
    for (Path b : batches) {
      Path done = new Path(b, DONE);
      try (var in = fs.open(done)) {
        BatchFiles.readDone(b, new String(in.readAllBytes(), StandardCharsets.UTF_8), rows);
      } catch (IOException | NumberFormatException e) {
        throw new IllegalStateException(
            "Cannot read " + Ownership.display(done) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  /** The finished batches, in order; unfinished ones (a run cut mid-batch) are deleted. */
  List<Path> finishedBatches() {
    guard.accept("read the work area of");
    List<Path> done = new ArrayList<>();
    try {
      Path batches = new Path(work, "batches");
      if (!fs.exists(batches)) {
        return done;
      }
      FileStatus[] all = fs.listStatus(batches);
      java.util.Arrays.sort(all, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus s : all) {
        if (fs.exists(new Path(s.getPath(), DONE))) {
          done.add(s.getPath());
        } else {
          fs.delete(s.getPath(), true);
        }
      }
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + work + ": " + e.getMessage(), e);
    }
  }

  /** The number the next batch gets: one past the highest batch directory. */
  int nextBatch(List<Path> finished) {
    int next = 0;
    for (Path p : finished) {
      next = Math.max(next, Integer.parseInt(p.getName()) + 1);
    }
    return next;
  }

  /** Records an attempt's state in the work area ({@link AttemptLog#write}). */
  void writeAttempt(Attempt attempt, int update) {
    requireWork();
    new AttemptLog(fs, new Path(work, ATTEMPTS)).write(attempt, update);
  }

  /** The attempts recorded in the work area ({@link AttemptLog#read}). */
  List<Attempt> attempts() {
    return new AttemptLog(fs, new Path(work, ATTEMPTS)).read();
  }
}
