package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The mark backgrid leaves in every directory it creates at the top of a study's area (the
 * published tables, the work area, a publication being written): a file {@value #MARKER} holding
 * {@code study=<name>}. A directory is removed or replaced only when it carries the mark of the
 * study being run, so a user's directory that sits where a study's output goes (the working
 * directory itself, with {@code output = ".."}) is never touched. Readers do not see the mark:
 * Spark and the query tool skip files whose names start with an underscore.
 *
 * <p>Directories of earlier backgrid versions carry no mark and are refused like any other; the
 * message says how a user adopts them (writes the mark), a decision backgrid does not take alone.
 */
final class Ownership {
  static final String MARKER = "_BACKGRID";

  private final FileSystem fs;
  private final String study;

  Ownership(FileSystem fs, String study) {
    this.fs = fs;
    this.study = study;
  }

  /** Creates {@code dir} (and its parents) and marks it as this study's. */
  void mark(Path dir) {
    try (FSDataOutputStream out = fs.create(new Path(dir, MARKER), true)) {
      out.write(content().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + display(dir) + ": " + e.getMessage(), e);
    }
  }

  /** True when {@code dir} exists and carries this study's mark. */
  boolean owns(Path dir) {
    Path marker = new Path(dir, MARKER);
    try {
      if (!fs.isFile(marker)) {
        return false;
      }
      try (var in = fs.open(marker)) {
        byte[] text = in.readNBytes(4096);
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
          if (line.trim().equals(content().trim())) {
            return true;
          }
        }
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + display(marker) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that backgrid may remove or replace {@code dir}: it is absent or carries this study's
   * mark.
   *
   * @return whether it exists
   * @throws IllegalStateException naming the path and what to do, for anything else
   */
  boolean requireOwnedOrAbsent(Path dir) {
    try {
      if (!fs.exists(dir)) {
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + display(dir) + ": " + e.getMessage(), e);
    }
    if (!owns(dir)) {
      throw new IllegalStateException(
          "Cannot write study '"
              + study
              + "' to "
              + display(dir)
              + ": it exists and was not written by backgrid for this study (no "
              + MARKER
              + " file naming study '"
              + study
              + "'); move it away or choose another output (to let backgrid replace results"
              + " of an earlier version, write study="
              + study
              + " into "
              + display(new Path(dir, MARKER))
              + ")");
    }
    return true;
  }

  private String content() {
    return "study=" + study + "\n";
  }

  /** A local path as a plain path, anything else as its URI. */
  static String display(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }
}
