package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
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
 * first checks that this run still holds the study's lease. The work area's files are kept by
 * {@link WorkArea}, to which the work methods here delegate.
 */
final class StudyOutput {
  private final FileSystem fs;
  private final Path root;
  private final Path published;
  private final Path work;
  private final String study;
  private final Ownership owner;
  private final WorkArea workArea;
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
    this.workArea = new WorkArea(fs, work, study, owner, this::guard);
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

  /** The batch and publication files of this study's filesystem. */
  BatchFiles files() {
    return new BatchFiles(fs);
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

  /** See {@link WorkArea#requireWork}. */
  void requireWork() {
    workArea.requireWork();
  }

  /** See {@link WorkArea#workFingerprint}. */
  String workFingerprint() {
    return workArea.workFingerprint();
  }

  /** See {@link WorkArea#startWork}. */
  void startWork(String fingerprint) {
    workArea.startWork(fingerprint);
  }

  /** See {@link WorkArea#retagWork}. */
  void retagWork(String fingerprint) {
    workArea.retagWork(fingerprint);
  }

  /** See {@link WorkArea#discardWork}. */
  void discardWork() {
    workArea.discardWork();
  }

  /** See {@link WorkArea#batch}. */
  Path batch(int n) {
    return workArea.batch(n);
  }

  /** See {@link WorkArea#discardBatch}. */
  void discardBatch(int n) {
    workArea.discardBatch(n);
  }

  /** See {@link WorkArea#markDone}. */
  void markDone(int n, long configurations, Map<String, Long> rows) {
    workArea.markDone(n, configurations, rows);
  }

  /** See {@link WorkArea#unmarkDone}. */
  void unmarkDone(Path batch) {
    workArea.unmarkDone(batch);
  }

  /** See {@link WorkArea#batchRows}. */
  Map<String, Long> batchRows(List<Path> batches) {
    return workArea.batchRows(batches);
  }

  /** See {@link WorkArea#finishedBatches}. */
  List<Path> finishedBatches() {
    return workArea.finishedBatches();
  }

  /** See {@link WorkArea#nextBatch}. */
  int nextBatch(List<Path> finished) {
    return workArea.nextBatch(finished);
  }

  /** See {@link WorkArea#writeAttempt}. */
  void writeAttempt(Attempt attempt, int update) {
    workArea.writeAttempt(attempt, update);
  }

  /** See {@link WorkArea#attempts}. */
  List<Attempt> attempts() {
    return workArea.attempts();
  }

  /** A fresh directory, with this study's mark, to write the next publication into. */
  Path publication(String runId) {
    guard("write the publication of");
    Path p = new Path(root, "." + study + ".publish-" + runId);
    if (owner.requireOwnedOrAbsent(p)) {
      delete(fs, p);
    }
    owner.mark(p);
    return p;
  }

  /** Deletes a publication that will not be published (if this run still holds the study). */
  void discardPublication(Path next) {
    guard("delete the publication of");
    if (owner.owns(next)) {
      delete(fs, next);
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

  /** Deletes {@code p} and what it holds; a failure names it. */
  static void delete(FileSystem fs, Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + p + ": " + e.getMessage(), e);
    }
  }
}
