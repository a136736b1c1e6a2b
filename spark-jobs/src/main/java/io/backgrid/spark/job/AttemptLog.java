package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The attempts at a study recorded in its work area ({@code attempts/<run>/<NNNNN>}, see {@link
 * Attempt}).
 */
final class AttemptLog {
  private final FileSystem fs;
  private final Path dir;

  AttemptLog(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  /**
   * Records an attempt's state in the work area: {@code attempts/<run>/<NNNNN>}, a new file per
   * update (never rewritten in place, so a driver killed mid-write leaves the previous state
   * readable); the update before is deleted once the new one is written.
   */
  void write(Attempt attempt, int update) {
    Path run = new Path(dir, attempt.runId());
    Path file = new Path(run, String.format("%05d", update));
    try {
      try (FSDataOutputStream out = fs.create(file, true)) {
        out.write(attempt.format().getBytes(StandardCharsets.UTF_8));
      }
      if (update > 0) {
        fs.delete(new Path(run, String.format("%05d", update - 1)), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The attempts recorded in the work area, in run id order (empty without a work area): for each,
   * its latest complete update; an attempt with none (killed during its first write) is left out.
   */
  List<Attempt> read() {
    List<Attempt> attempts = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return attempts;
      }
      FileStatus[] runs = fs.listStatus(dir);
      java.util.Arrays.sort(runs, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus run : runs) {
        FileStatus[] updates = fs.listStatus(run.getPath());
        java.util.Arrays.sort(
            updates, (a, b) -> b.getPath().getName().compareTo(a.getPath().getName()));
        for (FileStatus u : updates) {
          String text;
          try (var in = fs.open(u.getPath())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Attempt a = Attempt.parseComplete(text);
          if (a != null) {
            attempts.add(a);
            break;
          }
        }
      }
      return attempts;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the attempts in " + dir + ": " + e.getMessage(), e);
    }
  }
}
