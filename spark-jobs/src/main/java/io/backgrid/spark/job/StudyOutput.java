package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The directories of one study on any Hadoop filesystem:
 *
 * <pre>
 *   &lt;output&gt;/&lt;study&gt;/&lt;table&gt;/           the published tables: complete, or absent
 *   &lt;output&gt;/.&lt;study&gt;.lease-&lt;g&gt;            the run that holds the study ({@link StudyLease})
 *   &lt;output&gt;/.&lt;study&gt;.work/                work of a run not yet published:
 *       FINGERPRINT                          data and configuration fingerprints
 *       batches/NNNNN/&lt;table&gt;/ + _DONE       finished batches of configurations (_DONE: the rows of each file)
 *       batches/NNNNN/_tasks/                task attempts' files, until the batch commits ({@link BatchFiles})
 *       attempts/&lt;run&gt;                       each attempt at the study ({@link Attempt})
 *   &lt;output&gt;/.&lt;study&gt;.publish-&lt;run&gt;/       the next publication, being written
 * </pre>
 *
 * Publishing renames the current tables aside, renames the new ones into place, then deletes the
 * old: a reader sees the previous complete results or the new complete results. A crash between the
 * two renames is repaired by {@link #recover()} at the next start.
 *
 * <p>The study, work and publication directories carry this study's {@link Ownership} mark; a
 * directory without it is never deleted, replaced or renamed. Everything that deletes or replaces
 * first checks that this run still holds the study's lease.
 */
final class StudyOutput {
  private static final String DONE = "_DONE";
  private static final String FINGERPRINT = "FINGERPRINT";
  private static final String ATTEMPTS = "attempts";

  private final FileSystem fs;
  private final Path root;
  private final Path published;
  private final Path work;
  private final String study;
  private final Ownership owner;
  private StudyLease lease;

  StudyOutput(URI output, String study, Configuration conf) {
    try {
      this.fs = FileSystem.get(output, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open output " + output + ": " + e.getMessage(), e);
    }
    this.study = study;
    this.root = new Path(output);
    this.published = new Path(root, study);
    this.work = new Path(root, "." + study + ".work");
    this.owner = new Ownership(fs, study);
  }

  /**
   * Checks that the study's directories are absent or this study's, then takes the study's lease.
   *
   * @throws IllegalStateException for a directory backgrid did not write, or a study another run
   *     holds
   */
  StudyLease acquire(String runId, StudyLease.Times times, java.io.PrintStream console) {
    owner.requireOwnedOrAbsent(published);
    owner.requireOwnedOrAbsent(work);
    lease = StudyLease.acquire(fs, root, study, runId, times, console);
    return lease;
  }

  /**
   * Removes what killed runs left beside the published tables: publications being written ({@code
   * .<study>.publish-*}) and, once the tables are in place, tables renamed aside ({@code
   * .<study>.old-*}); only directories with this study's mark, and only while holding the lease.
   */
  void removeLeftovers() {
    guard("clean up after an earlier run of");
    try {
      List<Path> leftovers = new ArrayList<>(marked("." + study + ".publish-*"));
      if (fs.exists(published)) {
        leftovers.addAll(marked("." + study + ".old-*"));
      }
      for (Path p : leftovers) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot remove what an earlier run of study '"
              + study
              + "' left in "
              + Ownership.display(root)
              + ": "
              + e.getMessage(),
          e);
    }
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

  /** The batch and publication files of this study's filesystem. */
  BatchFiles files() {
    return new BatchFiles(fs);
  }

  /**
   * Takes back a batch's completion mark, before its files are moved into a publication: a driver
   * that dies mid-move leaves the batch unfinished (recomputed at the next run), never finished and
   * incomplete.
   */
  void unmarkDone(Path batch) {
    delete(new Path(batch, DONE));
  }

  /** Where the published tables are. */
  Path published() {
    return published;
  }

  /** A published table's directory. */
  Path table(String name) {
    return new Path(published, name);
  }

  boolean hasPublished(String table) {
    return exists(new Path(new Path(published, table), "_SUCCESS"));
  }

  /** Restores the published tables if a publication was cut between its two renames. */
  void recover() {
    guard("recover the published tables of");
    try {
      if (fs.exists(published)) {
        return;
      }
      List<Path> aside = marked("." + study + ".old-*");
      if (!aside.isEmpty()) {
        fs.rename(aside.get(aside.size() - 1), published);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot recover " + published + ": " + e.getMessage(), e);
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
    guard("start the work area of");
    try {
      if (fingerprint.equals(workFingerprint()) && owner.requireOwnedOrAbsent(work)) {
        return;
      }
      if (owner.requireOwnedOrAbsent(work)) {
        fs.delete(work, true);
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
    guard("update the work area of");
    requireWork();
    try (FSDataOutputStream out = fs.create(new Path(work, FINGERPRINT), true)) {
      out.write(fingerprint.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot update " + work + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the work area (if it is this study's). */
  void discardWork() {
    guard("delete the work area of");
    if (owner.requireOwnedOrAbsent(work)) {
      delete(work);
    }
  }

  /** Deletes the files of batch {@code n}, which did not finish. */
  void discardBatch(int n) {
    guard("delete a batch of");
    if (owner.owns(work)) {
      delete(batch(n));
    }
  }

  /** The directory of batch {@code n} (for a table: {@code batch(n)/<table>}). */
  Path batch(int n) {
    return new Path(new Path(work, "batches"), String.format("%05d", n));
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
    guard("read the work area of");
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

  /** Records an attempt's state in the work area ({@link AttemptLog#write}). */
  void writeAttempt(Attempt attempt, int update) {
    requireWork();
    new AttemptLog(fs, new Path(work, ATTEMPTS)).write(attempt, update);
  }

  /** The attempts recorded in the work area ({@link AttemptLog#read}). */
  List<Attempt> attempts() {
    return new AttemptLog(fs, new Path(work, ATTEMPTS)).read();
  }

  /** The number the next batch gets: one past the highest batch directory. */
  int nextBatch(List<Path> finished) {
    int next = 0;
    for (Path p : finished) {
      next = Math.max(next, Integer.parseInt(p.getName()) + 1);
    }
    return next;
  }

  /** A fresh directory, with this study's mark, to write the next publication into. */
  Path publication(String runId) {
    guard("write the publication of");
    Path p = new Path(root, "." + study + ".publish-" + runId);
    if (owner.requireOwnedOrAbsent(p)) {
      delete(p);
    }
    owner.mark(p);
    return p;
  }

  /** Deletes a publication that will not be published (if this run still holds the study). */
  void discardPublication(Path next) {
    guard("delete the publication of");
    if (owner.owns(next)) {
      delete(next);
    }
  }

  /** The study's name. */
  String study() {
    return study;
  }

  /** The filesystem of the study's directories. */
  FileSystem fs() {
    return fs;
  }

  /** Makes {@code next} the published tables, atomically for readers of each rename. */
  void publish(Path next, String runId) {
    guard("publish");
    Path aside = new Path(root, "." + study + ".old-" + runId);
    try {
      boolean had = owner.requireOwnedOrAbsent(published);
      if (had && !fs.rename(published, aside)) {
        throw new IOException("rename " + published + " -> " + aside + " failed");
      }
      if (!fs.rename(next, published)) {
        if (had) {
          fs.rename(aside, published);
        }
        throw new IOException("rename " + next + " -> " + published + " failed");
      }
      if (had) {
        fs.delete(aside, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + published + ": " + e.getMessage(), e);
    }
  }

  /**
   * The directories matching a pattern under the output root that carry this study's mark, sorted.
   */
  private List<Path> marked(String pattern) throws IOException {
    List<Path> out = new ArrayList<>();
    FileStatus[] found = fs.globStatus(new Path(root, pattern));
    for (FileStatus s : found == null ? new FileStatus[0] : found) {
      if (s.isDirectory() && owner.owns(s.getPath())) {
        out.add(s.getPath());
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Checks this run still holds the study before it changes something (no lease: unit tests of this
   * class).
   */
  private void guard(String action) {
    if (lease != null) {
      lease.check(action);
    }
  }

  private boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + p + ": " + e.getMessage(), e);
    }
  }

  private void delete(Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + p + ": " + e.getMessage(), e);
    }
  }
}
