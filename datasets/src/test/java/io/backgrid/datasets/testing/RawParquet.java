package io.backgrid.datasets.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * Writes Parquet files of any shape, as another tool might, for tests of what the readers refuse:
 * columns are given as Avro field declarations, e.g. {@code {"name":"ticker","type":"string"}}.
 */
public final class RawParquet {
  /** {@code symbol, date, close} as our writer declares them. */
  public static final String SYMBOL = "{\"name\":\"symbol\",\"type\":\"string\"}";

  public static final String NULLABLE_SYMBOL =
      "{\"name\":\"symbol\",\"type\":[\"null\",\"string\"]}";
  public static final String DATE =
      "{\"name\":\"date\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"}}";
  public static final String CLOSE = "{\"name\":\"close\",\"type\":\"double\"}";

  private RawParquet() {}

  /** An Avro field declaration {@code {"name":name,"type":type}}, type as JSON. */
  public static String field(String name, String typeJson) {
    return "{\"name\":\"" + name + "\",\"type\":" + typeJson + "}";
  }

  /**
   * Writes dir/name with the given fields and rows (values in field order).
   *
   * @return the file
   */
  public static Path write(Path dir, String name, String[] fields, Object[]... rows) {
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Row\",\"fields\":["
                    + String.join(",", fields)
                    + "]}");
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      try (ParquetWriter<GenericRecord> w =
          AvroParquetWriter.<GenericRecord>builder(
                  HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
              .withSchema(schema)
              .withConf(conf)
              .build()) {
        for (Object[] row : rows) {
          GenericRecord r = new GenericData.Record(schema);
          for (int i = 0; i < row.length; i++) {
            r.put(i, row[i]);
          }
          w.write(r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
