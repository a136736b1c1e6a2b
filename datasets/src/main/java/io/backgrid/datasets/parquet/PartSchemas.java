package io.backgrid.datasets.parquet;

import io.backgrid.datasets.schema.PriceSchema;
import io.backgrid.datasets.validate.ProblemLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The schema rules every part file of a price table meets, checked from the footers before any row
 * is read, so that no part is skipped or misread:
 *
 * <ul>
 *   <li>the required columns of {@link PriceSchema} (symbol, date, close) are present;
 *   <li>each price column present has the type {@link PriceSchema#AVRO} writes (symbol {@code
 *       BINARY (STRING)}, date {@code INT32 (DATE)}, the values {@code DOUBLE}), not repeated;
 *   <li>every part has the same price columns as the first, so that the trading price (adj_close
 *       when present) means the same in every part.
 * </ul>
 *
 * Other columns are ignored. Messages, one per broken rule and file: {@code Invalid price table F:
 * no column 'symbol' (columns: ticker, date, close); every part must have the columns symbol, date,
 * close} and {@code Invalid price table F: column 'volume' is INT64, expected DOUBLE}.
 */
final class PartSchemas {
  /** The Parquet form of the write schema: the expected type of every price column. */
  private static final MessageType EXPECTED = new AvroSchemaConverter().convert(PriceSchema.AVRO);

  private PartSchemas() {}

  /** Checks every file's footer, recording problems under the file's index as its source id. */
  static void check(List<org.apache.hadoop.fs.Path> files, Configuration conf, ProblemLog log) {
    List<String> firstColumns = null;
    String firstFile = null;
    for (int source = 0; source < files.size(); source++) {
      org.apache.hadoop.fs.Path file = files.get(source);
      String where = "Invalid price table " + display(file) + ": ";
      MessageType schema;
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
        schema = reader.getFooter().getFileMetaData().getSchema();
      } catch (IOException | RuntimeException e) {
        log.add(source, 0, where + "not a readable Parquet file (" + e.getMessage() + ")");
        continue;
      }
      List<String> columns = checkColumns(schema, where, source, log);
      if (columns == null) {
        continue;
      }
      if (firstColumns == null) {
        firstColumns = columns;
        firstFile = display(file);
      } else if (!firstColumns.equals(columns)) {
        log.add(
            source,
            0,
            where
                + "its price columns ("
                + String.join(", ", columns)
                + ") differ from "
                + firstFile
                + "'s ("
                + String.join(", ", firstColumns)
                + "); every part must have the same price columns");
      }
    }
  }

  /** The price columns the file has, in schema order, or null when a required one is missing. */
  private static List<String> checkColumns(
      MessageType schema, String where, int source, ProblemLog log) {
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Type expected : EXPECTED.getFields()) {
      String name = expected.getName();
      if (!schema.containsField(name)) {
        if (expected.isRepetition(Type.Repetition.REQUIRED)) {
          missing.add("'" + name + "'");
        }
        continue;
      }
      present.add(name);
      Type found = schema.getType(name);
      if (!sameType(found, expected.asPrimitiveType())) {
        log.add(
            source,
            0,
            where
                + "column '"
                + name
                + "' is "
                + describe(found)
                + ", expected "
                + describe(expected));
      }
    }
    if (!missing.isEmpty()) {
      List<String> all = new ArrayList<>();
      for (Type t : schema.getFields()) {
        all.add(t.getName());
      }
      List<String> required = new ArrayList<>();
      for (Type t : EXPECTED.getFields()) {
        if (t.isRepetition(Type.Repetition.REQUIRED)) {
          required.add(t.getName());
        }
      }
      log.add(
          source,
          0,
          where
              + "no column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (columns: "
              + String.join(", ", all)
              + "); every part must have the columns "
              + String.join(", ", required));
      return null;
    }
    return present;
  }

  private static boolean sameType(Type found, PrimitiveType expected) {
    return found.isPrimitive()
        && !found.isRepetition(Type.Repetition.REPEATED)
        && found.asPrimitiveType().getPrimitiveTypeName() == expected.getPrimitiveTypeName()
        && Objects.equals(found.getLogicalTypeAnnotation(), expected.getLogicalTypeAnnotation());
  }

  /** A column's type as messages show it, e.g. {@code INT32 (DATE)} or {@code repeated DOUBLE}. */
  private static String describe(Type t) {
    String repeated = t.isRepetition(Type.Repetition.REPEATED) ? "repeated " : "";
    if (!t.isPrimitive()) {
      return repeated + "a group of " + ((GroupType) t).getFieldCount() + " fields";
    }
    String type = t.asPrimitiveType().getPrimitiveTypeName().name();
    return repeated
        + type
        + (t.getLogicalTypeAnnotation() == null ? "" : " (" + t.getLogicalTypeAnnotation() + ")");
  }

  /** A file as messages name it: its path when local, its URI otherwise. */
  static String display(org.apache.hadoop.fs.Path file) {
    java.net.URI uri = file.toUri();
    return "file".equals(uri.getScheme()) ? uri.getPath() : file.toString();
  }
}
