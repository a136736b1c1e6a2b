package io.backgrid.spark.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.GroupWriter;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Copies the rows of one Parquet file whose key (a top-level string column) passes a test into a
 * new file, on the calling thread, without Spark: a rerun whose grid lost configurations keeps the
 * other rows of each published file that mixes both (a Spark job per table cost seconds each).
 *
 * <p>The rows keep their physical values exactly: they are read as Parquet records in the file's
 * own schema and written back in it, with the file's footer metadata (Spark's schema and whatever
 * else describes the values). The writer has {@link RowFileWriter}'s settings and canonical footer,
 * so a filtered file has the bytes that {@link RowFileWriter} gives for the kept rows. One row
 * group at a time is in memory (at most {@link RowFileWriter#ROW_GROUP_BYTES} compressed on the
 * write side), whatever the size of the file.
 */
public final class RowFileFilter {
  private RowFileFilter() {}

  /**
   * Writes the rows of {@code from} whose {@code key} column passes {@code keep} to {@code to}
   * (created or replaced); a row without a key value is dropped.
   *
   * @return the number of rows written (0 leaves a file with the schema and no row)
   * @throws IllegalArgumentException naming the file when it has no top-level string column {@code
   *     key}
   * @throws UncheckedIOException naming the file that cannot be read or written
   */
  public static long copy(
      Path from, Path to, String key, Predicate<String> keep, Configuration conf) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(from, conf), HadoopReadOptions.builder(conf).build())) {
      FileMetaData meta = reader.getFooter().getFileMetaData();
      MessageType schema = meta.getSchema();
      int field = keyField(from, schema, key);
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      long written = 0;
      try (ParquetWriter<Group> writer = writer(to, schema, meta.getKeyValueMetaData(), conf)) {
        for (PageReadStore pages = reader.readNextRowGroup();
            pages != null;
            pages = reader.readNextRowGroup()) {
          RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
          for (long r = 0; r < pages.getRowCount(); r++) {
            Group row = records.read();
            if (row.getFieldRepetitionCount(field) > 0 && keep.test(row.getString(field, 0))) {
              writer.write(row);
              written++;
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + to + ": " + e.getMessage(), e);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + from + ": " + e.getMessage(), e);
    }
  }

  private static int keyField(Path file, MessageType schema, String key) {
    if (schema.containsField(key)) {
      Type t = schema.getType(key);
      if (t.isPrimitive()
          && t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
          && !t.isRepetition(Type.Repetition.REPEATED)) {
        return schema.getFieldIndex(key);
      }
    }
    throw new IllegalArgumentException(
        "Invalid key column '"
            + key
            + "' for filtering "
            + file
            + ": not a top-level string column");
  }

  private static ParquetWriter<Group> writer(
      Path to, MessageType schema, Map<String, String> metadata, Configuration conf)
      throws IOException {
    Builder builder =
        new Builder(new CanonicalOutputFile(HadoopOutputFile.fromPath(to, conf)), schema, metadata);
    RowFileWriter.settings(builder, schema, conf);
    return builder.build();
  }

  /**
   * Writes records in the schema they were read in, with the footer metadata they were read with.
   */
  private static final class RecordWriteSupport extends WriteSupport<Group> {
    private final MessageType schema;
    private final Map<String, String> metadata;
    private GroupWriter writer;

    RecordWriteSupport(MessageType schema, Map<String, String> metadata) {
      this.schema = schema;
      this.metadata = metadata;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      writer = new GroupWriter(recordConsumer, schema);
    }

    @Override
    public void write(Group record) {
      writer.write(record);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Group, Builder> {
    private final MessageType schema;
    private final Map<String, String> metadata;

    Builder(OutputFile file, MessageType schema, Map<String, String> metadata) {
      super(file);
      this.schema = schema;
      this.metadata = metadata;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Group> getWriteSupport(Configuration conf) {
      return new RecordWriteSupport(schema, metadata);
    }
  }
}
