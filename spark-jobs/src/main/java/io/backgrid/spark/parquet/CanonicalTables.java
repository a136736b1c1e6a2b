package io.backgrid.spark.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Makes a table directory that Spark's writer filled reproducible byte for byte: Spark names its
 * part files with a random job id ({@code part-00000-<uuid>-c000.zstd.parquet}) and writes the
 * footer's encoding lists in an order that changes between JVMs (see {@link
 * CanonicalFooterStream}). {@link #canonicalise} copies each part file, in the order of the
 * partitions that wrote them, to {@code part-NNNNN.parquet} with a canonical footer and removes the
 * original. Meant for the small tables a publication writes through Spark (equity paths, an empty
 * table's schema file): it copies every byte once.
 */
public final class CanonicalTables {
  private CanonicalTables() {}

  /**
   * Renames and rewrites the part files of one table directory written by Spark.
   *
   * @throws UncheckedIOException naming the directory when it cannot be read or written
   */
  public static void canonicalise(Path table, Configuration conf) {
    try {
      FileSystem fs = table.getFileSystem(conf);
      List<Path> parts = new ArrayList<>();
      for (FileStatus s :
          fs.listStatus(
              table, p -> p.getName().startsWith("part-") && p.getName().endsWith(".parquet"))) {
        parts.add(s.getPath());
      }
      parts.sort(null); // part-<partition>-<the one job id>-...: the partitions' order
      for (int i = 0; i < parts.size(); i++) {
        Path target = new Path(table, String.format(Locale.ROOT, "part-%05d.parquet", i));
        if (parts.get(i).getName().equals(target.getName())) {
          continue;
        }
        try (InputStream in = fs.open(parts.get(i));
            PositionOutputStream out =
                new CanonicalFooterStream(
                    HadoopOutputFile.fromPath(target, conf).createOrOverwrite(0))) {
          in.transferTo(out);
        }
        fs.delete(parts.get(i), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot rewrite the part files of " + table + ": " + e.getMessage(), e);
    }
  }
}
