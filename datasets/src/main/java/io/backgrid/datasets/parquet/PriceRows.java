package io.backgrid.datasets.parquet;

import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Parquet's record assembly straight into one reused row of primitives, for {@link
 * PriceParquetReader#scan}: no record object, boxed value or decoded string per row (the generic
 * Avro records it replaces cost most of a price read's time). Relies on the types {@link
 * PartSchemas} checked beforehand: symbol {@code BINARY (STRING)}, date {@code INT32 (DATE)}, the
 * values {@code DOUBLE}.
 *
 * <p>The reader returns the same {@link PriceRows} for every record: its fields hold the current
 * row until the next read. A null (or unread) symbol is {@code null}, a null date {@link #hasDate}
 * false, a null or unread value {@code NaN}.
 */
final class PriceRows {
  /** The current row's symbol as stored (its bytes), or null. */
  Binary symbol;

  /** Whether the current row has a date, and the date as an epoch day. */
  boolean hasDate;

  int date;

  /** The current row's values by {@link PriceColumn} ordinal, {@code NaN} when null or not read. */
  final double[] values = new double[PriceColumn.values().length];

  private PriceRows() {}

  /** Reads the symbol, the date and the given value columns (those the file has) into a row. */
  static ReadSupport<PriceRows> support(Set<PriceColumn> columns) {
    return new ReadSupport<>() {
      @Override
      public ReadContext init(InitContext context) {
        List<Type> fields = new ArrayList<>();
        for (Type t : context.getFileSchema().getFields()) {
          String name = t.getName();
          if (name.equals(PriceSchema.SYMBOL)
              || name.equals(PriceSchema.DATE)
              || column(name, columns) != null) {
            fields.add(t);
          }
        }
        return new ReadContext(new MessageType(context.getFileSchema().getName(), fields));
      }

      @Override
      public RecordMaterializer<PriceRows> prepareForRead(
          Configuration conf, Map<String, String> meta, MessageType file, ReadContext context) {
        return new Materializer(context.getRequestedSchema(), columns);
      }
    };
  }

  private static PriceColumn column(String name, Set<PriceColumn> columns) {
    for (PriceColumn c : columns) {
      if (c.columnName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static final class Materializer extends RecordMaterializer<PriceRows> {
    private final PriceRows row = new PriceRows();
    private final GroupConverter root;

    Materializer(MessageType schema, Set<PriceColumn> columns) {
      Converter[] converters = new Converter[schema.getFieldCount()];
      for (int i = 0; i < converters.length; i++) {
        String name = schema.getType(i).getName();
        if (name.equals(PriceSchema.SYMBOL)) {
          converters[i] =
              new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                  row.symbol = value;
                }
              };
        } else if (name.equals(PriceSchema.DATE)) {
          converters[i] =
              new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                  row.hasDate = true;
                  row.date = value;
                }
              };
        } else {
          int k = column(name, columns).ordinal();
          converters[i] =
              new PrimitiveConverter() {
                @Override
                public void addDouble(double value) {
                  row.values[k] = value;
                }
              };
        }
      }
      root =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return converters[fieldIndex];
            }

            @Override
            public void start() {
              row.symbol = null;
              row.hasDate = false;
              Arrays.fill(row.values, Double.NaN);
            }

            @Override
            public void end() {}
          };
    }

    @Override
    public PriceRows getCurrentRecord() {
      return row;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
