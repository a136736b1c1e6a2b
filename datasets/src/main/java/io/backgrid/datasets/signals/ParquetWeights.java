package io.backgrid.datasets.signals;

import io.backgrid.engine.strategy.WeightSchedule;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The Parquet side of {@link WeightFileReader}: a file or a directory of part files, columns found
 * by name (any case). Dates may be Parquet DATE, a timestamp at midnight UTC (pandas' datetime64),
 * or ISO text; weights any number type.
 */
final class ParquetWeights {
  private ParquetWeights() {}

  static WeightSchedule read(URI uri, Configuration conf, WeightRequest request)
      throws IOException {
    Path location = new Path(uri);
    FileSystem fs = location.getFileSystem(conf);
    if (!fs.exists(location)) {
      throw new IllegalArgumentException("Cannot read weights file " + uri + ": it does not exist");
    }
    List<Path> files = new ArrayList<>();
    if (fs.getFileStatus(location).isFile()) {
      files.add(location);
    } else {
      for (FileStatus child : fs.listStatus(location)) {
        String name = child.getPath().getName();
        if (child.isFile() && name.endsWith(".parquet") && !name.startsWith("_")) {
          files.add(child.getPath());
        }
      }
      files.sort(null);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read weights file " + uri + ": no .parquet file in the directory");
    }
    WeightRows rows = new WeightRows(location.getName(), request);
    for (Path file : files) {
      readFile(file, conf, request, rows);
    }
    return rows.schedule();
  }

  private static void readFile(
      Path file, Configuration conf, WeightRequest request, WeightRows rows) throws IOException {
    String name = file.getName();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
            .withDataModel(GenericData.get())
            .withConf(conf)
            .build()) {
      long row = 0;
      int[] columns = null;
      Schema.Field sleeveField = null;
      for (GenericRecord rec = reader.read(); rec != null; rec = reader.read()) {
        row++;
        if (columns == null) {
          Map<String, Integer> index = new LinkedHashMap<>();
          for (Schema.Field f : rec.getSchema().getFields()) {
            index.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f.pos());
          }
          columns = WeightFileReader.columns(name, index);
          Integer s = index.get("sleeve");
          sleeveField = s == null ? null : rec.getSchema().getFields().get(s);
        }
        String where = "row " + row;
        if (sleeveField != null) {
          Object v = rec.get(sleeveField.pos());
          String sleeve = v == null ? "" : v.toString();
          request.sleeveColumnValues().add(sleeve);
          if (!sleeve.equals(request.sleeve())) {
            continue;
          }
        }
        Schema.Field dateField = rec.getSchema().getFields().get(columns[0]);
        String symbol = text(rec.get(columns[1]), name, where, "symbol");
        LocalDate date = date(rec.get(columns[0]), dateField.schema(), name, where);
        Object w = rec.get(columns[2]);
        if (!(w instanceof Number number)) {
          throw w == null
              ? new IllegalArgumentException(
                  "Missing value in " + name + " " + where + ": weight (required)")
              : WeightFileReader.notANumber(name, where, symbol, date, w);
        }
        rows.add(where, date, symbol, number.doubleValue());
      }
    }
  }

  private static String text(Object v, String name, String where, String what) {
    if (v == null || v.toString().isBlank()) {
      throw new IllegalArgumentException(
          "Missing value in " + name + " " + where + ": " + what + " (required)");
    }
    return v.toString().trim();
  }

  private static LocalDate date(Object v, Schema schema, String name, String where) {
    if (v == null) {
      throw new IllegalArgumentException(
          "Missing value in " + name + " " + where + ": date (required)");
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof CharSequence s) {
      return WeightFileReader.date(s.toString().trim(), name, where);
    }
    LogicalType type = logicalType(schema);
    String kind = type == null ? "" : type.getName();
    if (v instanceof Integer days && kind.equals("date")) {
      return LocalDate.ofEpochDay(days);
    }
    if (v instanceof Long t && kind.contains("timestamp")) {
      long perDay =
          kind.endsWith("millis")
              ? 86_400_000L
              : kind.endsWith("micros") ? 86_400_000_000L : 86_400_000_000_000L;
      if (Math.floorMod(t, perDay) != 0) {
        throw new IllegalArgumentException(
            "Invalid date in "
                + name
                + " "
                + where
                + ": "
                + t
                + " ("
                + kind
                + " not at midnight UTC; expected dates: DATE, midnight timestamps or YYYY-MM-DD"
                + " text)");
      }
      return LocalDate.ofEpochDay(Math.floorDiv(t, perDay));
    }
    throw new IllegalArgumentException(
        "Invalid date in "
            + name
            + " "
            + where
            + ": "
            + v
            + " (expected a DATE, a midnight timestamp or YYYY-MM-DD text, not "
            + schema
            + ")");
  }

  /** The logical type of a field's schema, looking inside an optional union. */
  private static LogicalType logicalType(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema s : schema.getTypes()) {
        if (s.getType() != Schema.Type.NULL) {
          return s.getLogicalType();
        }
      }
    }
    return schema.getLogicalType();
  }
}
