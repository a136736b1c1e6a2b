package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.StudyConfiguration;
import io.backgrid.spark.parquet.RowFileWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configs table, written as the job writes it and read back by Spark: one typed column per
 * axis.
 */
class ConfigsTableTest {
  static final String STUDY =
      """
      study {
        name = axes
        data = datasets/demo
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02] }
        ]
        allocation { algorithm = fixed, weights = [0.5, 0.5] }
        grid {
          "allocation.algorithm" = [fixed, kelly]
          "allocation.kelly.fraction" = [0.25, 0.5]
          "allocation.weights" = [[0.5, 0.5], [0.7, 0.3]]
          "sleeves.mom.params.lookback" = [20, 60]
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void everyAxisIsATypedColumnNullWhereItDoesNotApplyAndTheRowsMatchTheConfigurations() {
    List<StudyConfiguration> configurations =
        GridExpander.expand(StudyLoader.load(STUDY, "axes.conf"));
    ConfigsTable table = ConfigsTable.of(configurations);
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(dir.resolve("configs").resolve("part-00000.parquet").toUri());
    try (RowFileWriter writer = RowFileWriter.create(file, table.schema(), new Configuration())) {
      table.rows(configurations).forEach(writer::write);
    }

    List<Row> rows =
        SharedSpark.get()
            .read()
            .parquet(dir.resolve("configs").toString())
            .orderBy("config_id")
            .collectAsList();

    // fixed: 1 (no fraction) x 2 weights x 2 lookbacks = 4; kelly: 2 fractions x 2 x 2 = 8
    assertThat(rows).hasSize(12);
    assertThat(rows.get(0).schema().simpleString())
        .isEqualTo(
            "struct<config_id:string,algorithm:string,weights:array<double>,rebalance_frequency:string,"
                + "lookback:string,fill:string,netting:boolean,fractional_shares:boolean,start:date,end:date,"
                + "allocation_algorithm:string,allocation_kelly_fraction:double,allocation_weights:array<double>,"
                + "sleeves_mom_params_lookback:bigint,canonical_json:string>");
    for (Row r : rows) {
      StudyConfiguration c =
          configurations.stream()
              .filter(x -> x.configId().equals(r.getString(0)))
              .findFirst()
              .orElseThrow();
      assertThat(r.getString(1)).isEqualTo(c.config().rebalancing().algorithm());
      assertThat(r.getList(2)).containsExactly(c.config().weights()[0], c.config().weights()[1]);
      assertThat(r.getString(10)).isEqualTo(c.axisValues().get("allocation.algorithm"));
      if (r.getString(1).equals("fixed")) {
        assertThat(r.isNullAt(11)).as("kelly.fraction does not apply to fixed").isTrue();
        assertThat(r.isNullAt(4)).as("fixed reads no lookback").isTrue();
      } else {
        assertThat(r.getDouble(11)).isIn(0.25, 0.5);
      }
      assertThat(r.getList(12)).isEqualTo(c.axisValues().get("allocation.weights"));
      assertThat(r.getLong(13)).isEqualTo(c.axisValues().get("sleeves.mom.params.lookback"));
      assertThat(r.getString(14)).isEqualTo(c.canonicalJson());
    }
  }
}
