package io.backgrid.spark.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A study's published tables read with the Parquet reader directly, without Spark: the tables a
 * report reads are small aggregates (a few MB for 100,000 configurations), where a SparkSession's
 * start-up would cost more than the reading (BENCHMARKS.md, "Report"). Any Hadoop filesystem URI
 * works ({@code file:}, {@code hdfs:}, {@code s3a:} with its connector on the classpath).
 */
final class TableFiles {
  private final URI studyDir;
  private final Configuration conf;

  TableFiles(URI studyDir) {
    this.studyDir = studyDir;
    this.conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    // Spark writes timestamps as INT96, which parquet-avro refuses unless read as fixed bytes.
    conf.setBoolean(AvroReadSupport.READ_INT96_AS_FIXED, true);
  }

  URI studyDir() {
    return studyDir;
  }

  /**
   * Whether the study has the table: a directory with Spark's {@code _SUCCESS} mark or a Parquet
   * file.
   */
  boolean exists(String table) {
    try {
      return !files(table).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location(table) + ": " + e.getMessage(), e);
    }
  }

  /** The table's column names (empty when the table does not exist). */
  List<String> columns(String table) {
    List<String> names = new ArrayList<>();
    for (Type t : schema(table)) {
      names.add(t.getName());
    }
    return names;
  }

  /**
   * The table's top-level Parquet fields, from its first file's footer (empty when it does not
   * exist).
   */
  List<Type> schema(String table) {
    try {
      List<Path> files = files(table);
      if (files.isEmpty()) {
        return List.of();
      }
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromPath(files.get(0), conf))) {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        return List.copyOf(schema.getFields());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location(table) + ": " + e.getMessage(), e);
    }
  }

  /** Passes every row (that the filter keeps) to the consumer. */
  void scan(String table, FilterCompat.Filter filter, Consumer<GenericRecord> rows) {
    try {
      for (Path file : files(table)) {
        try (ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withFilter(filter)
                .build()) {
          GenericRecord rec;
          while ((rec = reader.read()) != null) {
            rows.accept(rec);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location(table) + ": " + e.getMessage(), e);
    }
  }

  private URI location(String table) {
    String base = studyDir.toString();
    return URI.create(base.endsWith("/") ? base + table : base + "/" + table);
  }

  private List<Path> files(String table) throws IOException {
    Path dir = new Path(location(table));
    FileSystem fs = dir.getFileSystem(conf);
    List<Path> out = new ArrayList<>();
    if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
      return out;
    }
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (child.isFile()
          && name.endsWith(".parquet")
          && !name.startsWith("_")
          && !name.startsWith(".")) {
        out.add(child.getPath());
      }
    }
    out.sort(null);
    return out;
  }

  // ---- value helpers: Avro's generic values as plain Java ----

  /** A column's value as a double; NaN when null or absent. */
  static double number(GenericRecord r, String column) {
    Object v = r.hasField(column) ? r.get(column) : null;
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A column's value as text; null when null or absent. */
  static String text(GenericRecord r, String column) {
    Object v = r.hasField(column) ? r.get(column) : null;
    return v == null ? null : v.toString();
  }

  /**
   * A date column (days since 1970-01-01, Parquet's DATE) as an epoch day; {@code
   * Integer.MIN_VALUE} when null or absent.
   */
  static int day(GenericRecord r, String column) {
    Object v = r.hasField(column) ? r.get(column) : null;
    return v instanceof Number n ? n.intValue() : Integer.MIN_VALUE;
  }

  /**
   * A timestamp column as an instant: Spark's INT96 (8 bytes of nanoseconds of the day, then 4
   * bytes of the Julian day, little-endian) or microseconds since the epoch; null when null.
   */
  static Instant instant(GenericRecord r, String column) {
    Object v = r.hasField(column) ? r.get(column) : null;
    if (v instanceof GenericData.Fixed f && f.bytes().length == 12) {
      ByteBuffer b = ByteBuffer.wrap(f.bytes()).order(ByteOrder.LITTLE_ENDIAN);
      long nanos = b.getLong();
      long julianDay = b.getInt();
      long epochDay = julianDay - 2_440_588L;
      return Instant.ofEpochSecond(epochDay * 86_400L, 0).plusNanos(nanos);
    }
    if (v instanceof Long micros) {
      return Instant.ofEpochSecond(
          Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
    return null;
  }

  /** An array column of numbers; null when null or absent. */
  static double[] numbers(GenericRecord r, String column) {
    Object v = r.hasField(column) ? r.get(column) : null;
    if (!(v instanceof List<?> list)) {
      return null;
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object x = list.get(i);
      // Spark's 3-level list: each element may arrive wrapped in a record with one field.
      if (x instanceof GenericRecord e) {
        x = e.get(0);
      }
      out[i] = x instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return out;
  }

  /**
   * A {@code map<string, double>} column's values for the keys, in their order (e.g. a rebalance's
   * target weights in sleeve order); null when the column is absent or lacks one of the keys.
   */
  static double[] numbers(GenericRecord r, String column, List<String> keys) {
    if (!(raw(r, column) instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, Object> byKey = new HashMap<>();
    map.forEach((k, v) -> byKey.put(k.toString(), v)); // parquet-avro gives Utf8 keys
    double[] out = new double[keys.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(byKey.get(keys.get(i)) instanceof Number n)) {
        return null;
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  /** A column's raw value (null when absent), for columns read generically (axes). */
  static Object raw(GenericRecord r, String column) {
    return r.hasField(column) ? r.get(column) : null;
  }
}
