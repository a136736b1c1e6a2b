package io.backgrid.datasets.parquet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/** The Hadoop configuration this module reads and writes with, and part-file listing. */
final class HadoopFiles {
  private HadoopFiles() {}

  /**
   * {@code fs.defaultFS=file:///}, and the raw local file system for {@code file:} so no {@code
   * .crc} side files are written next to ours.
   */
  static Configuration conf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  static org.apache.hadoop.fs.Path hadoopPath(Path local) {
    return new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri());
  }

  /**
   * The Parquet files at a location: the file itself, or the {@code .parquet} files of a directory
   * (names starting with {@code _} or {@code .} skipped, as Spark does), in name order.
   */
  static List<org.apache.hadoop.fs.Path> parquetFiles(URI location, Configuration conf)
      throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      throw new IllegalArgumentException("Cannot read price data: " + location + " does not exist");
    }
    FileStatus status = fs.getFileStatus(path);
    if (status.isFile()) {
      return List.of(path);
    }
    FileStatus[] children = fs.listStatus(path);
    List<org.apache.hadoop.fs.Path> out = new ArrayList<>();
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (child.isFile()
          && name.endsWith(".parquet")
          && !name.startsWith("_")
          && !name.startsWith(".")) {
        out.add(child.getPath());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read price data: no .parquet file in directory " + location);
    }
    out.sort(null);
    return out;
  }

  static String[] names(List<org.apache.hadoop.fs.Path> paths) {
    String[] names = new String[paths.size()];
    Arrays.setAll(names, i -> paths.get(i).getName());
    return names;
  }
}
