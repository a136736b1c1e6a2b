package io.backgrid.spark.parquet;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.spark.SharedSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written without Spark, read by Spark: the same schema and the same values. */
class RowFileWriterTest {
  static final StructType SCHEMA =
      new StructType()
          .add("id", StringType, false)
          .add("day", DateType, false)
          .add("x", DoubleType, true)
          .add("n", IntegerType, true)
          .add("count", LongType, true)
          .add("flag", BooleanType, true)
          .add("weights", createArrayType(DoubleType, false), true)
          .add("names", createArrayType(StringType, true), true);

  @TempDir Path dir;

  private Path write(Object[]... rows) {
    Path file = dir.resolve("t").resolve("part-00000.parquet");
    try (RowFileWriter w =
        RowFileWriter.create(
            new org.apache.hadoop.fs.Path(file.toUri()), SCHEMA, new Configuration())) {
      for (Object[] r : rows) {
        w.write(r);
      }
      assertThat(w.rows()).isEqualTo(rows.length);
    }
    return file.getParent();
  }

  @Test
  void sparkReadsTheSchemaAndEveryValueBackWithoutBeingGivenTheSchema() {
    Path table =
        write(
            new Object[] {
              "a",
              LocalDate.of(2024, 2, 29),
              1.5,
              7,
              9_000_000_000L,
              true,
              new double[] {0.25, 0.75},
              List.of("p", "q")
            },
            new Object[] {
              "b",
              LocalDate.of(1969, 12, 31),
              null,
              null,
              null,
              null,
              new double[0],
              Arrays.asList("r", null)
            },
            new Object[] {
              "c", java.sql.Date.valueOf("2005-01-03"), -0.0, -1, 0L, false, null, null
            });
    SparkSession spark = SharedSpark.get();
    Dataset<Row> read = spark.read().parquet(table.toString());
    assertThat(read.schema().simpleString()).isEqualTo(SCHEMA.asNullable().simpleString());
    List<String> rows = read.orderBy("id").collectAsList().stream().map(Row::toString).toList();
    assertThat(rows)
        .containsExactly(
            "[a,2024-02-29,1.5,7,9000000000,true,ArraySeq(0.25, 0.75),ArraySeq(p, q)]",
            "[b,1969-12-31,null,null,null,null,ArraySeq(),ArraySeq(r, null)]",
            "[c,2005-01-03,-0.0,-1,0,false,null,null]");
  }

  @Test
  void mapsAreWrittenAsSparkWritesThemAndReadBackByKey() throws Exception {
    StructType schema =
        new StructType()
            .add("id", StringType, false)
            .add("weights", createMapType(StringType, DoubleType, false), true);
    String[] sleeves = {"core", "trend"};
    Path file = dir.resolve("m").resolve("part-00000.parquet");
    try (RowFileWriter w =
        RowFileWriter.create(
            new org.apache.hadoop.fs.Path(file.toUri()), schema, new Configuration())) {
      w.write(new Object[] {"a", new DoubleMap(sleeves, new double[] {0.6, 0.4})});
      w.write(new Object[] {"b", new DoubleMap(sleeves, new double[] {0.5, -0.0})});
      w.write(new Object[] {"c", new java.util.TreeMap<>(Map.of("x", 1.0))});
      w.write(new Object[] {"d", new DoubleMap(new String[0], new double[0])});
      w.write(new Object[] {"e", null});
    }
    SparkSession spark = SharedSpark.get();
    spark.read().parquet(file.getParent().toString()).createOrReplaceTempView("m");
    assertThat(
            spark
                .sql(
                    "SELECT id, weights['core'], weights['trend'], size(weights) FROM m ORDER BY"
                        + " id")
                .collectAsList()
                .stream()
                .map(Row::toString))
        .containsExactly(
            "[a,0.6,0.4,2]",
            "[b,0.5,-0.0,2]",
            "[c,null,null,1]",
            "[d,null,null,0]",
            "[e,null,null,null]");
    // The Parquet layout Spark itself writes for the same Spark type.
    Path spark4 = dir.resolve("s");
    spark
        .createDataFrame(spark.table("m").collectAsList(), schema)
        .write()
        .parquet(spark4.toString());
    assertThat(footerSchema(file)).isEqualTo(footerSchema(firstPart(spark4)));
  }

  @Test
  void theFooterStoresTheColumnCommentsAndDescribeShowsThem() {
    StructType schema =
        new StructType()
            .add("id", StringType, false, "configuration id")
            .add("nav", DoubleType, true, "NAV, currency units");
    Path file = dir.resolve("c").resolve("part-00000.parquet");
    try (RowFileWriter w =
        RowFileWriter.create(
            new org.apache.hadoop.fs.Path(file.toUri()), schema, new Configuration())) {
      w.write(new Object[] {"a", 1.0});
    }
    SparkSession spark = SharedSpark.get();
    spark.read().parquet(file.getParent().toString()).createOrReplaceTempView("c");
    assertThat(spark.sql("DESCRIBE c").collectAsList().stream().map(Row::toString))
        .containsExactly("[id,string,configuration id]", "[nav,double,NAV, currency units]");
  }

  private static Path firstPart(Path dir) throws java.io.IOException {
    try (var s = java.nio.file.Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** The Parquet schema of a file's footer, as text. */
  private static String footerSchema(Path file) throws java.io.IOException {
    try (var reader =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema().toString();
    }
  }

  @Test
  void compressedPagesLargerThanTheInitialCompressionBufferReadBackExactly() {
    // 30,000 rows x 8 random doubles: pages of Parquet's 1 MB that ZSTD cannot shrink much, so the
    // compression buffer (COMPRESSOR_BUFFER_BYTES, 64 KB to start) has to grow for each of them
    java.util.Random random = new java.util.Random(7);
    Object[][] rows = new Object[30_000][];
    for (int i = 0; i < rows.length; i++) {
      double[] w = new double[8];
      for (int j = 0; j < w.length; j++) {
        w[j] = random.nextDouble();
      }
      rows[i] = new Object[] {"c" + i, LocalDate.of(2024, 1, 2), 1.0, i, 1L, true, w, null};
    }
    Path table = write(rows);
    assertThat(table.resolve("part-00000.parquet").toFile().length())
        .isGreaterThan(16L * RowFileWriter.COMPRESSOR_BUFFER_BYTES);
    List<Row> read =
        SharedSpark.get().read().parquet(table.toString()).orderBy("n").collectAsList();
    assertThat(read).hasSize(rows.length);
    for (int i = 0; i < rows.length; i++) {
      List<Double> weights = read.get(i).getList(6);
      double[] back = weights.stream().mapToDouble(Double::doubleValue).toArray();
      assertThat(back).as("row %d", i).containsExactly((double[]) rows[i][6]);
    }
  }

  @Test
  void aFileWithNoRowsIsAReadableEmptyTable() {
    Path table = write();
    assertThat(SharedSpark.get().read().parquet(table.toString()).count()).isZero();
  }

  @Test
  void aNullInANonNullableColumnIsRefusedNamingTheColumn() {
    assertThatThrownBy(
            () ->
                write(new Object[] {null, LocalDate.of(2024, 1, 2), 1.0, 1, 1L, true, null, null}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid null in non-nullable column 'id'");
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> write(new Object[] {"a"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Invalid row of 1 values for a schema of 8 columns struct<id:string,day:date,");
  }

  @Test
  void aColumnTypeWithoutAParquetMappingIsRefusedNamingIt() {
    assertThatThrownBy(() -> ParquetSchemas.of(new StructType().add("at", BinaryType, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unsupported column type binary for column 'at'"
                + " (supported: string, double, int, bigint, boolean, date, timestamp, arrays and"
                + " maps of them)");
  }
}
