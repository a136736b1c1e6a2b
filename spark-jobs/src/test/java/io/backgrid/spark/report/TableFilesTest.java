package io.backgrid.spark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.job.Tables;
import io.backgrid.spark.parquet.DoubleMap;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's reader of map columns: a rebalance's weights by sleeve id, in the asked order. */
class TableFilesTest {
  @TempDir Path study;

  @Test
  void mapWeightsAreReadInTheGivenSleeveOrderWhateverTheStoredOrder() {
    String[] stored = {"trend", "core"};
    HandMadeStudy.table(
        study,
        Tables.REBALANCES,
        Tables.REBALANCES_SCHEMA,
        List.<Object[]>of(
            new Object[] {
              "c2",
              LocalDate.of(2020, 1, 2),
              "initial",
              new DoubleMap(stored, new double[] {0, 0}),
              new DoubleMap(stored, new double[] {0.6, 0.4}),
              new DoubleMap(stored, new double[] {0.59, 0.41}),
              1000.0,
              0.0,
              0,
              2000.0,
              2000.0,
              0.0,
              null
            }));
    List<GenericRecord> rows = new ArrayList<>();
    new TableFiles(study.toUri()).scan(Tables.REBALANCES, FilterCompat.NOOP, rows::add);
    assertThat(rows).hasSize(1);
    assertThat(TableFiles.numbers(rows.get(0), "targets", List.of("core", "trend")))
        .containsExactly(0.4, 0.6);
    assertThat(TableFiles.numbers(rows.get(0), "weights_after", List.of("trend", "core")))
        .containsExactly(0.59, 0.41);
    assertThat(TableFiles.numbers(rows.get(0), "targets", List.of("core", "momentum")))
        .as("a sleeve the map lacks")
        .isNull();
  }
}
