package io.backgrid.spark.parquet;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's rows of some keys, copied without Spark: exactly the file our writer gives for them. */
class RowFileFilterTest {
  static final StructType SCHEMA =
      new StructType()
          .add("config_id", StringType, false)
          .add("day", DateType, false)
          .add("nav", DoubleType, true)
          .add("n", IntegerType, true)
          .add("weights", createMapType(StringType, DoubleType, false), true)
          .add("path", createArrayType(DoubleType, false), true);

  static final String[] SLEEVES = {"core", "trend"};

  @TempDir Path dir;

  /** Rows of configurations c0..c4, interleaved, with nulls, empty and nested values. */
  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "c" + (i % 5);
      boolean gaps = i % 7 == 3;
      rows.add(
          new Object[] {
            id,
            LocalDate.of(2020, 1, 1).plusDays(i),
            gaps ? null : 100.0 + i / 3.0,
            gaps ? null : i,
            gaps ? null : new DoubleMap(SLEEVES, new double[] {i * 0.01, -0.0}),
            i % 4 == 0 ? new double[0] : new double[] {i, 1.0 / (i + 1)}
          });
    }
    return rows;
  }

  private org.apache.hadoop.fs.Path write(String name, List<Object[]> rows) {
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(dir.resolve(name).resolve("part-00003-0.parquet").toUri());
    try (RowFileWriter w = RowFileWriter.create(file, SCHEMA, new Configuration())) {
      rows.forEach(w::write);
    }
    return file;
  }

  private static byte[] bytes(org.apache.hadoop.fs.Path file) throws Exception {
    return Files.readAllBytes(Path.of(file.toUri()));
  }

  @Test
  void theKeptRowsAreTheBytesOurWriterGivesForThemInTheirOrder() throws Exception {
    org.apache.hadoop.fs.Path all = write("all", rows());
    Set<String> keep = Set.of("c1", "c3", "c4");
    org.apache.hadoop.fs.Path expected =
        write("expected", rows().stream().filter(r -> keep.contains((String) r[0])).toList());
    org.apache.hadoop.fs.Path filtered =
        new org.apache.hadoop.fs.Path(dir.resolve("filtered").resolve("f.parquet").toUri());

    long written =
        RowFileFilter.copy(all, filtered, "config_id", keep::contains, new Configuration());

    assertThat(written).isEqualTo(24);
    assertThat(bytes(filtered)).isEqualTo(bytes(expected));
    assertThat(bytes(filtered)).isNotEqualTo(bytes(all));
  }

  @Test
  void keepingNoRowLeavesTheFileWithItsSchemaAndNoRow() throws Exception {
    org.apache.hadoop.fs.Path all = write("all", rows());
    org.apache.hadoop.fs.Path expected = write("expected", List.of());
    org.apache.hadoop.fs.Path filtered =
        new org.apache.hadoop.fs.Path(dir.resolve("filtered").resolve("f.parquet").toUri());

    assertThat(RowFileFilter.copy(all, filtered, "config_id", id -> false, new Configuration()))
        .isZero();
    assertThat(bytes(filtered)).isEqualTo(bytes(expected));
  }

  @Test
  void aKeyThatIsNotATopLevelStringColumnIsRefusedNamingTheFile() {
    org.apache.hadoop.fs.Path all = write("all", rows());
    org.apache.hadoop.fs.Path to =
        new org.apache.hadoop.fs.Path(dir.resolve("filtered").resolve("f.parquet").toUri());
    assertThatThrownBy(() -> RowFileFilter.copy(all, to, "nav", id -> true, new Configuration()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid key column 'nav' for filtering " + all + ": not a top-level string column");
    assertThat(Files.exists(Path.of(to.toUri()))).isFalse();
  }
}
