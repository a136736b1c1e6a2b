package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a batch, from the task attempts that write them to the publication that takes them:
 *
 * <pre>
 *   &lt;batch&gt;/_tasks/&lt;partition&gt;-&lt;attempt id&gt;/&lt;table&gt;.parquet   what each task attempt wrote
 *   &lt;batch&gt;/&lt;table&gt;/part-&lt;partition&gt;.parquet                 the committed batch: one file per partition
 *   &lt;publication&gt;/&lt;table&gt;/part-&lt;batch&gt;-&lt;partition&gt;.parquet    the published table
 * </pre>
 *
 * Files are moved by rename, never copied or rewritten: the rows Spark would otherwise read back
 * and write again (millions per study) are written once, on the executors.
 */
final class BatchFiles {
  private static final String TASKS = "_tasks";
  private static final String SUCCESS = "_SUCCESS";

  private final FileSystem fs;

  BatchFiles(FileSystem fs) {
    this.fs = fs;
  }

  /** Where a batch's task attempts write. */
  static Path tasks(Path batch) {
    return new Path(batch, TASKS);
  }

  /** A task attempt's file of one table. */
  static Path taskFile(Path attempt, String table) {
    return new Path(attempt, table + ".parquet");
  }

  /**
   * Commits a batch: the files of the given attempts (one per partition, the ones Spark reported
   * successful) become the batch's tables; every other attempt's files are deleted.
   *
   * @return the rows of each committed file, by {@code <table>/<file name>}, as the tasks counted
   *     them
   */
  Map<String, Long> commit(Path batch, List<TaskFiles> attempts) {
    Map<String, Long> rows = new TreeMap<>();
    try {
      for (String table : Tables.PER_CONFIG) {
        mkdirs(new Path(batch, table));
      }
      for (TaskFiles a : attempts) {
        for (int k = 0; k < Tables.PER_CONFIG.size(); k++) {
          String table = Tables.PER_CONFIG.get(k);
          String name = String.format("part-%05d.parquet", a.partition());
          rename(taskFile(new Path(a.directory()), table), new Path(new Path(batch, table), name));
          rows.put(table + "/" + name, a.rows(k));
        }
      }
      fs.delete(tasks(batch), true);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit batch " + batch + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves a committed batch's files of a table into a publication's table directory (created if
   * needed), named after the batch so that files of different batches do not collide.
   *
   * @return the number of files moved
   */
  int moveInto(Path batch, String table, Path publication) {
    Path to = new Path(publication, table);
    try {
      mkdirs(to);
      FileStatus[] files =
          fs.listStatus(new Path(batch, table), p -> p.getName().endsWith(".parquet"));
      Arrays.sort(files);
      for (FileStatus f : files) {
        rename(f.getPath(), new Path(to, publishedName(batch, f.getPath().getName())));
      }
      return files.length;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot move " + table + " of " + batch + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /**
   * The name a batch's file gets in a publication: {@code part-<partition>} becomes {@code
   * part-<batch>-<partition>}.
   */
  static String publishedName(Path batch, String name) {
    return name.replace("part-", "part-" + batch.getName() + "-");
  }

  /**
   * The text of a finished batch's {@code _DONE} file: {@code configurations=<n>}, then a {@code
   * <table>/<file>=<rows>} line per committed file.
   */
  static String doneText(long configurations, Map<String, Long> rows) {
    StringBuilder text = new StringBuilder("configurations=").append(configurations).append('\n');
    rows.forEach((file, count) -> text.append(file).append('=').append(count).append('\n'));
    return text.toString();
  }

  /**
   * Reads the rows of each file from a batch's {@code _DONE} text into {@code rows}, by the name
   * each file gets in a publication ({@link #publishedName}).
   *
   * @throws NumberFormatException for a row count that is not a number
   */
  static void readDone(Path batch, String text, Map<String, Long> rows) {
    for (String line : text.split("\n")) {
      int eq = line.lastIndexOf('=');
      int slash = line.indexOf('/');
      if (slash > 0 && eq > slash) {
        rows.put(
            line.substring(0, slash) + "/" + publishedName(batch, line.substring(slash + 1, eq)),
            Long.parseLong(line.substring(eq + 1)));
      }
    }
  }

  /** Marks a table directory complete, as Spark's writers do. */
  void markSuccess(Path table) {
    try (FSDataOutputStream out = fs.create(new Path(table, SUCCESS), true)) {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark " + table + " complete: " + e.getMessage(), e);
    }
  }

  /** Creates a directory (and its parents). */
  void mkdirs(Path dir) {
    try {
      if (!fs.mkdirs(dir)) {
        throw new IOException("mkdirs " + dir + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }
}
