package io.backgrid.spark.parquet;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows given as {@code Object[]} in a Spark schema's column order: {@code String}, {@code
 * Double}, {@code Integer}, {@code Long}, {@code Boolean}, {@code LocalDate} (or {@code
 * java.sql.Date}), for arrays {@code double[]} or a {@code List}, for maps a {@link DoubleMap} or a
 * {@code Map} (entries in its iteration order); {@code null} leaves an optional column empty. The
 * footer carries the Spark schema under Spark's own key (as JSON, with each field's metadata: the
 * column comments), so Spark reads the file with exactly that schema and {@code DESCRIBE} shows the
 * comments.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  /** The footer key under which Spark stores a file's Catalyst schema (as JSON). */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private final StructType schema;
  private final MessageType message;
  private final StructField[] fields;
  private RecordConsumer consumer;
  // The last DoubleMap keys written and their encodings: the rows of a configuration share one keys
  // array, so a map row encodes no string.
  private String[] lastKeys;
  private Binary[] lastKeyBinaries;

  RowWriteSupport(StructType schema) {
    this.schema = schema;
    this.message = ParquetSchemas.of(schema);
    this.fields = schema.fields();
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(message, Map.of(SPARK_SCHEMA_KEY, schema.json()));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    if (row.length != fields.length) {
      throw new IllegalArgumentException(
          "Invalid row of "
              + row.length
              + " values for a schema of "
              + fields.length
              + " columns "
              + schema.simpleString());
    }
    consumer.startMessage();
    for (int i = 0; i < fields.length; i++) {
      Object value = row[i];
      if (value == null) {
        if (!fields[i].nullable()) {
          throw new IllegalArgumentException(
              "Invalid null in non-nullable column '" + fields[i].name() + "'");
        }
        continue;
      }
      consumer.startField(fields[i].name(), i);
      if (fields[i].dataType() instanceof ArrayType array) {
        writeArray(array.elementType(), value);
      } else if (fields[i].dataType() instanceof MapType map) {
        writeMap(map, value);
      } else {
        writeValue(fields[i].dataType(), value);
      }
      consumer.endField(fields[i].name(), i);
    }
    consumer.endMessage();
  }

  /**
   * The three-level list: a group holding one repeated group "list" with an "element" per value.
   */
  private void writeArray(DataType element, Object value) {
    consumer.startGroup();
    if (value instanceof double[] values) {
      if (values.length > 0) {
        consumer.startField("list", 0);
        for (double v : values) {
          consumer.startGroup();
          consumer.startField("element", 0);
          consumer.addDouble(v);
          consumer.endField("element", 0);
          consumer.endGroup();
        }
        consumer.endField("list", 0);
      }
    } else {
      List<?> values = (List<?>) value;
      if (!values.isEmpty()) {
        consumer.startField("list", 0);
        for (Object v : values) {
          consumer.startGroup();
          if (v != null) {
            consumer.startField("element", 0);
            writeValue(element, v);
            consumer.endField("element", 0);
          }
          consumer.endGroup();
        }
        consumer.endField("list", 0);
      }
    }
    consumer.endGroup();
  }

  /** The map: a group holding one repeated group "key_value" with a "key" and "value" per entry. */
  private void writeMap(MapType type, Object value) {
    consumer.startGroup();
    if (value instanceof DoubleMap map) {
      if (map.keys().length > 0) {
        Binary[] keys = keyBinaries(map.keys());
        double[] values = map.values();
        consumer.startField("key_value", 0);
        for (int k = 0; k < keys.length; k++) {
          consumer.startGroup();
          consumer.startField("key", 0);
          consumer.addBinary(keys[k]);
          consumer.endField("key", 0);
          consumer.startField("value", 1);
          consumer.addDouble(values[k]);
          consumer.endField("value", 1);
          consumer.endGroup();
        }
        consumer.endField("key_value", 0);
      }
    } else {
      Map<?, ?> map = (Map<?, ?>) value;
      if (!map.isEmpty()) {
        consumer.startField("key_value", 0);
        for (Map.Entry<?, ?> e : map.entrySet()) {
          consumer.startGroup();
          consumer.startField("key", 0);
          writeValue(type.keyType(), e.getKey());
          consumer.endField("key", 0);
          if (e.getValue() != null) {
            consumer.startField("value", 1);
            writeValue(type.valueType(), e.getValue());
            consumer.endField("value", 1);
          }
          consumer.endGroup();
        }
        consumer.endField("key_value", 0);
      }
    }
    consumer.endGroup();
  }

  private Binary[] keyBinaries(String[] keys) {
    if (keys != lastKeys) {
      Binary[] binaries = new Binary[keys.length];
      for (int k = 0; k < keys.length; k++) {
        binaries[k] = Binary.fromConstantByteArray(keys[k].getBytes(StandardCharsets.UTF_8));
      }
      lastKeys = keys;
      lastKeyBinaries = binaries;
    }
    return lastKeyBinaries;
  }

  private void writeValue(DataType type, Object v) {
    if (type.equals(DataTypes.StringType)) {
      consumer.addBinary(Binary.fromString((String) v));
    } else if (type.equals(DataTypes.DoubleType)) {
      consumer.addDouble(((Number) v).doubleValue());
    } else if (type.equals(DataTypes.IntegerType)) {
      consumer.addInteger(((Number) v).intValue());
    } else if (type.equals(DataTypes.LongType)) {
      consumer.addLong(((Number) v).longValue());
    } else if (type.equals(DataTypes.BooleanType)) {
      consumer.addBoolean((Boolean) v);
    } else if (type.equals(DataTypes.DateType)) {
      LocalDate date = v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
      consumer.addInteger(Math.toIntExact(date.toEpochDay()));
    } else if (type.equals(DataTypes.TimestampType)) {
      java.time.Instant t =
          v instanceof java.sql.Timestamp s ? s.toInstant() : (java.time.Instant) v;
      consumer.addLong(
          Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000));
    } else {
      throw new IllegalArgumentException("Unsupported column type " + type.simpleString());
    }
  }
}
