package io.backgrid.spark.query;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema of a table directory, read on the driver from its first part file's footer
 * (where both Spark and our own writer store it, as JSON, column comments included). Given to
 * {@code spark.read().schema(...)}, it spares the Spark job that schema inference runs for every
 * table (Spark reads footers "in parallel" even for one file): 8 jobs before a query's first answer
 * (issue 15).
 */
final class TableSchemas {
  /** The footer key under which Spark stores a file's Catalyst schema. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private TableSchemas() {}

  /**
   * The schema of the table in {@code table}, or null when it has no part file or its footer has no
   * Spark schema (Spark then infers it, as before).
   */
  static StructType of(FileSystem fs, Path table, Configuration conf) throws IOException {
    FileStatus[] parts =
        fs.listStatus(
            table,
            p ->
                p.getName().endsWith(".parquet")
                    && !p.getName().startsWith(".")
                    && !p.getName().startsWith("_"));
    if (parts.length == 0) {
      return null;
    }
    Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromStatus(parts[0], conf), HadoopReadOptions.builder(conf).build())) {
      String json =
          reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
      return json == null ? null : DataType.fromJson(json) instanceof StructType s ? s : null;
    }
  }
}
