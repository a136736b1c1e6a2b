package io.backgrid.datasets.parquet;

import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceSchema;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;

/**
 * Reads a price table from a Parquet file or a directory of part files ({@code .parquet} files;
 * names starting with {@code _} or {@code .} skipped), ours or Spark's, local ({@link Path}) or any
 * Hadoop file system the classpath has ({@link URI}). Only the asked-for columns are read; a
 * symbol filter is pushed down to skip row groups.
 */
public final class PriceParquetReader {
  private PriceParquetReader() {}

  /** Every row and column that passes the filter, as a table (in file order, not re-sorted). */
  public static PriceTable read(Path location, RowFilter filter) {
    return read(location.toAbsolutePath().toUri(), filter);
  }

  /** As {@link #read(Path, RowFilter)} for a URI such as {@code hdfs://...} or {@code file:/...}. */
  public static PriceTable read(URI location, RowFilter filter) {
    PriceTable.Builder builder = PriceTable.builder();
    scan(location, filter, EnumSet.allOf(PriceColumn.class), new RowSink() {
      private String symbol;

      @Override
      public void file(int source, String name) {
        builder.source(name);
      }

      @Override
      public void symbol(String s) {
        symbol = s;
      }

      @Override
      public void row(int source, long row, int day, double o, double h, double l, double c,
          double a, double v) {
        builder.addRow(source, row, symbol, day, o, h, l, c, a, v);
      }
    });
    return builder.build();
  }

  /**
   * Streams the rows that pass the filter to a sink, without keeping them.
   *
   * @param columns the value columns to read; the others arrive as {@code NaN}
   * @return the number of rows passed to the sink
   */
  public static long scan(URI location, RowFilter filter, Set<PriceColumn> columns, RowSink sink) {
    return scan(location, filter, columns, sink, HadoopFiles.conf());
  }

  /**
   * The same, reading through a given Hadoop configuration (e.g. Spark's, with its filesystem
   * settings and credentials for {@code hdfs://} or {@code s3a://}); it is copied, not changed.
   */
  public static long scan(URI location, RowFilter filter, Set<PriceColumn> columns, RowSink sink, Configuration hadoop) {
    Configuration conf = new Configuration(hadoop);
    Schema projection = projection(columns);
    AvroReadSupport.setRequestedProjection(conf, projection);
    AvroReadSupport.setAvroReadSchema(conf, projection);
    int[] pos = new int[PriceColumn.values().length];
    for (PriceColumn c : PriceColumn.values()) {
      Schema.Field f = projection.getField(c.columnName());
      pos[c.ordinal()] = f == null ? -1 : f.pos();
    }
    Set<String> wanted = filter.allSymbols() ? null : new HashSet<>(filter.symbols());
    FilterCompat.Filter pushdown = pushdown(filter);
    int startDay = filter.startDay();
    int endDay = filter.endDay();
    long passed = 0;
    try {
      List<org.apache.hadoop.fs.Path> files = HadoopFiles.parquetFiles(location, conf);
      for (int source = 0; source < files.size(); source++) {
        org.apache.hadoop.fs.Path file = files.get(source);
        sink.file(source, file.getName());
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(file, conf))
            .withDataModel(GenericData.get())
            .withConf(conf)
            .withFilter(pushdown)
            .build()) {
          Object lastSymbol = null;
          boolean keepSymbol = false;
          long row = 0;
          GenericRecord rec;
          while ((rec = reader.read()) != null) {
            row++;
            Object sym = rec.get(0);
            if (sym == null || rec.get(1) == null) {
              throw new IllegalArgumentException(
                  "Invalid price data in " + file.getName() + " row " + row + ": " + (sym == null ? "symbol" : "date")
                      + " is null (must not be)");
            }
            if (!sym.equals(lastSymbol)) {
              lastSymbol = sym;
              String name = sym.toString();
              keepSymbol = wanted == null || wanted.contains(name);
              if (keepSymbol) {
                sink.symbol(name);
              }
            }
            if (!keepSymbol) {
              continue;
            }
            int day = (Integer) rec.get(1);
            if (day < startDay || day > endDay) {
              continue;
            }
            sink.row(source, row, day, get(rec, pos[0]), get(rec, pos[1]), get(rec, pos[2]),
                get(rec, pos[3]), get(rec, pos[4]), get(rec, pos[5]));
            passed++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read price data at " + location + ": " + e.getMessage(), e);
    }
    return passed;
  }

  private static double get(GenericRecord rec, int pos) {
    if (pos < 0) {
      return Double.NaN;
    }
    Object v = rec.get(pos);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  private static Schema projection(Set<PriceColumn> columns) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : PriceSchema.READ.getFields()) {
      boolean key = f.name().equals(PriceSchema.SYMBOL) || f.name().equals(PriceSchema.DATE);
      boolean asked = false;
      for (PriceColumn c : columns) {
        asked |= c.columnName().equals(f.name());
      }
      if (key || asked) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return Schema.createRecord("PriceBar", null, "io.backgrid.datasets", false, fields);
  }

  private static FilterCompat.Filter pushdown(RowFilter filter) {
    if (filter.allSymbols()) {
      return FilterCompat.NOOP;
    }
    Set<Binary> symbols = new HashSet<>();
    for (String s : filter.symbols()) {
      symbols.add(Binary.fromString(s));
    }
    return FilterCompat.get(FilterApi.in(FilterApi.binaryColumn(PriceSchema.SYMBOL), symbols));
  }
}
