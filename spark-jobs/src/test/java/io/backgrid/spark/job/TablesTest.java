package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every result table as published matches its description in {@link Tables}: each file's footer
 * holds the described schema (names, types, nullability, comments), and {@code DESCRIBE} of a view
 * over the files shows every column's comment. The {@code configs} table's columns follow the grid
 * (ConfigsTable) and are checked there. The study has a benchmark, so its two tables are checked
 * too.
 */
class TablesTest {
  static final List<String> DESCRIBED =
      java.util.stream.Stream.concat(Tables.ALL.stream(), Tables.WITH_BENCHMARK.stream())
          .filter(t -> !t.equals("configs"))
          .toList();

  @TempDir static Path output;
  static Path study;

  @BeforeAll
  static void runDemo() {
    new StudyRun("tables", output).benchmark(FigureTablesTest.BENCHMARK).run();
    study = output.resolve("tables");
  }

  @Test
  void everyDescribedColumnHasAMeaning() {
    for (String table : DESCRIBED) {
      for (TableColumn<?> c : Tables.layout(table).columns()) {
        assertThat(c.comment()).as(table + "." + c.name()).isNotBlank();
      }
    }
  }

  @Test
  void everyFileOfEveryTableHoldsTheDescribedSchemaInItsFooter() throws IOException {
    for (String table : DESCRIBED) {
      List<Path> parts = parts(table);
      assertThat(parts).as(table).isNotEmpty();
      for (Path part : parts) {
        String stored = sparkSchema(part);
        assertThat(stored).as(part.toString()).isNotNull();
        StructType written = (StructType) DataType.fromJson(stored);
        assertThat(written.fieldNames())
            .as(table)
            .containsExactly(Tables.schema(table).fieldNames());
        assertThat(columns(written)).as(table).isEqualTo(columns(Tables.schema(table)));
      }
    }
  }

  @Test
  void describeShowsTheCommentOfEveryColumnOfEveryTable() {
    SparkSession spark = SharedSpark.get();
    for (String table : DESCRIBED) {
      spark.read().parquet(study.resolve(table).toString()).createOrReplaceTempView("t_" + table);
      Map<String, String> shown = new LinkedHashMap<>();
      for (Row r : spark.sql("DESCRIBE t_" + table).collectAsList()) {
        shown.put(r.getString(0), r.getString(2));
      }
      Map<String, String> described = new LinkedHashMap<>();
      for (TableColumn<?> c : Tables.layout(table).columns()) {
        described.put(c.name(), c.comment());
      }
      assertThat(shown).as(table).isEqualTo(described);
    }
  }

  /** Each column as "name type nullable comment". */
  private static List<String> columns(StructType schema) {
    return Stream.of(schema.fields())
        .map(f -> f.name() + " " + f.dataType().sql() + " " + f.nullable() + " " + comment(f))
        .toList();
  }

  private static String comment(StructField f) {
    return f.getComment().isDefined() ? f.getComment().get() : "<none>";
  }

  private static List<Path> parts(String table) throws IOException {
    try (Stream<Path> s = Files.list(study.resolve(table))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** The Spark schema JSON a Parquet file's footer stores under Spark's key. */
  private static String sparkSchema(Path file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader
          .getFooter()
          .getFileMetaData()
          .getKeyValueMetaData()
          .get("org.apache.spark.sql.parquet.row.metadata");
    }
  }
}
