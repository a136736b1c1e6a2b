package io.backgrid.spark.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet schema Spark itself writes for a Spark schema, for the column types the result tables
 * use: string ({@code binary (STRING)}), double, int, long, boolean, date ({@code int32 (DATE)},
 * days since 1970-01-01) and arrays of those (the standard three-level {@code LIST}: {@code group
 * (LIST) { repeated group list { element } }}, as Spark writes with its default {@code
 * spark.sql.parquet.writeLegacyFormat=false}), and maps with keys of those types (the standard
 * {@code group (MAP) { repeated group key_value { required key; value } }}, as Spark writes them).
 * A nullable field is {@code optional}, a non-nullable one {@code required}.
 */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  /**
   * The Parquet message type of a Spark schema.
   *
   * @throws IllegalArgumentException for a column type not listed above
   */
  public static MessageType of(StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField f : schema.fields()) {
      message.addField(field(f.name(), f.dataType(), f.nullable()));
    }
    return message.named("spark_schema");
  }

  private static Type field(String name, DataType type, boolean nullable) {
    Repetition repetition = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
    if (type instanceof ArrayType array) {
      return Types.buildGroup(repetition)
          .as(LogicalTypeAnnotation.listType())
          .addField(
              Types.repeatedGroup()
                  .addField(field("element", array.elementType(), array.containsNull()))
                  .named("list"))
          .named(name);
    }
    if (type instanceof MapType map) {
      return Types.buildGroup(repetition)
          .as(LogicalTypeAnnotation.mapType())
          .addField(
              Types.repeatedGroup()
                  .addField(field("key", map.keyType(), false))
                  .addField(field("value", map.valueType(), map.valueContainsNull()))
                  .named("key_value"))
          .named(name);
    }
    if (type.equals(DataTypes.StringType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType())
          .named(name);
    } else if (type.equals(DataTypes.DoubleType)) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
    } else if (type.equals(DataTypes.IntegerType)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
    } else if (type.equals(DataTypes.LongType)) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
    } else if (type.equals(DataTypes.BooleanType)) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
    } else if (type.equals(DataTypes.DateType)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType())
          .named(name);
    } else if (type.equals(DataTypes.TimestampType)) {
      // microseconds since the epoch, UTC: what Spark reads as a timestamp
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(name);
    }
    throw new IllegalArgumentException(
        "Unsupported column type "
            + type.simpleString()
            + " for column '"
            + name
            + "' (supported: string, double, int, bigint, boolean, date, timestamp, arrays and maps"
            + " of them)");
  }
}
