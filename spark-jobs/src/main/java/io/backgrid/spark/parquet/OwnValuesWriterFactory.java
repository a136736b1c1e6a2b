package io.backgrid.spark.parquet;

import java.lang.reflect.Field;
import org.apache.logging.log4j.LogManager;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.factory.DefaultV1ValuesWriterFactory;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Gives a Parquet writer its own values-writer factory.
 *
 * <p>Why: parquet-mr 1.17's default factory is one static object per JVM that remembers the
 * properties of the writer built last ({@code DefaultValuesWriterFactory} delegates to a static
 * {@code DefaultV1ValuesWriterFactory}, whose {@code initialize} overwrites its properties). A
 * writer creates its column writers from it, at its start and again after each row group, so it
 * takes the per-column settings of whichever writer another thread (or this one) built last: the
 * {@code sleeve_id} column of one task's {@code sleeve_metrics} file was dictionary-encoded in one
 * run and plain in the next, depending on which task built its {@code portfolio_metrics} writer
 * (where no such string column asks for a dictionary) in between. Same rows, different bytes.
 *
 * <p>{@code ParquetWriter.Builder} does not expose the factory, so its properties builder is
 * reached by reflection. If a Parquet version lacks it, writers keep the shared factory (results
 * are the same, their bytes may differ between runs) and a warning is logged once.
 */
final class OwnValuesWriterFactory {
  private static final Field PROPERTIES = field();

  private OwnValuesWriterFactory() {}

  /** Sets a new factory on the builder (for writer version 1, which RowFileWriter uses). */
  static void give(ParquetWriter.Builder<?, ?> builder) {
    if (PROPERTIES == null) {
      return;
    }
    try {
      ((ParquetProperties.Builder) PROPERTIES.get(builder))
          .withValuesWriterFactory(new DefaultV1ValuesWriterFactory());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "Cannot set the Parquet writer's values-writer factory: " + e.getMessage(), e);
    }
  }

  private static Field field() {
    try {
      Field f = ParquetWriter.Builder.class.getDeclaredField("encodingPropsBuilder");
      f.setAccessible(true);
      return f.getType() == ParquetProperties.Builder.class ? f : null;
    } catch (NoSuchFieldException | RuntimeException e) {
      LogManager.getLogger(OwnValuesWriterFactory.class)
          .warn(
              "This Parquet version has no ParquetWriter.Builder.encodingPropsBuilder: result files"
                  + " keep Parquet's shared values-writer factory, so their bytes (not their rows)"
                  + " may differ between runs ({})",
              e.toString());
      return null;
    }
  }
}
