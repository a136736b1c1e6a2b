package io.backgrid.spark.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.StructType;

/**
 * One Parquet file of rows in a Spark schema (see {@link RowWriteSupport} for the value types),
 * ZSTD-compressed (on W1's rebalances a third of the size of Snappy, Spark's default, at the same
 * speed) and dictionary-encoded for string columns only. Row groups are capped at {@link
 * #ROW_GROUP_BYTES} so that a task writing several tables at once holds a bounded amount of memory,
 * whatever the number of rows. The same rows give the same bytes in every run: each writer has its
 * own values-writer factory ({@link OwnValuesWriterFactory}) and a canonical footer ({@link
 * CanonicalFooterStream}). Not thread-safe.
 */
public final class RowFileWriter implements AutoCloseable {
  /** The row group size: 16 MB (Parquet's default, 128 MB, would be buffered per open file). */
  public static final long ROW_GROUP_BYTES = 16L << 20;

  /**
   * The initial size of each writer's compression buffer: 64 KB. Parquet sizes it to the page size
   * (1 MB), and under the study's {@code -Xmx1g} G1 works in 1 MB regions, where an array of half a
   * region or more is "humongous": every file a task opened then took a region of its own and, in a
   * W1 10,000 study, started about a third of its garbage collections (JFR, BENCHMARKS.md "Round
   * 5"). The buffer grows to the largest compressed page; the pages and bytes are unchanged.
   */
  static final int COMPRESSOR_BUFFER_BYTES = 64 << 10;

  private final Path path;
  private final ParquetWriter<Object[]> writer;
  private long rows;

  private RowFileWriter(Path path, ParquetWriter<Object[]> writer) {
    this.path = path;
    this.writer = writer;
  }

  /**
   * Creates (or replaces) the file.
   *
   * @throws UncheckedIOException naming the file when it cannot be created
   */
  public static RowFileWriter create(Path path, StructType schema, Configuration conf) {
    try {
      Builder builder =
          new Builder(new CanonicalOutputFile(HadoopOutputFile.fromPath(path, conf)), schema);
      settings(builder, ParquetSchemas.of(schema), conf);
      return new RowFileWriter(path, builder.build());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives a writer this class's settings: ZSTD (its buffer starting at {@link
   * #COMPRESSOR_BUFFER_BYTES}), row groups of {@link #ROW_GROUP_BYTES}, dictionary encoding for the
   * string columns of {@code message} only, format version 1, its own values-writer factory. {@link
   * RowFileFilter} writes with the same settings, so that a filtered file has the bytes this writer
   * gives for the same rows.
   */
  static void settings(
      ParquetWriter.Builder<?, ?> builder, MessageType message, Configuration conf) {
    builder
        .withConf(conf)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withCodecFactory(new CodecFactory(conf, COMPRESSOR_BUFFER_BYTES))
        .withDictionaryEncoding(false);
    // Dictionaries for the text columns only (ids and reasons repeat on every row of a
    // configuration). On the doubles (weights, money) almost every value is new: the dictionary
    // was built, then abandoned, for every page — a fifth of a W1 study's CPU in a profile.
    // Map keys (sleeve ids) are text columns too, nested: "weights_before.key_value.key".
    for (ColumnDescriptor c : message.getColumns()) {
      if (c.getPrimitiveType().getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
        builder.withDictionaryEncoding(String.join(".", c.getPath()), true);
      }
    }
    builder.withWriterVersion(WriterVersion.PARQUET_1_0);
    OwnValuesWriterFactory.give(builder);
  }

  /** Writes a row, its values in the schema's column order. */
  public void write(Object[] row) {
    try {
      writer.write(row);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to " + path + ": " + e.getMessage(), e);
    }
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close " + path + ": " + e.getMessage(), e);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final StructType schema;

    Builder(OutputFile file, StructType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema);
    }
  }
}
