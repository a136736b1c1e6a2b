package io.backgrid.spark.job;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a study's lease ({@link StudyLease}): generation {@code g} is {@code
 * <output>/.<study>.lease-<g>}, its heartbeats {@code .<study>.lease-<g>.beat-<n>}.
 */
final class LeaseFiles {
  private LeaseFiles() {}

  /** Generation {@code g} of a study's lease file under an output root. */
  static Path path(Path root, String study, long g) {
    return new Path(root, "." + study + ".lease-" + g);
  }

  /** The highest generation of the study's lease files, or -1 without one. */
  static long newest(FileSystem fs, Path root, String study) throws IOException {
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
  static long lastBeat(FileSystem fs, Path lease) throws IOException {
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

  /** Deletes every heartbeat of a lease. */
  static void deleteBeats(FileSystem fs, Path lease) throws IOException {
    FileStatus[] beats = fs.globStatus(beatFile(lease, -1));
    for (FileStatus b : beats == null ? new FileStatus[0] : beats) {
      fs.delete(b.getPath(), false);
    }
  }

  /** Heartbeat {@code n} of a lease ({@code n < 0}: the pattern of all of them). */
  static Path beatFile(Path lease, long n) {
    return new Path(
        lease.getParent(), lease.getName() + ".beat-" + (n < 0 ? "*" : Long.toString(n)));
  }
}
