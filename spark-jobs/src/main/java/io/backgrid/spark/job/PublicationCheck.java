package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The last check before a publication replaces the published tables: every table is there, every
 * part file is a Parquet file (its footer readable, so not empty or cut short), every file moved
 * from a batch holds the rows its task wrote, and the tables whose size the run knows have it (one
 * {@code portfolio_metrics} and one {@code configs} row per configuration, one {@code runs} row per
 * run). Row counts come from the footers: no Spark job, no row read.
 */
final class PublicationCheck {
  private static final int SHOWN = 5;

  private PublicationCheck() {}

  /**
   * Checks a publication.
   *
   * @param expectedFiles rows of each file moved in from a batch, by {@code <table>/<file name>}
   * @param expectedRows rows of the tables whose size the run knows, by table
   * @throws IllegalStateException listing the problems (the first five), when there is one
   */
  static void verify(
      FileSystem fs,
      Configuration conf,
      Path publication,
      String study,
      Map<String, Long> expectedFiles,
      Map<String, Long> expectedRows) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      for (String table : Tables.ALL) {
        Path dir = new Path(publication, table);
        if (!fs.exists(new Path(dir, "_SUCCESS"))) {
          problems.add("table " + table + " is missing or incomplete (no _SUCCESS)");
          continue;
        }
        long rows = 0;
        for (FileStatus f :
            fs.listStatus(
                dir, p -> p.getName().endsWith(".parquet") && !p.getName().startsWith("."))) {
          String name = table + "/" + f.getPath().getName();
          seen.add(name);
          long n = rows(f, conf, problems);
          Long expected = expectedFiles.get(name);
          if (n >= 0 && expected != null && n != expected) {
            problems.add(
                String.format(
                    Locale.ROOT,
                    "%s has %,d rows, its task wrote %,d",
                    Ownership.display(f.getPath()),
                    n,
                    expected));
          }
          rows += Math.max(0, n);
        }
        Long expected = expectedRows.get(table);
        if (expected != null && rows != expected) {
          problems.add(
              String.format(
                  Locale.ROOT, "table %s has %,d rows instead of %,d", table, rows, expected));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot check the publication " + Ownership.display(publication) + ": " + e.getMessage(),
          e);
    }
    for (String name : expectedFiles.keySet()) {
      if (!seen.contains(name)) {
        problems.add(Ownership.display(new Path(publication, name)) + " is missing");
      }
    }
    if (!problems.isEmpty()) {
      String listed =
          String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
              + (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : "");
      throw new IllegalStateException(
          "Cannot publish study '"
              + study
              + "': "
              + listed
              + "; the published tables are unchanged; rerun the same command to compute what is"
              + " missing");
    }
  }

  /** A part file's rows from its footer, or -1 (and a problem noted) when it has none. */
  private static long rows(FileStatus file, Configuration conf, List<String> problems) {
    if (file.getLen() == 0) {
      problems.add(Ownership.display(file.getPath()) + " is empty (0 bytes)");
      return -1;
    }
    try (ParquetFileReader reader =
        ParquetColumns.open(HadoopInputFile.fromStatus(file, conf), conf)) {
      return reader.getRecordCount();
    } catch (IOException | RuntimeException e) {
      problems.add(
          Ownership.display(file.getPath())
              + " is not a readable Parquet file ("
              + e.getMessage()
              + ")");
      return -1;
    }
  }
}
