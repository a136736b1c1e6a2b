package io.backgrid.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a few top-level columns of a study's own Parquet files on the driver, without Spark: the
 * job's bookkeeping (which configurations have an OK row, the runs so far, the best rows) asks
 * questions of a few columns of small files, and a Spark job per question cost seconds each (issue
 * 15). Values: {@code String} for strings, {@code Double}, {@code Integer}, {@code Long}, and for
 * timestamps the epoch milliseconds as a {@code Long} (INT96, as Spark writes by default, or INT64
 * micros/millis); {@code null} for a missing value or a column the file does not have.
 */
final class ParquetColumns {
  private ParquetColumns() {}

  /** The part files of a table directory ({@code *.parquet}, not hidden), sorted by name. */
  static List<Path> parts(FileSystem fs, Path table) {
    try {
      if (!fs.exists(table)) {
        return List.of();
      }
      FileStatus[] all =
          fs.listStatus(
              table,
              p ->
                  p.getName().endsWith(".parquet")
                      && !p.getName().startsWith(".")
                      && !p.getName().startsWith("_"));
      List<Path> out = new ArrayList<>();
      for (FileStatus s : all) {
        out.add(s.getPath());
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + table + ": " + e.getMessage(), e);
    }
  }

  /** The rows of these files, each holding the named columns' values in that order. */
  static List<Object[]> read(List<Path> files, Configuration conf, String... columns) {
    List<Object[]> rows = new ArrayList<>();
    for (Path file : files) {
      read(file, conf, rows, columns);
    }
    return rows;
  }

  private static void read(Path file, Configuration conf, List<Object[]> rows, String[] columns) {
    try (ParquetFileReader reader = open(HadoopInputFile.fromPath(file, conf), conf)) {
      MessageType full = reader.getFooter().getFileMetaData().getSchema();
      List<Type> kept = new ArrayList<>();
      int[] index = new int[columns.length];
      for (int c = 0; c < columns.length; c++) {
        index[c] = -1;
        for (int d = 0; d < c; d++) {
          if (columns[d].equals(columns[c])) {
            index[c] = index[d]; // a column asked for twice is read once
          }
        }
        if (index[c] < 0 && full.containsField(columns[c])) {
          index[c] = kept.size();
          kept.add(full.getType(columns[c]));
        }
      }
      if (kept.isEmpty()) {
        return;
      }
      // The file opened once, its row groups read with the projection: no second open, no copy of
      // the Hadoop configuration per file.
      MessageType projection = new MessageType(full.getName(), kept);
      reader.setRequestedSchema(projection);
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, full);
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            io.getRecordReader(pages, new GroupRecordConverter(projection));
        for (long r = 0; r < pages.getRowCount(); r++) {
          Group g = records.read();
          Object[] row = new Object[columns.length];
          for (int k = 0; k < columns.length; k++) {
            if (index[k] >= 0) {
              row[k] = value(g, index[k], kept.get(index[k]));
            }
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a Parquet file with read options taken from {@code conf}. {@code
   * ParquetFileReader.open(file)} alone builds its options from a new Hadoop configuration, which
   * parses Hadoop's default XML resources again for every file: a fifth of the driver's time in a
   * profile of a rerun with nothing to compute (issue 15).
   */
  static ParquetFileReader open(InputFile file, Configuration conf) throws IOException {
    return ParquetFileReader.open(file, HadoopReadOptions.builder(conf).build());
  }

  private static Object value(Group g, int field, Type type) {
    if (g.getFieldRepetitionCount(field) == 0 || !type.isPrimitive()) {
      return null;
    }
    PrimitiveType p = type.asPrimitiveType();
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    return switch (p.getPrimitiveTypeName()) {
      case BINARY -> g.getString(field, 0);
      case DOUBLE -> g.getDouble(field, 0);
      case FLOAT -> (double) g.getFloat(field, 0);
      case INT32 -> g.getInteger(field, 0);
      case INT64 -> {
        long v = g.getLong(field, 0);
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
          yield switch (t.getUnit()) {
            case MILLIS -> v;
            case MICROS -> Math.floorDiv(v, 1_000L);
            case NANOS -> Math.floorDiv(v, 1_000_000L);
          };
        }
        yield v;
      }
      case INT96 -> int96Millis(g.getInt96(field, 0).toByteBuffer());
      default -> null;
    };
  }

  /**
   * An INT96 timestamp (8 bytes of nanoseconds in the day, then 4 bytes of Julian day, little
   * endian: Impala's layout, Spark's default for timestamps) as epoch milliseconds.
   */
  static long int96Millis(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long nanos = b.getLong();
    int julianDay = b.getInt();
    long days = julianDay - 2_440_588L; // Julian day of 1970-01-01
    return days * 86_400_000L + Math.floorDiv(nanos, 1_000_000L);
  }
}
